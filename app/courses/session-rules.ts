import { msg } from "~/forms/messages";

/**
 * What may happen to a training session: pure rules, used by pages (what they offer) and
 * by the domain (what it accepts). See docs/decisions/014-training-sessions.md.
 */

export type SessionStatus = "scheduled" | "held" | "cancelled";

interface CourseFacts {
  status: string;
  startDate: string;
  endDate: string;
}

/** Scheduling or editing a session: refused for a closed course (the record is final). */
export function courseRefusesSessions(course: Pick<CourseFacts, "status">): string | null {
  return course.status === "closed" ? "training:errors.courseClosed" : null;
}

/** A session's date must fall within the course's dates (local "YYYY-MM-DD" compare as text). */
export function dateOutsideCourse(date: string, course: CourseFacts): string | null {
  if (date < course.startDate || date > course.endDate) {
    return msg("training:errors.outsideCourse", { start: course.startDate, end: course.endDate });
  }
  return null;
}

/** Held sessions (attendance taken) and cancelled ones are no longer edited. */
export function sessionEditRefusal(status: string): string | null {
  if (status === "held") return "training:errors.held";
  if (status === "cancelled") return "training:errors.cancelled";
  return null;
}

/** A held session happened: it is not cancelled afterwards; a cancelled one stays so. */
export function sessionCancelRefusal(status: string): string | null {
  if (status === "held") return "training:errors.heldNotCancelled";
  if (status === "cancelled") return "training:errors.cancelled";
  return null;
}
