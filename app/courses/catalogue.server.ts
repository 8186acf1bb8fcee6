import type { Prisma } from "@prisma/client";
import { recordAudit } from "~/audit/audit.server";
import type { AuthUser } from "~/auth/session.server";
import { readCount } from "~/db-read.server";
import { db, type DbClient, sqlBuilders } from "~/db.server";
import { ok, refuse, refuseForm, type Outcome } from "~/forms/outcome";
import { activeRole } from "~/platforms/permissions.server";
import { searchable } from "~/text/searchable";
import { splitEmails, type CourseInput } from "./catalogue-schemas";
import { courseActorOf, type Course } from "./courses.server";
import { canCreateCourseOn, canManageCourse } from "./permissions";
import { COURSE_TOPICS } from "./topics";
import { countEnrolled } from "./enrolment.server";
import { placesLeft } from "./enrolment-rules";
import { pageFromUrl, pageOf } from "~/http/pagination";
import { lockRow } from "~/row-lock.server";

type Actor = Pick<AuthUser, "id" | "isAdmin">;
type Client = DbClient;

export const CATALOGUE_PAGE_SIZE = 20;

/** A closed course is a record of what happened: its content is no longer edited. */
export function isCourseEditable(course: Pick<Course, "status">): boolean {
  return course.status !== "closed";
}

/**
 * Inside the transaction that changes a course or its lessons and materials: whether the
 * course may still change, as it stands now, not as the page read it before. The course's row
 * is locked first (PostgreSQL; SQLite takes turns already), so a close waits for the change
 * or the change sees the close — a closed course's content never moves after it closed.
 */
export async function courseEditableNow(tx: DbClient, courseId: string): Promise<boolean> {
  await lockRow(tx, "Course", courseId);
  const course = await tx.course.findUnique({ where: { id: courseId }, select: { status: true } });
  return course !== null && isCourseEditable(course);
}

