import * as attendance from "~/attendance/attendance.server";
import * as attendanceSheets from "~/attendance/sheet.server";
import type { Prisma } from "@prisma/client";
import type { AttendanceHost, Statuses } from "~/attendance/attendance.server";
import { db, type DbClient, sqlBuilders } from "~/db.server";
import { Refused, refuseForm, undoneIfRefused, type Outcome } from "~/forms/outcome";
import type { InHost } from "~/attendance/form-action.server";
import { findPeopleWithoutAccount } from "~/participants/participants.server";
import {
  countActiveAt,
  countActiveAtEither,
  countJoinedBetween,
  periodCovering,
  memberAtSql,
} from "~/platforms/periods.server";
import { attendanceWindow, MEETING_ATTENDANCE_MESSAGES } from "./attendance-window";
import { lockRow } from "~/row-lock.server";
import { getMeetingRow, type MeetingRow } from "./meetings.server";
import { countsStillFit } from "~/votes/tally.server";
import { quorumForMeeting } from "./quorum.server";
import { ATTENDANCE_STATUSES, type WalkInInput } from "./schemas";

export {
  ATTENDANCE_OPENS_BEFORE_MS,
  WALK_INS_CLOSE_AFTER_MS,
  attendanceWindow,
} from "./attendance-window";
export type { RosterRow } from "~/attendance/sheet.server";

interface Actor {
  id: string;
}

/**
 * Who can be marked at an assembly: the members active when it starts, plus anyone who
 * became a member since (joining at the assembly is common). Only the first count toward
 * quorum (see quorum.server.ts). As SQL over the person `p` for the attendance module; the
 * same rule as a Prisma filter below, for the walk-in search (app/attendance/hosts.test.ts
 * holds the two to the same people).
 */
export function rosterSql(meeting: MeetingRow, now: Date): Prisma.Sql {
  return memberAtSql('p."id"', meeting.platformId, [meeting.startsAt, now]);
}

export function rosterWhere(meeting: MeetingRow, now: Date): Prisma.ParticipantWhereInput {
  // The membership belongs to the person record: members without an account are on it too.
  // Its size is counted from the periods alone (countActiveAtEither in meetingHost).
  return {
    memberships: {
      some: {
        platformId: meeting.platformId,
        periods: { some: { OR: [periodCovering(meeting.startsAt), periodCovering(now)] } },
      },
    },
  };
}

/** How many earlier assemblies make someone a regular: present at any of them. */
export const REGULAR_AFTER_MEETINGS = 5;

/** An assembly as a host of the attendance module, and its members at the start. */
export interface MeetingHost extends AttendanceHost {
  /**
   * Members when the assembly started: the roster's core and the quorum's eligible, counted
   * once for both by each client.
   */
  membersAtStart(client: DbClient): Promise<number>;
}

async function countsMustFit(client: DbClient, meeting: MeetingRow, now: Date) {
  const refused = await countsStillFit(client, meeting.platformId, meeting.id, now);
  if (refused) throw new Refused(refuseForm(refused));
}

/** An assembly as a host of the attendance module. */
export function meetingHost(meeting: MeetingRow): MeetingHost {
  const atStart = new WeakMap<DbClient, Promise<number>>();
  const membersAtStart = (client: DbClient) => {
    let count = atStart.get(client);
    if (!count)
      atStart.set(client, (count = countActiveAt(client, meeting.platformId, meeting.startsAt)));
    return count;
  };
  return {
    membersAtStart,
    rows: { meetingId: meeting.id },
    audit: { entityType: "Meeting", entityId: meeting.id, platformId: meeting.platformId },
    statuses: ATTENDANCE_STATUSES,
    messages: MEETING_ATTENDANCE_MESSAGES,
    endsAt: meeting.endsAt,
    window: (now) => attendanceWindow(meeting, now),
    rosterSql: (now) => rosterSql(meeting, now),
    async rosterSize(client, now) {
      if (now < meeting.startsAt)
        return countActiveAtEither(client, meeting.platformId, meeting.startsAt, now);
      const [members, joined] = await Promise.all([
        membersAtStart(client),
        countJoinedBetween(client, meeting.platformId, meeting.startsAt, now),
      ]);
      return members + joined;
    },
    // Those who answered "yes". Members without an account are on the roster too: the
    // "not null" keeps the negation (NOT (…)) true for them rather than NULL, which would
    // drop them from every tier.
    expectedSql: () =>
      sqlBuilders().sql`(p."userId" IS NOT NULL AND p."userId" IN (SELECT r."userId" FROM "Rsvp" r
        WHERE r."meetingId" = ${meeting.id} AND r."answer" = 'yes'))`,
    // Present (or late) at one of the platform's last assemblies held before this one.
    regularSql: () =>
      sqlBuilders().sql`p."id" IN (SELECT a."participantId" FROM "Attendance" a
        WHERE a."status" IN ('present', 'late') AND a."meetingId" IN (
          SELECT e."id" FROM "Meeting" e
          WHERE e."platformId" = ${meeting.platformId} AND e."status" = 'held'
            AND e."startsAt" < ${meeting.startsAt}
          ORDER BY e."startsAt" DESC, e."id" DESC LIMIT ${REGULAR_AFTER_MEETINGS}))`,
    // Taking attendance is what makes an assembly "held" (and no longer editable). A
    // correction that leaves an open vote's show-of-hands count here with more hands (or
    // named voters) than the people present allow is undone: correct the count first.
    async onRecorded(client, now, { lessPresent }) {
      await client.meeting.updateMany({
        where: { id: meeting.id, status: "scheduled" },
        data: { status: "held" },
      });
      if (lessPresent) await countsMustFit(client, meeting, now);
    },
    // Called once the walk-in's row is gone; only someone present changes who may vote.
    async onWalkInRemoved(client, _actor, _participantId, now, { wasPresent }) {
      if (wasPresent) await countsMustFit(client, meeting, now);
    },
  };
}

