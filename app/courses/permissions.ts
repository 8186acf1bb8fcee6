import type { PlatformRole } from "~/platforms/schemas";

/**
 * Who may do what with a course: one pure rule, used by loaders (what a page offers) and
 * by the domain (what it accepts). See docs/decisions/013 to 016 (catalogue, sessions, enrolment, certificates).
 */
export interface CourseActor {
  isAdmin: boolean;
  /** The actor's active role on the course's platform (null when none, or no platform). */
  platformRole: PlatformRole | null;
  /** Listed as one of the course's facilitators. */
  isCourseFacilitator: boolean;
}

export type CourseStatus = "draft" | "published" | "closed";

/** Edit the course, run its sessions, take attendance, enrol people, close it. */
export function canManageCourse(actor: CourseActor): boolean {
  return (
    actor.isAdmin ||
    actor.isCourseFacilitator ||
    actor.platformRole === "facilitator" ||
    actor.platformRole === "coordinator"
  );
}

/** Revoke a certificate: a coordinator of the course's platform, or an administrator. */
export function canRevokeCertificates(actor: CourseActor): boolean {
  return actor.isAdmin || actor.platformRole === "coordinator";
}

/**
 * Create a course: administrators anywhere (also portal-wide, without a platform);
 * facilitators and coordinators on their own platform.
 */
export function canCreateCourseOn(
  actor: Pick<CourseActor, "isAdmin" | "platformRole">,
  platformId: string | null,
): boolean {
  if (actor.isAdmin) return true;
  if (!platformId) return false;
  return actor.platformRole === "facilitator" || actor.platformRole === "coordinator";
}

/** Drafts are seen only by those who manage the course; published and closed by anyone. */
export function canSeeCourse(status: string, actor: CourseActor | null): boolean {
  if (status === "published" || status === "closed") return true;
  return !!actor && canManageCourse(actor);
}
