import { recordAudit } from "~/audit/audit.server";
import { notFound } from "~/auth/guards.server";
import type { DbClient } from "~/db.server";
import { db } from "~/db.server";
import { ok, refuseForm, type Outcome } from "~/forms/outcome";
import { membersActiveAt } from "~/platforms/membership.server";
import { attendanceWindow } from "./attendance-window";
import { createWalkIn, forgetIfUncounted } from "~/participants/participants.server";
import { getMeeting, type Meeting } from "./meetings.server";
import type { WalkInInput } from "./schemas";

export {
  ATTENDANCE_OPENS_BEFORE_MS,
  WALK_INS_CLOSE_AFTER_MS,
  attendanceWindow,
} from "./attendance-window";

type AttendanceStatus = "present" | "absent" | "excused";
type Statuses = Record<string, AttendanceStatus>;

interface Actor {
  id: string;
}

export interface RosterRow {
  participantId: string;
  name: string;
  community: string | null;
  status: AttendanceStatus | null;
}

/**
 * Who can be marked at a meeting: the members active when it starts, plus anyone who
 * became a member since (joining at the assembly is common). Only the first count
 * toward quorum.
 */
async function rosterMembers(client: DbClient, platformId: string, startsAt: Date, now: Date) {
  const [atStart, current] = await Promise.all([
    membersActiveAt(platformId, startsAt, client),
    membersActiveAt(platformId, now, client),
  ]);
  const byParticipant = new Map<string, { name: string; community: string | null }>();
  for (const m of [...atStart, ...current]) {
    if (m.participantId)
      byParticipant.set(m.participantId, { name: m.name, community: m.community });
  }
  return byParticipant;
}