/** Active facilitators and coordinators of a platform: who may be listed as a course's facilitators. */
export function facilitatorChoices(platformId: string, client: Client = db) {
  return client.user.findMany({
    where: {
      memberships: {
        some: { platformId, status: "active", role: { in: ["facilitator", "coordinator"] } },
      },
    },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/** The platforms on which the user may create a course (administrators: all of them). */
export async function platformsForNewCourse(user: Actor) {
  return db.platform.findMany({
    where: user.isAdmin
      ? {}
      : {
          memberships: {
            some: {
              userId: user.id,
              status: "active",
              role: { in: ["facilitator", "coordinator"] },
            },
          },
        },
    select: { id: true, slug: true, name: true, timeZone: true },
    orderBy: { name: "asc" },
  });
}

/** Whether the user may create a course on this platform (null: portal-wide). */
export async function mayCreateCourseOn(
  user: Actor | null,
  platformId: string | null,
  client: Client = db,
) {
  if (!user) return false;
  const platformRole = platformId ? await activeRole(user.id, platformId, client) : null;
  return canCreateCourseOn({ isAdmin: user.isAdmin, platformRole }, platformId);
}

/** Whoever may create a course somewhere: shows the catalogue's "New course" link. */
export async function mayCreateSomeCourse(user: Actor | null): Promise<boolean> {
  if (!user) return false;
  if (user.isAdmin) return true;
  const count = await db.membership.count({
    where: { userId: user.id, status: "active", role: { in: ["facilitator", "coordinator"] } },
  });
  return count > 0;
}

/**
 * The facilitators the form names, resolved to user ids; a refusal beside the field when one
 * is not allowed. Platform courses pick among the platform's facilitators and coordinators;
 * portal-wide courses name existing users by e-mail.
 */
async function resolveFacilitators(
  client: Client,
  platformId: string | null,
  input: CourseInput,
): Promise<Outcome<string[]>> {
  if (platformId) {
    const wanted = [...new Set(input.facilitatorIds ?? [])];
    if (!wanted.length) return ok([]);
    const allowed = await client.user.findMany({
      where: {
        id: { in: wanted },
        memberships: {
          some: { platformId, status: "active", role: { in: ["facilitator", "coordinator"] } },
        },
      },
      select: { id: true },
    });
    if (allowed.length !== wanted.length) {
      return refuse("facilitatorIds", "courses:errors.facilitatorNotOnPlatform");
    }
    return ok(wanted);
  }
  const emails = splitEmails(input.facilitatorEmails);
  if (emails.length > 20) return refuse("facilitatorEmails", "courses:errors.tooManyFacilitators");
  const users = await client.user.findMany({
    where: { email: { in: emails } },
    select: { id: true, email: true },
  });
  const unknown = emails.filter((e) => !users.some((u) => u.email === e));
  if (unknown.length) {
    return refuse(
      "facilitatorEmails",
      `courses:errors.unknownFacilitator|email=${unknown[0]!.replace(/[|=]/g, "")}`,
    );
  }
  return ok(users.map((u) => u.id));
}

function courseData(input: CourseInput) {
  const titleEn = input.titleEn ?? "";
  return {
    titleEs: input.titleEs,
    titleEn,
    descriptionEs: input.descriptionEs,
    descriptionEn: input.descriptionEn ?? "",
    topic: input.topic,
    capacity: input.capacity ?? null,
    enrolmentOpen: input.enrolmentOpen,
    startDate: input.startDate,
    endDate: input.endDate,
    completionPercent: input.completionPercent,
    searchText: searchable(`${input.titleEs} ${titleEn}`),
  };
}

/** Creates a draft course on a platform (its time zone) or portal-wide (the chosen zone). */
export async function createCourse(
  user: Actor,
  platform: { id: string; timeZone: string } | null,
  input: CourseInput,
): Promise<Outcome<{ courseId: string }>> {
  const timeZone = platform ? platform.timeZone : input.timeZone;
  return db.$transaction(async (tx) => {
    // The role as it stands when the course is written, not as the page found it.
    if (!(await mayCreateCourseOn(user, platform?.id ?? null, tx))) {
      return refuseForm("courses:errors.mayNotCreate");
    }
    if (!timeZone) return refuse("timeZone", "validation.choice");
    const facilitators = await resolveFacilitators(tx, platform?.id ?? null, input);
    if (!facilitators.ok) return facilitators;
    const course = await tx.course.create({
      data: {
        ...courseData(input),
        platformId: platform?.id ?? null,
        timeZone,
        status: "draft",
        createdById: user.id,
        facilitators: { create: facilitators.value.map((userId) => ({ userId })) },
      },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "course.created",
      entityType: "Course",
      entityId: course.id,
      platformId: course.platformId,
      details: { facilitatorIds: facilitators.value },
    });
    return ok({ courseId: course.id });
  });
}

/** Edits a course (not a closed one); the capacity never drops below those enrolled. */
export async function updateCourse(
  user: Actor,
  courseId: string,
  input: CourseInput,
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    await lockRow(tx, "Course", courseId);
    const course = await tx.course.findUnique({ where: { id: courseId } });
    if (!course) return refuseForm("courses:errors.notFound");
    const actor = await courseActorOf(user, course, tx);
    if (!actor || !canManageCourse(actor)) return refuseForm("courses:errors.mayNotManage");
    if (!isCourseEditable(course)) return refuseForm("courses:errors.closed");
    const enrolled = await countEnrolled(tx, courseId);
    if (input.capacity !== undefined && input.capacity < enrolled) {
      return refuse("capacity", `courses:errors.capacityBelowEnrolled|enrolled=${enrolled}`);
    }
    const facilitators = await resolveFacilitators(tx, course.platformId, input);
    if (!facilitators.ok) return facilitators;
    await tx.courseFacilitator.deleteMany({ where: { courseId } });
    await tx.course.update({
      where: { id: courseId },
      data: {
        ...courseData(input),
        // A platform course keeps its platform's zone; a portal-wide one may change it.
        ...(course.platformId ? {} : input.timeZone ? { timeZone: input.timeZone } : {}),
        facilitators: { create: facilitators.value.map((userId) => ({ userId })) },
      },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "course.updated",
      entityType: "Course",
      entityId: courseId,
      platformId: course.platformId,
      details: { facilitatorIds: facilitators.value },
    });
    return ok(null);
  });
}

/** Publishes a draft, or takes a published course back to draft while nobody is enrolled. */
export async function setCoursePublished(
  user: Actor,
  courseId: string,
  publish: boolean,
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    await lockRow(tx, "Course", courseId);
    const course = await tx.course.findUnique({ where: { id: courseId } });
    if (!course) return refuseForm("courses:errors.notFound");
    const actor = await courseActorOf(user, course, tx);
    if (!actor || !canManageCourse(actor)) return refuseForm("courses:errors.mayNotManage");
    if (!isCourseEditable(course)) return refuseForm("courses:errors.closed");
    const target = publish ? "published" : "draft";
    if (course.status === target) return ok(null);
    // Hiding a course from people already enrolled in it would strand them.
    if (!publish && (await countEnrolled(tx, courseId)) > 0) {
      return refuseForm("courses:errors.unpublishEnrolled");
    }
    await tx.course.update({ where: { id: courseId }, data: { status: target } });
    await recordAudit(tx, {
      actorId: user.id,
      action: publish ? "course.published" : "course.unpublished",
      entityType: "Course",
      entityId: courseId,
      platformId: course.platformId,
    });
    return ok(null);
  });
}

