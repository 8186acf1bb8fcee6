/**
 * When an assembly counts as "upcoming" and takes RSVPs. One rule for the lists (platform page,
 * meetings page), the meeting page's RSVP form and the RSVP action, so they always agree.
 */
export interface MeetingTiming {
  status: string;
  endsAt: Date;
}

/**
 * Upcoming: not over and not held. Taking attendance marks a meeting "held" (even before its
 * planned start), after which it belongs with the past ones. Cancelled meetings stay listed
 * (with their badge) until their date passes, so people learn they were cancelled.
 */
export function isUpcoming(meeting: MeetingTiming, now: Date): boolean {
  return meeting.status !== "held" && meeting.endsAt >= now;
}

/** Why an RSVP is refused (a message key), or null when the meeting takes it. */
export function rsvpRefusal(meeting: MeetingTiming, now: Date): string | null {
  if (meeting.status === "cancelled") return "meetings:errors.cancelled";
  if (meeting.status === "held") return "meetings:errors.rsvpAfterAttendance";
  if (meeting.endsAt < now) return "meetings:errors.over";
  return null;
}

export function acceptsRsvp(meeting: MeetingTiming, now: Date): boolean {
  return rsvpRefusal(meeting, now) === null;
}