export async function attendanceSheet(
  platformId: string,
  meetingId: string,
  options: attendanceSheets.SheetOptions = {},
  now = new Date(),
) {
  const meeting = await getMeetingRow(platformId, meetingId);
  const sheet = await attendanceSheets.attendanceSheet(db, meetingHost(meeting), now, options);
  return { meeting, ...sheet, memberCount: sheet.rosterSize };
}

/**
 * The attendance form's data: the sheet and the quorum, which shares its counts (the members
 * at the start, the "present" marks) instead of counting them again.
 */
export async function attendanceForm(
  platform: { id: string; quorumPercent: number },
  meetingId: string,
  options: attendanceSheets.SheetOptions = {},
  now = new Date(),
) {
  const meeting = await getMeetingRow(platform.id, meetingId);
  const host = meetingHost(meeting);
  const sheet = await attendanceSheets.attendanceSheet(db, host, now, options);
  const quorum = await quorumForMeeting(meeting, platform.quorumPercent, now, {
    eligible: host.membersAtStart(db),
    presentRows: sheet.marked.present ?? 0,
  });
  return { meeting, ...sheet, memberCount: sheet.rosterSize, quorum };
}

/** The blank sheet to print: the assembly and its whole roster. */
export async function printedSheet(platformId: string, meetingId: string, now = new Date()) {
  const meeting = await getMeetingRow(platformId, meetingId);
  return { meeting, roster: await attendanceSheets.printedRoster(db, meetingHost(meeting), now) };
}

/**
 * The assembly, read for an attendance write: its row is locked first (FOR UPDATE on
 * PostgreSQL), so a sheet found open stays open until the write commits. Without it, marks
 * read as allowed before a publication committed were written after it. Not FOR SHARE:
 * the first save marks the assembly held, and two writers each holding it shared would wait
 * for each other to update it (a deadlock). Writers at one assembly take turns; a save is
 * a few statements.
 */
async function meetingToWrite(tx: DbClient, platformId: string, meetingId: string) {
  await lockRow(tx, "Meeting", meetingId);
  return getMeetingRow(platformId, meetingId, tx);
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
  return undoneIfRefused(() =>
    db.$transaction(async (tx) => {
      const host = meetingHost(await meetingToWrite(tx, platformId, meetingId));
      return attendance.writeMarks(tx, actor, host, statuses, now);
    }),
  );
}

/** The attendance form's transactions, with the assembly loaded inside each. */
export function inMeetingHost(platformId: string, meetingId: string): InHost {
  return (write) =>
    undoneIfRefused(() =>
      db.$transaction(async (tx) =>
        write(tx, meetingHost(await meetingToWrite(tx, platformId, meetingId))),
      ),
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
  return undoneIfRefused(() =>
    db.$transaction(async (tx) => {
      const meeting = await meetingToWrite(tx, platformId, meetingId);
      // A member (with or without an account) is marked on the roster, where the quorum
      // counts them, never written down at the door as a walk-in.
      const host = meetingHost(meeting);
      if ("participantId" in input) {
        const member = await attendance.onRoster(tx, host, [input.participantId], now);
        if (member.size > 0) return refuseForm("participants:errors.onRoster");
      }
      return attendance.addWalkIn(tx, actor, host, input, now, statuses);
    }),
  );
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
  return undoneIfRefused(() =>
    db.$transaction(async (tx) => {
      const host = meetingHost(await meetingToWrite(tx, platformId, meetingId));
      return attendance.removeWalkIn(tx, actor, host, attendanceId, now, statuses);
    }),
  );
}

/**
 * People without an account already recorded on this platform who match `who` and are not
 * yet on this assembly's list: the walk-in form offers them before a new record.
 */
export async function walkInCandidates(meeting: MeetingRow, who: string, now = new Date()) {
  if (!who.trim()) return [];
  // Left out by the search itself, not after it (it returns at most CANDIDATE_LIMIT): members
  // without an account are on the roster, and those already on this list are counted.
  const found = await findPeopleWithoutAccount(db, meeting.platformId, who, [
    rosterWhere(meeting, now),
    { attendance: { some: { meetingId: meeting.id } } },
  ]);
  return found.map((p) => ({
    id: p.id,
    name: p.name,
    community: p.community,
    events: p._count.attendance,
  }));
}

/** Attendance for the minutes' print view: present members and walk-ins, by name. */
export async function attendanceList(meetingId: string) {
  return attendanceSheets.attendanceList(db, { rows: { meetingId } });
}

/** How many were present, walk-ins among them: what the minutes tell those not shown names. */
export async function presentCounts(meetingId: string) {
  const rows = await db.attendance.groupBy({
    by: ["walkIn"],
    where: { meetingId, status: "present" },
    _count: { _all: true },
  });
  const of = (walkIn: boolean) => rows.find((r) => r.walkIn === walkIn)?._count._all ?? 0;
  return { present: of(false) + of(true), walkIns: of(true) };
}