export async function attendanceSheet(
  platformId: string,
  meetingId: string,
  filter?: string,
  now = new Date(),
) {
  const meeting = await getMeeting(platformId, meetingId);
  const [members, records] = await Promise.all([
    rosterMembers(db, platformId, meeting.startsAt, now),
    db.attendance.findMany({
      where: { meetingId },
      include: {
        participant: { select: { name: true, community: true, gender: true, ageGroup: true } },
      },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const statusOf = new Map(records.map((r) => [r.participantId, r.status as AttendanceStatus]));
  const needle = filter?.trim().toLocaleLowerCase();
  const roster: RosterRow[] = [...members.entries()]
    .map(([participantId, m]) => ({
      participantId,
      ...m,
      status: statusOf.get(participantId) ?? null,
    }))
    .filter((r) => !needle || r.name.toLocaleLowerCase().includes(needle))
    .sort((a, b) => a.name.localeCompare(b.name));
  const walkIns = records
    .filter((r) => r.walkIn)
    .map((r) => ({
      attendanceId: r.id,
      participantId: r.participantId,
      name: r.participant.name,
      community: r.participant.community,
      gender: r.participant.gender,
      ageGroup: r.participant.ageGroup,
    }));
  return {
    meeting,
    roster,
    walkIns,
    memberCount: members.size,
    window: attendanceWindow(meeting, now),
  };
}

async function markHeld(tx: DbClient, meeting: Meeting) {
  if (meeting.status === "scheduled") {
    await tx.meeting.update({ where: { id: meeting.id }, data: { status: "held" } });
  }
}

/**
 * Writes the statuses sent from the roster, inside the caller's transaction. Every id must
 * be someone on this meeting's roster or one of its walk-ins; otherwise nothing is written.
 */
async function writeMarks(
  tx: DbClient,
  actor: Actor,
  meeting: Meeting,
  statuses: Statuses,
  now: Date,
): Promise<Outcome<{ changed: number }>> {
  const ids = Object.keys(statuses);
  if (ids.length === 0) return ok({ changed: 0 });
  const members = await rosterMembers(tx, meeting.platformId, meeting.startsAt, now);
  const existing = await tx.attendance.findMany({ where: { meetingId: meeting.id } });
  const byParticipant = new Map(existing.map((a) => [a.participantId, a]));
  const unknown = ids.filter((id) => !members.has(id) && !byParticipant.get(id)?.walkIn);
  if (unknown.length > 0) return refuseForm("meetings:errors.unknownParticipant");
  const changes = ids.filter((id) => byParticipant.get(id)?.status !== statuses[id]);
  // Resending the marks already stored is not a write: it is what a published sheet shows.
  if (changes.length === 0) return ok({ changed: 0 });
  const refused = attendanceWindow(meeting, now).marks;
  if (refused) return refuseForm(refused);

  for (const participantId of changes) {
    const status = statuses[participantId];
    const before = byParticipant.get(participantId);
    if (before) {
      await tx.attendance.update({
        where: { id: before.id },
        data: { status, recordedById: actor.id },
      });
    } else {
      await tx.attendance.create({
        data: { meetingId: meeting.id, participantId, status, recordedById: actor.id },
      });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: before ? "attendance.corrected" : "attendance.recorded",
      entityType: "Meeting",
      entityId: meeting.id,
      platformId: meeting.platformId,
      details: {
        participantId,
        from: before?.status ?? null,
        to: status,
        afterMeeting: now > meeting.endsAt,
      },
    });
  }
  await markHeld(tx, meeting);
  return ok({ changed: changes.length });
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
    const meeting = await getMeeting(platformId, meetingId, tx);
    const refused = attendanceWindow(meeting, now).marks;
    if (refused) return refuseForm(refused);
    return writeMarks(tx, actor, meeting, statuses, now);
  });
}

/**
 * A person without an account is counted as present: a new Participant. The roster's
 * statuses sent with it (marks made and not yet saved) are saved in the same transaction,
 * so adding a walk-in never drops them; if either is refused, nothing is written.
 */
export async function addWalkIn(
  actor: Actor,
  platformId: string,
  meetingId: string,
  input: WalkInInput,
  now = new Date(),
  statuses: Statuses = {},
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    const meeting = await getMeeting(platformId, meetingId, tx);
    const refused = attendanceWindow(meeting, now).addWalkIn;
    if (refused) return refuseForm(refused);
    const marks = await writeMarks(tx, actor, meeting, statuses, now);
    if (!marks.ok) return marks;
    const participant = await createWalkIn(tx, input);
    await tx.attendance.create({
      data: {
        meetingId,
        participantId: participant.id,
        status: "present",
        walkIn: true,
        recordedById: actor.id,
      },
    });
    await markHeld(tx, meeting);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "attendance.walkInAdded",
      entityType: "Meeting",
      entityId: meetingId,
      platformId,
      details: {
        participantId: participant.id,
        name: input.name,
        afterMeeting: now > meeting.endsAt,
      },
    });
    return ok(null);
  });
}

/**
 * Takes back a walk-in recorded by mistake (audited, like every correction), saving the
 * roster's statuses sent with it in the same transaction.
 */
export async function removeWalkIn(
  actor: Actor,
  platformId: string,
  meetingId: string,
  attendanceId: string,
  now = new Date(),
  statuses: Statuses = {},
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    const meeting = await getMeeting(platformId, meetingId, tx);
    const row = await tx.attendance.findUnique({
      where: { id: attendanceId },
      include: { participant: { select: { name: true } } },
    });
    if (!row || row.meetingId !== meeting.id || !row.walkIn) notFound();
    const refused = attendanceWindow(meeting, now).removeWalkIn;
    if (refused) return refuseForm(refused);
    const marks = await writeMarks(tx, actor, meeting, statuses, now);
    if (!marks.ok) return marks;
    await tx.attendance.delete({ where: { id: row.id } });
    // A walk-in counted nowhere else and without an account is no longer a person we count.
    await forgetIfUncounted(tx, row.participantId);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "attendance.walkInRemoved",
      entityType: "Meeting",
      entityId: meetingId,
      platformId,
      details: { participantId: row.participantId, name: row.participant.name },
    });
    return ok(null);
  });
}

/** Attendance for the minutes' print view: present members and walk-ins, by name. */
export async function attendanceList(meetingId: string) {
  const rows = await db.attendance.findMany({
    where: { meetingId },
    include: { participant: { select: { name: true, community: true } } },
  });
  return rows
    .map((r) => ({
      name: r.participant.name,
      community: r.participant.community,
      status: r.status as AttendanceStatus,
      walkIn: r.walkIn,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