/** The edit form's values for an existing course. */
export async function courseFormValues(course: Course) {
  const facilitators = await db.courseFacilitator.findMany({
    where: { courseId: course.id },
    include: { user: { select: { email: true } } },
  });
  return {
    titleEs: course.titleEs,
    titleEn: course.titleEn || undefined,
    descriptionEs: course.descriptionEs,
    descriptionEn: course.descriptionEn || undefined,
    topic: course.topic,
    timeZone: course.timeZone,
    facilitatorIds: facilitators.map((f) => f.userId),
    facilitatorEmails: facilitators.map((f) => f.user.email).join("\n"),
    capacity: course.capacity === null ? undefined : String(course.capacity),
    enrolmentOpen: course.enrolmentOpen ? "on" : undefined,
    startDate: course.startDate,
    endDate: course.endDate,
    completionPercent: String(course.completionPercent),
  };
}

export interface CatalogueFilters {
  topic?: string;
  platform?: string;
  page?: number;
}

/** The filters from the address, ignoring anything that is not a known value. */
export function parseCatalogueFilters(url: URL): CatalogueFilters {
  const topic = url.searchParams.get("topic") ?? "";
  const platform = url.searchParams.get("platform") ?? "";
  return {
    topic: (COURSE_TOPICS as readonly string[]).includes(topic) ? topic : undefined,
    platform: /^[a-z0-9-]{1,60}$/.test(platform) ? platform : undefined,
    page: pageFromUrl(url),
  };
}

/**
 * Which courses a reader sees in the catalogue: published and closed ones, plus the drafts
 * they manage (canSeeCourse, as a query: administrators, the platform's facilitators and
 * coordinators, and the course's own facilitators).
 */
async function visibleWhere(user: Actor | null): Promise<Prisma.CourseWhereInput> {
  const shown: Prisma.CourseWhereInput = { status: { in: ["published", "closed"] } };
  if (!user) return shown;
  if (user.isAdmin) return {};
  const managed = await db.membership.findMany({
    where: { userId: user.id, status: "active", role: { in: ["facilitator", "coordinator"] } },
    select: { platformId: true },
  });
  return {
    OR: [
      shown,
      { status: "draft", platformId: { in: managed.map((m) => m.platformId) } },
      { status: "draft", facilitators: { some: { userId: user.id } } },
    ],
  };
}

export async function listCatalogue(
  user: Actor | null,
  filters: CatalogueFilters,
  now = new Date(),
) {
  const where: Prisma.CourseWhereInput = {
    AND: [
      await visibleWhere(user),
      filters.topic ? { topic: filters.topic } : {},
      filters.platform ? { platform: { slug: filters.platform } } : {},
    ],
  };
  const total = await db.course.count({ where });
  const page = pageOf(filters.page ?? 1, total, CATALOGUE_PAGE_SIZE);
  const courses = await db.course.findMany({
    where,
    // Running and upcoming courses before closed ones, the latest start first.
    orderBy: [{ status: "desc" }, { startDate: "desc" }, { id: "asc" }],
    skip: page.skip,
    take: page.take,
    include: { platform: { select: { slug: true, name: true } } },
  });
  const ids = courses.map((c) => c.id);
  const [enrolled, upcoming] = await Promise.all([
    db.enrolment.groupBy({
      by: ["courseId"],
      where: { courseId: { in: ids }, status: "enrolled" },
      _count: { _all: true },
    }),
    db.trainingSession.groupBy({
      by: ["courseId"],
      where: { courseId: { in: ids }, status: "scheduled", startsAt: { gt: now } },
      _min: { startsAt: true },
    }),
  ]);
  const items = courses.map((c) => {
    const count = enrolled.find((e) => e.courseId === c.id)?._count._all ?? 0;
    return {
      ...c,
      enrolled: count,
      placesLeft: placesLeft(c.capacity, count),
      nextSession: upcoming.find((u) => u.courseId === c.id)?._min.startsAt ?? null,
    };
  });
  return {
    items,
    total,
    page: page.page,
    pages: page.pages,
  };
}

/** Published (and closed) courses of a platform, for its page. */
export async function countPlatformCourses(platformId: string): Promise<number> {
  // On every view of the platform page: without Prisma (app/db-read.server.ts).
  const { sql } = sqlBuilders();
  return await readCount(
    db,
    sql`SELECT COUNT(*) AS "n" FROM "Course"
      WHERE "platformId" = ${platformId} AND "status" IN ('published', 'closed')`,
  );
}

/** Every platform, for the catalogue's filter. */
export function catalogueFilterPlatforms() {
  return db.platform.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } });
}
