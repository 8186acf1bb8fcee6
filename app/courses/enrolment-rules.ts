/**
 * Who may take or keep a place on a course, as pure rules: the course page uses them to
 * offer only the buttons that work, the domain to decide what it accepts.
 * See docs/decisions/015-enrolment.md.
 */

export const ENROLMENT_STATUSES = ["enrolled", "left", "withdrawn"] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** Who is asking: the person for themselves, or someone who manages the course. */
export type EnrolledBy = "self" | "manager";

export interface CourseForEnrolment {
  status: string;
  enrolmentOpen: boolean;
  /** Last day of the course (YYYY-MM-DD, the course's own calendar). */
  endDate: string;
  /** Places; null when there is no limit. */
  capacity: number | null;
}

export type EnrolmentRefusal =
  | "notPublished"
  | "courseClosed"
  | "courseEnded"
  | "enrolmentClosed"
  | "full"
  | "alreadyEnrolled"
  | "withdrawnByManager"
  | "notEnrolled";

/** The translation key of a refusal, shown beside the form or as the page's message. */
export function refusalMessage(refusal: EnrolmentRefusal): string {
  return `enrolment:errors.${refusal}`;
}

/** Places left, or null when the course has no limit. Never negative. */
export function placesLeft(capacity: number | null, enrolledCount: number): number | null {
  if (capacity === null) return null;
  return Math.max(0, capacity - enrolledCount);
}

/**
 * Why no new place can be given now, or null when one can.
 * - Nobody enrols in a closed course or one whose last day has passed (`today` is the
 *   course's local date).
 * - People enrol themselves only in a published course with enrolment open; managers may
 *   also enrol people while the course is a draft or enrolment is closed to the public
 *   (they are the ones who closed it, e.g. to enrol a community's list themselves).
 * - Capacity holds for everyone: only walk-ins recorded at a session go beyond it.
 */
export function enrolmentRefusal(
  course: CourseForEnrolment,
  by: EnrolledBy,
  today: string,
  enrolledCount: number,
): EnrolmentRefusal | null {
  if (course.status === "closed") return "courseClosed";
  if (course.status !== "published" && (by === "self" || course.status !== "draft"))
    return "notPublished";
  if (course.endDate < today) return "courseEnded";
  if (by === "self" && !course.enrolmentOpen) return "enrolmentClosed";
  if (placesLeft(course.capacity, enrolledCount) === 0) return "full";
  return null;
}

/**
 * What an existing enrolment row says about enrolling again. Someone who left may come
 * back on their own; someone a manager withdrew comes back only through a manager (a
 * withdrawal is a decision, with a reason, that the person cannot undo alone).
 */
export function reEnrolmentRefusal(
  current: EnrolmentStatus | null,
  by: EnrolledBy,
): EnrolmentRefusal | null {
  if (current === "enrolled") return "alreadyEnrolled";
  if (current === "withdrawn" && by === "self") return "withdrawnByManager";
  return null;
}

/**
 * Leaving (the person) or being withdrawn (by a manager, with a reason): only while
 * enrolled, and not once the course is closed — its attendance and certificates are final.
 */
export function endRefusal(
  course: Pick<CourseForEnrolment, "status">,
  current: EnrolmentStatus | null,
): EnrolmentRefusal | null {
  if (course.status === "closed") return "courseClosed";
  if (current !== "enrolled") return "notEnrolled";
  return null;
}

/**
 * The one-time notice (common.json "notices") that tells a person on the course page why
 * their own enrolment or leaving was refused: the self-enrolment form posts from that page
 * and goes back to it either way.
 */
export const REFUSAL_NOTICES: Record<EnrolmentRefusal, string> = {
  notPublished: "enrolmentNotOpen",
  courseClosed: "enrolmentCourseClosed",
  courseEnded: "enrolmentCourseEnded",
  enrolmentClosed: "enrolmentClosed",
  full: "enrolmentFull",
  alreadyEnrolled: "enrolmentAlready",
  withdrawnByManager: "enrolmentWithdrawnByManager",
  notEnrolled: "enrolmentNotEnrolled",
};

/** The refusal a message key names ("enrolment:errors.full" → "full"), if it is one. */
export function refusalOf(message: string | undefined): EnrolmentRefusal | null {
  const code = message?.replace(/^enrolment:errors\./, "") ?? "";
  return Object.hasOwn(REFUSAL_NOTICES, code) ? (code as EnrolmentRefusal) : null;
}
