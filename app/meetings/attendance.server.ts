import { recordAudit } from "~/audit/audit.server";
import { notFound } from "~/auth/guards.server";
import { db } from "~/db.server";
import { ok, refuseForm, type Outcome } from "~/forms/outcome";
import { membersActiveAt } from "~/platforms/membership.server";
import { getMeeting } from "./meetings.server";
import type { WalkInInput } from "./schemas";

type AttendanceStatus = "present" | "absent" | "excused";

/** Attendance opens on the day: from six hours before the start, never for a far-off date. */
export const ATTENDANCE_OPENS_BEFORE_MS = 6 * 3600_000;

function attendanceRefusal(meeting: { status: string; startsAt: Date }, now: Date) {
  if (meeting.status === "cancelled") return refuseForm("meetings:errors.attendanceCancelled");
  if (now.getTime() < meeting.startsAt.getTime() - ATTENDANCE_OPENS_BEFORE_MS) {
    return refuseForm("meetings:errors.attendanceNotYet");
  }
  return null;
}

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
async function rosterMembers(platformId: string, startsAt: Date) {
  const [atStart, now] = await Promise.all([
    membersActiveAt(platformId, startsAt),
    membersActiveAt(platformId, new Date()),
  ]);
  const byParticipant = new Map<string, { name: string; community: string | null }>();
  for (const m of [...atStart, ...now]) {
    if (m.participantId)
      byParticipant.set(m.participantId, { name: m.name, community: m.community });
  }
  return byParticipant;
}

export async function attendanceSheet(platformId: string, meetingId: string, filter?: string) {
  const meeting = await getMeeting(platformId, meetingId);
  const [members, records] = await Promise.all([
    rosterMembers(platformId, meeting.startsAt),
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
  return { meeting, roster, walkIns, memberCount: members.size };
}

/**
 * Saves the statuses sent from the roster. Every id must be someone on this meeting's
 * roster or one of its walk-ins; otherwise nothing at all is written.
 */
export async function saveAttendance(
  actor: Actor,
  platformId: string,
  meetingId: string,
  statuses: Record<string, AttendanceStatus>,
  now = new Date(),
): Promise<Outcome<{ changed: number }>> {
  return db.$transaction(async (tx) => {
    const meeting = await getMeeting(platformId, meetingId, tx);
    const refused = attendanceRefusal(meeting, now);
    if (refused) return refused;
    const members = await rosterMembers(platformId, meeting.startsAt);
    const existing = await tx.attendance.findMany({ where: { meetingId } });
    const byParticipant = new Map(existing.map((a) => [a.participantId, a]));
    const ids = Object.keys(statuses);
    const unknown = ids.filter((id) => !members.has(id) && !byParticipant.get(id)?.walkIn);
    if (unknown.length > 0) return refuseForm("meetings:errors.unknownParticipant");

    let changed = 0;
    for (const participantId of ids) {
      const status = statuses[participantId];
      const before = byParticipant.get(participantId);
      if (before?.status === status) continue;
      changed++;
      if (before) {
        await tx.attendance.update({
          where: { id: before.id },
          data: { status, recordedById: actor.id },
        });
      } else {
        await tx.attendance.create({
          data: { meetingId, participantId, status, recordedById: actor.id },
        });
      }
      await recordAudit(tx, {
        actorId: actor.id,
        action: before ? "attendance.corrected" : "attendance.recorded",
        entityType: "Meeting",
        entityId: meetingId,
        platformId,
        details: {
          participantId,
          from: before?.status ?? null,
          to: status,
          afterMeeting: now > meeting.endsAt,
        },
      });
    }
    if (changed > 0 && meeting.status === "scheduled") {
      await tx.meeting.update({ where: { id: meetingId }, data: { status: "held" } });
    }
    return ok({ changed });
  });
}

/** A person without an account is counted as present: a new Participant. */
export async function addWalkIn(
  actor: Actor,
  platformId: string,
  meetingId: string,
  input: WalkInInput,
  now = new Date(),
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    const meeting = await getMeeting(platformId, meetingId, tx);
    const refused = attendanceRefusal(meeting, now);
    if (refused) return refused;
    const participant = await tx.participant.create({
      data: {
        name: input.name,
        community: input.community ?? null,
        gender: input.gender ?? null,
        ageGroup: input.ageGroup ?? null,
      },
    });
    await tx.attendance.create({
      data: {
        meetingId,
        participantId: participant.id,
        status: "present",
        walkIn: true,
        recordedById: actor.id,
      },
    });
    if (meeting.status === "scheduled") {
      await tx.meeting.update({ where: { id: meetingId }, data: { status: "held" } });
    }
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

/** Takes back a walk-in recorded by mistake (audited, like every correction). */
export async function removeWalkIn(
  actor: Actor,
  platformId: string,
  meetingId: string,
  attendanceId: string,
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    const meeting = await getMeeting(platformId, meetingId, tx);
    const row = await tx.attendance.findUnique({
      where: { id: attendanceId },
      include: { participant: { include: { attendance: { select: { id: true } } } } },
    });
    if (!row || row.meetingId !== meeting.id || !row.walkIn) notFound();
    await tx.attendance.delete({ where: { id: row.id } });
    // A walk-in counted nowhere else and without an account is no longer a person we count.
    if (!row.participant.userId && row.participant.attendance.length === 1) {
      await tx.participant.delete({ where: { id: row.participantId } });
    }
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
