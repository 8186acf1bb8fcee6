import type { AppLoadContext } from "@remix-run/node";
import { forbidden, notFound, requireUser } from "~/auth/guards.server";
import type { AuthUser } from "~/auth/session.server";
import type { Course as CourseRow } from "@prisma/client";
import { readRow } from "~/db-read.server";
import { db, type DbClient, sqlBuilders } from "~/db.server";
import { activeRole } from "~/platforms/permissions.server";
import {
  canManageCourse,
  canRevokeCertificates,
  canSeeCourse,
  type CourseActor,
} from "./permissions";

export type Course = CourseRow & {
  platform: { id: string; slug: string; name: string; timeZone: string } | null;
};

/**
 * Every column of the course, with its platform's: read on every course page, so as one
 * statement without Prisma (app/db-read.server.ts; db-read.test.ts compares it with Prisma's).
 */
async function findCourse(client: DbClient, courseId: string): Promise<Course | null> {
  const { sql } = sqlBuilders();
  const row = await readRow<
    CourseRow & {
      platformSlug: string | null;
      platformName: string | null;
      platformTimeZone: string | null;
    }
  >(
    client,
    sql`SELECT c."id", c."platformId", c."titleEs", c."titleEn", c."descriptionEs",
      c."descriptionEn", c."topic", c."capacity", c."enrolmentOpen", c."startDate", c."endDate",
      c."timeZone", c."completionPercent", c."status", c."closedAt", c."closedById",
      c."searchText", c."createdById", c."createdAt", c."updatedAt",
      p."slug" AS "platformSlug", p."name" AS "platformName", p."timeZone" AS "platformTimeZone"
    FROM "Course" c LEFT JOIN "Platform" p ON p."id" = c."platformId"
    WHERE c."id" = ${courseId}`,
    { enrolmentOpen: "boolean", closedAt: "instant", createdAt: "instant", updatedAt: "instant" },
  );
  if (!row) return null;
  const { platformSlug, platformName, platformTimeZone, ...course } = row;
  return {
    ...course,
    platform: course.platformId
      ? {
          id: course.platformId,
          slug: platformSlug!,
          name: platformName!,
          timeZone: platformTimeZone!,
        }
      : null,
  };
}

/** A course by id, or a 404. Inside a transaction pass its client. */
export async function getCourse(courseId: string, client: DbClient = db): Promise<Course> {
  const course = await findCourse(client, courseId);
  if (!course) notFound();
  return course;
}

/** The facts the course permission rules need about one user. */
export async function courseActorOf(
  user: Pick<AuthUser, "id" | "isAdmin"> | null,
  course: Pick<Course, "id" | "platformId">,
  client: DbClient = db,
): Promise<CourseActor | null> {
  if (!user) return null;
  const [platformRole, facilitator] = await Promise.all([
    course.platformId ? activeRole(user.id, course.platformId, client) : Promise.resolve(null),
    readRow<{ id: string }>(
      client,
      sqlBuilders().sql`SELECT "id" FROM "CourseFacilitator"
        WHERE "courseId" = ${course.id} AND "userId" = ${user.id}`,
    ),
  ]);
  return { isAdmin: user.isAdmin, platformRole, isCourseFacilitator: !!facilitator };
}

/** What the reader may do with a course, for pages to offer only the controls that work. */
export async function courseViewerOf(
  user: Pick<AuthUser, "id" | "isAdmin"> | null,
  course: Pick<Course, "id" | "platformId">,
) {
  const actor = await courseActorOf(user, course);
  return {
    signedIn: !!user,
    canManage: !!actor && canManageCourse(actor),
    canRevoke: !!actor && canRevokeCertificates(actor),
  };
}

/** A course the reader may see: drafts are a 404 to anyone who does not manage them. */
export async function requireVisibleCourse(
  user: Pick<AuthUser, "id" | "isAdmin"> | null,
  courseId: string,
): Promise<Course> {
  const course = await getCourse(courseId);
  if (course.status === "draft" && !canSeeCourse(course.status, await courseActorOf(user, course)))
    notFound();
  return course;
}

/**
 * Loaders and actions that run a course: a login redirect for anonymous readers, a 404 for
 * a draft they cannot see, a 403 for anyone else who may not manage it.
 */
export async function requireCourseManager(
  request: Request,
  context: AppLoadContext,
  courseId: string,
): Promise<{ user: AuthUser; course: Course }> {
  const user = requireUser(request, context);
  const course = await getCourse(courseId);
  const actor = await courseActorOf(user, course);
  if (!actor || !canManageCourse(actor)) {
    if (course.status === "draft") notFound();
    forbidden();
  }
  return { user, course };
}

/** Coordinators of the course's platform and administrators (revoking certificates). */
export async function requireCertificateRevoker(
  request: Request,
  context: AppLoadContext,
  courseId: string,
): Promise<{ user: AuthUser; course: Course }> {
  const user = requireUser(request, context);
  const course = await getCourse(courseId);
  const actor = await courseActorOf(user, course);
  if (!actor || !canRevokeCertificates(actor)) {
    if (course.status === "draft" && !(actor && canManageCourse(actor))) notFound();
    forbidden();
  }
  return { user, course };
}

/** The course's title and description in the reader's language (Spanish when missing). */
export function courseText(
  course: Pick<Course, "titleEs" | "titleEn" | "descriptionEs" | "descriptionEn">,
  locale: string,
) {
  const en = locale === "en";
  return {
    title: (en && course.titleEn) || course.titleEs,
    description: (en && course.descriptionEn) || course.descriptionEs,
  };
}
