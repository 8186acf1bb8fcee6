import {
  attendanceWindow as eventWindow,
  type AttendanceMessages,
  type AttendanceWindow,
} from "~/attendance/window";

export {
  ATTENDANCE_OPENS_BEFORE_MS,
  WALK_INS_CLOSE_AFTER_DAYS,
  WALK_INS_CLOSE_AFTER_MS,
} from "~/attendance/window";

/** How an assembly words the attendance rules. */
export const MEETING_ATTENDANCE_MESSAGES: AttendanceMessages = {
  cancelled: "meetings:errors.attendanceCancelled",
  notYet: "meetings:errors.attendanceNotYet",
  closed: "meetings:errors.attendancePublished",
  walkInsClosed: "meetings:errors.walkInsClosed",
  unknownParticipant: "meetings:errors.unknownParticipant",
};

export interface AttendanceMeeting {
  status: string;
  startsAt: Date;
  endsAt: Date;
  minutesPublishedAt: Date | null;
}

/** An assembly's attendance closes when its minutes are published. */
export function attendanceWindow(meeting: AttendanceMeeting, now: Date): AttendanceWindow {
  return eventWindow(
    {
      cancelled: meeting.status === "cancelled",
      closed: !!meeting.minutesPublishedAt,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
    },
    MEETING_ATTENDANCE_MESSAGES,
    now,
  );
}
