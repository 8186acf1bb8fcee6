import { msg } from "~/forms/messages";

/**
 * When the attendance of an assembly may be written. Pure, so the attendance page (what it
 * offers) and every write (what it accepts) apply the same rule. See
 * docs/decisions/008-records-governance-record-integrity.md.
 */

/** Attendance opens on the day: from six hours before the start, never for a far-off date. */
export const ATTENDANCE_OPENS_BEFORE_MS = 6 * 3600_000;

/**
 * Walk-ins are added while the assembly is fresh in memory: up to three days after its end.
 * Later, a name "remembered" weeks afterwards would change a quorum nobody can check.
 */
export const WALK_INS_CLOSE_AFTER_DAYS = 3;
export const WALK_INS_CLOSE_AFTER_MS = WALK_INS_CLOSE_AFTER_DAYS * 24 * 3600_000;

export interface AttendanceMeeting {
  status: string;
  startsAt: Date;
  endsAt: Date;
  minutesPublishedAt: Date | null;
}

/** A message key saying why that kind of attendance write is refused, or null when allowed. */
export interface AttendanceWindow {
  /** Marking members present, absent or excused (and correcting marks). */
  marks: string | null;
  /** Adding a person without an account as present. */
  addWalkIn: string | null;
  /** Taking back a walk-in recorded by mistake. */
  removeWalkIn: string | null;
}

export function attendanceWindow(meeting: AttendanceMeeting, now: Date): AttendanceWindow {
  const closed = (key: string): AttendanceWindow => ({
    marks: key,
    addWalkIn: key,
    removeWalkIn: key,
  });
  if (meeting.status === "cancelled") return closed("meetings:errors.attendanceCancelled");
  // Published minutes state who was there and whether there was quorum: corrections from
  // then on go through an amendment, never through the attendance sheet.
  if (meeting.minutesPublishedAt) return closed("meetings:errors.attendancePublished");
  if (now.getTime() < meeting.startsAt.getTime() - ATTENDANCE_OPENS_BEFORE_MS) {
    return closed("meetings:errors.attendanceNotYet");
  }
  const walkInsOver = now.getTime() > meeting.endsAt.getTime() + WALK_INS_CLOSE_AFTER_MS;
  return {
    marks: null,
    addWalkIn: walkInsOver
      ? msg("meetings:errors.walkInsClosed", { days: WALK_INS_CLOSE_AFTER_DAYS })
      : null,
    removeWalkIn: null,
  };
}
