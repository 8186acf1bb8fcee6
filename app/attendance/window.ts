import { msg } from "~/forms/messages";

/**
 * When the attendance of an event (an assembly, a training session) may be written. Pure,
 * so a page (what it offers) and every write (what it accepts) apply the same rule. See
 * docs/decisions/008-governance-records-openings-hands-attendance.md.
 */

/** Attendance opens on the day: from six hours before the start, never for a far-off date. */
export const ATTENDANCE_OPENS_BEFORE_MS = 6 * 3600_000;

/**
 * Walk-ins are added while the event is fresh in memory: up to three days after its end.
 * Later, a name "remembered" weeks afterwards would change a count nobody can check.
 */
export const WALK_INS_CLOSE_AFTER_DAYS = 3;
export const WALK_INS_CLOSE_AFTER_MS = WALK_INS_CLOSE_AFTER_DAYS * 24 * 3600_000;

/** Each host words its refusals for its own event ("assembly", "session"). */
export interface AttendanceMessages {
  cancelled: string;
  notYet: string;
  /** The record is closed: minutes published, course closed. */
  closed: string;
  walkInsClosed: string;
  unknownParticipant: string;
}

export interface AttendanceEvent {
  cancelled: boolean;
  /** The record was closed (minutes published, course closed): nothing changes after. */
  closed: boolean;
  startsAt: Date;
  endsAt: Date;
}

/** A message key saying why that kind of attendance write is refused, or null when allowed. */
export interface AttendanceWindow {
  /** Marking people on the roster (and correcting marks). */
  marks: string | null;
  /** Adding a person without an account as present. */
  addWalkIn: string | null;
  /** Taking back a walk-in recorded by mistake. */
  removeWalkIn: string | null;
}

export function attendanceWindow(
  event: AttendanceEvent,
  messages: AttendanceMessages,
  now: Date,
): AttendanceWindow {
  const closed = (key: string): AttendanceWindow => ({
    marks: key,
    addWalkIn: key,
    removeWalkIn: key,
  });
  if (event.cancelled) return closed(messages.cancelled);
  // A closed record states who was there: corrections from then on are explicit (an
  // amendment), never a quiet change of the sheet.
  if (event.closed) return closed(messages.closed);
  if (now.getTime() < event.startsAt.getTime() - ATTENDANCE_OPENS_BEFORE_MS) {
    return closed(messages.notYet);
  }
  const walkInsOver = now.getTime() > event.endsAt.getTime() + WALK_INS_CLOSE_AFTER_MS;
  return {
    marks: null,
    addWalkIn: walkInsOver
      ? msg(messages.walkInsClosed, { days: WALK_INS_CLOSE_AFTER_DAYS })
      : null,
    removeWalkIn: null,
  };
}
