import * as attendance from "~/attendance/attendance.server";
import type { AttendanceHost, RosterPerson, Statuses } from "~/attendance/attendance.server";
import type { DbClient } from "~/db.server";
import { db } from "~/db.server";
import type { Outcome } from "~/forms/outcome";
import type { InHost } from "~/attendance/form-action.server";
import { findPeopleWithoutAccount } from "~/participants/participants.server";
import { membersActiveAt } from "~/platforms/membership.server";
import { attendanceWindow, MEETING_ATTENDANCE_MESSAGES } from "./attendance-window";
import { getMeeting, type Meeting } from "./meetings.server";
import { ATTENDANCE_STATUSES, type WalkInInput } from "./schemas";

export {
  ATTENDANCE_OPENS_BEFORE_MS,
  WALK_INS_CLOSE_AFTER_MS,
  attendanceWindow,
} from "./attendance-window";
export type { RosterRow } from "~/attendance/attendance.server";

interface Actor {
  id: string;
}

/**
 * Who can be marked at an assembly: the members active when it starts, plus anyone who
 * became a member since (joining at the assembly is common). Only the first count toward
 * quorum (see quorum.server.ts).
 */
async function rosterMembers(client: DbClient, meeting: Meeting, now: Date) {
  const [atStart, current] = await Promise.all([
    membersActiveAt(meeting.platformId, meeting.startsAt, client),
    membersActiveAt(meeting.platformId, now, client),
  ]);
  const byParticipant = new Map<string, RosterPerson>();
  for (const m of [...atStart, ...current]) {
    if (m.participantId)
      byParticipant.set(m.participantId, { name: m.name, community: m.community });
  }
  return byParticipant;
}

/** An assembly as a host of the attendance module. */
export function meetingHost(meeting: Meeting): AttendanceHost {
  return {
    rows: { meetingId: meeting.id },
    audit: { entityType: "Meeting", entityId: meeting.id, platformId: meeting.platformId },
    statuses: ATTENDANCE_STATUSES,
    messages: MEETING_ATTENDANCE_MESSAGES,
    endsAt: meeting.endsAt,
    window: (now) => attendanceWindow(meeting, now),
    roster: (client, now) => rosterMembers(client, meeting, now),
    // Taking attendance is what makes an assembly "held" (and no longer editable).
    async onRecorded(client) {
      await client.meeting.updateMany({
        where: { id: meeting.id, status: "scheduled" },
        data: { status: "held" },
      });
    },
  };
}

export async function attendanceSheet(
  platformId: string,
  meetingId: string,
  filter?: string,
  now = new Date(),
) {
  const meeting = await getMeeting(platformId, meetingId);
  const sheet = await attendance.attendanceSheet(db, meetingHost(meeting), now, filter);
  return { meeting, ...sheet, memberCount: sheet.rosterSize };
}

/**
 * Saves the roster's statuses. Refused, with nothing written, for a cancelled meeting,
 * before attendance opens and once the minutes are published (see attendanceWindow).
 */
export async function saveAttendance(
  actor: Actor,
  platformId: string,
  meetingId: string,
  statuses: Statuses,
  now = new Date(),
): Promise<Outcome<{ changed: number }>> {
  return db.$transaction(async (tx) => {
    const host = meetingHost(await getMeeting(platformId, meetingId, tx));
    return attendance.writeMarks(tx, actor, host, statuses, now);
  });
}

/** The attendance form's transactions, with the assembly loaded inside each. */
export function inMeetingHost(platformId: string, meetingId: string): InHost {
  return (write) =>
    db.$transaction(async (tx) =>
      write(tx, meetingHost(await getMeeting(platformId, meetingId, tx))),
    );
}

/** A person without an account counted as present, with the marks not yet saved. */
export async function addWalkIn(
  actor: Actor,
  platformId: string,
  meetingId: string,
  input: WalkInInput | { participantId: string },
  now = new Date(),
  statuses: Statuses = {},
): Promise<Outcome<{ participantId: string }>> {
  return db.$transaction(async (tx) => {
    const host = meetingHost(await getMeeting(platformId, meetingId, tx));
    return attendance.addWalkIn(tx, actor, host, input, now, statuses);
  });
}

/** Takes back a walk-in recorded by mistake, with the marks not yet saved. */
export async function removeWalkIn(
  actor: Actor,
  platformId: string,
  meetingId: string,
  attendanceId: string,
  now = new Date(),
  statuses: Statuses = {},
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    const host = meetingHost(await getMeeting(platformId, meetingId, tx));
    return attendance.removeWalkIn(tx, actor, host, attendanceId, now, statuses);
  });
}

/**
 * People without an account already recorded on this platform who match `who` and are not
 * yet on this assembly's list: the walk-in form offers them before a new record.
 */
export async function walkInCandidates(platformId: string, meetingId: string, who: string) {
  if (!who.trim()) return [];
  const [found, here] = await Promise.all([
    findPeopleWithoutAccount(db, platformId, who),
    db.attendance.findMany({ where: { meetingId }, select: { participantId: true } }),
  ]);
  const counted = new Set(here.map((a) => a.participantId));
  return found
    .filter((p) => !counted.has(p.id))
    .map((p) => ({ id: p.id, name: p.name, community: p.community, events: p._count.attendance }));
}

/** Attendance for the minutes' print view: present members and walk-ins, by name. */
export async function attendanceList(meetingId: string) {
  return attendance.attendanceList(db, { rows: { meetingId } });
}
