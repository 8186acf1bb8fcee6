import type { AppLoadContext } from "@remix-run/node";
import { forbidden, notFound, requireUser } from "~/auth/guards.server";
import type { AuthUser } from "~/auth/session.server";
import { db, type DbClient } from "~/db.server";
import { activeRole } from "~/platforms/permissions.server";
import {
  canManageCourse,
  canRevokeCertificates,
  canSeeCourse,
  type CourseActor,
} from "./permissions";

export type Course = NonNullable<Awaited<ReturnType<typeof findCourse>>>;

function findCourse(client: DbClient, courseId: string) {
  return client.course.findUnique({
    where: { id: courseId },
    include: { platform: { select: { id: true, slug: true, name: true, timeZone: true } } },
  });
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
    client.courseFacilitator.findUnique({
      where: { courseId_userId: { courseId: course.id, userId: user.id } },
      select: { id: true },
    }),
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
