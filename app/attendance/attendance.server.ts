import { recordAudit } from "~/audit/audit.server";
import { notFound } from "~/auth/guards.server";
import type { DbClient } from "~/db.server";
import { ok, refuseForm, type Outcome } from "~/forms/outcome";
import {
  createWalkIn,
  findableWithoutAccount,
  forgetIfUncounted,
  type WalkInData,
} from "~/participants/participants.server";
import type { AttendanceStatus } from "./statuses";
import type { AttendanceMessages, AttendanceWindow } from "./window";

/**
 * One attendance for every kind of event. A host (an assembly, a training session) says
 * what differs: which rows are its own, who is on its roster, the statuses it offers, its
 * window and its wording, and what taking attendance means for it (an assembly becomes
 * "held"). Everything else — checks, writes, walk-ins, audit — happens here, once.
 * See docs/decisions/010-one-attendance-module.md.
 */
export interface AttendanceHost {
  /** Selects and creates this event's attendance rows. */
  rows: { meetingId: string } | { sessionId: string };
  /** Where corrections are filed in the audit log. */
  audit: { entityType: string; entityId: string; platformId: string | null };
  statuses: readonly AttendanceStatus[];
  messages: AttendanceMessages;
  endsAt: Date;
  window(now: Date): AttendanceWindow;
  /** Who may be marked, by participant id: members, enrolled people. */
  roster(client: DbClient, now: Date): Promise<Map<string, RosterPerson>>;
  /** The host's own consequence of attendance being taken, in the same transaction. */
  onRecorded(client: DbClient): Promise<void>;
  /** A walk-in was just counted (a training session enrols them), same transaction. */
  onWalkInAdded?(client: DbClient, actor: Actor, participantId: string, now: Date): Promise<void>;
  /** A walk-in's attendance was just taken back, before the person record may go. */
  onWalkInRemoved?(client: DbClient, actor: Actor, participantId: string): Promise<void>;
}

export interface RosterPerson {
  name: string;
  community: string | null;
}

export type Statuses = Record<string, AttendanceStatus>;

export interface Actor {
  id: string;
}

/**
 * Writes the statuses sent from the roster, inside the caller's transaction. Every id must
 * be someone on the roster or one of the event's walk-ins, and every status one the host
 * offers; otherwise nothing is written. Resending what is stored is not a write.
 */
export async function writeMarks(
  tx: DbClient,
  actor: Actor,
  host: AttendanceHost,
  statuses: Statuses,
  now: Date,
): Promise<Outcome<{ changed: number }>> {
  const ids = Object.keys(statuses);
  if (ids.length === 0) return ok({ changed: 0 });
  if (ids.some((id) => !host.statuses.includes(statuses[id]))) {
    return refuseForm("validation.choice");
  }
  const roster = await host.roster(tx, now);
  const existing = await tx.attendance.findMany({ where: host.rows });
  const byParticipant = new Map(existing.map((a) => [a.participantId, a]));
  const unknown = ids.filter((id) => !roster.has(id) && !byParticipant.get(id)?.walkIn);
  if (unknown.length > 0) return refuseForm(host.messages.unknownParticipant);
  const changes = ids.filter((id) => byParticipant.get(id)?.status !== statuses[id]);
  // Resending the marks already stored is not a write: it is what a closed sheet shows.
  if (changes.length === 0) return ok({ changed: 0 });
  const refused = host.window(now).marks;
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
        data: { ...host.rows, participantId, status, recordedById: actor.id },
      });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: before ? "attendance.corrected" : "attendance.recorded",
      ...host.audit,
      details: {
        participantId,
        from: before?.status ?? null,
        to: status,
        afterEvent: now > host.endsAt,
      },
    });
  }
  await host.onRecorded(tx);
  return ok({ changed: changes.length });
}

/**
 * Counts a person without an account as present: a new person, or one already recorded
 * (found again by the participants module) so nobody becomes two. The roster's statuses
 * sent with it are saved in the same transaction; if either is refused, nothing is written.
 */
export async function addWalkIn(
  tx: DbClient,
  actor: Actor,
  host: AttendanceHost,
  person: WalkInData | { participantId: string },
  now: Date,
  statuses: Statuses = {},
): Promise<Outcome<{ participantId: string }>> {
  const refused = host.window(now).addWalkIn;
  if (refused) return refuseForm(refused);
  const marks = await writeMarks(tx, actor, host, statuses, now);
  if (!marks.ok) return marks;
  let participant: { id: string; name: string };
  if ("participantId" in person) {
    // Only someone this event's platform has seen (anyone, for a portal-wide course): a
    // forged id cannot pull in a person from elsewhere.
    const known = await tx.participant.findFirst({
      where: { id: person.participantId, ...findableWithoutAccount(host.audit.platformId) },
      select: { id: true, name: true },
    });
    if (!known) return refuseForm("participants:errors.notFound");
    const already = await tx.attendance.findFirst({
      where: { ...host.rows, participantId: known.id },
    });
    if (already) return refuseForm("participants:errors.alreadyCounted");
    participant = known;
  } else {
    participant = await createWalkIn(tx, person);
  }
  await tx.attendance.create({
    data: {
      ...host.rows,
      participantId: participant.id,
      status: "present",
      walkIn: true,
      recordedById: actor.id,
    },
  });
  await host.onWalkInAdded?.(tx, actor, participant.id, now);
  await host.onRecorded(tx);
  await recordAudit(tx, {
    actorId: actor.id,
    action: "attendance.walkInAdded",
    ...host.audit,
    details: {
      participantId: participant.id,
      name: participant.name,
      foundAgain: "participantId" in person,
      afterEvent: now > host.endsAt,
    },
  });
  return ok({ participantId: participant.id });
}

/**
 * Takes back a walk-in recorded by mistake (audited, like every correction), saving the
 * roster's statuses sent with it in the same transaction. The person record goes only
 * when no other attendance of any kind counts them.
 */
export async function removeWalkIn(
  tx: DbClient,
  actor: Actor,
  host: AttendanceHost,
  attendanceId: string,
  now: Date,
  statuses: Statuses = {},
): Promise<Outcome<null>> {
  const row = await tx.attendance.findFirst({
    where: { id: attendanceId, ...host.rows, walkIn: true },
    include: { participant: { select: { name: true } } },
  });
  if (!row) notFound();
  const refused = host.window(now).removeWalkIn;
  if (refused) return refuseForm(refused);
  const marks = await writeMarks(tx, actor, host, statuses, now);
  if (!marks.ok) return marks;
  await tx.attendance.delete({ where: { id: row.id } });
  await host.onWalkInRemoved?.(tx, actor, row.participantId);
  await forgetIfUncounted(tx, row.participantId);
  await recordAudit(tx, {
    actorId: actor.id,
    action: "attendance.walkInRemoved",
    ...host.audit,
    details: { participantId: row.participantId, name: row.participant.name },
  });
  return ok(null);
}

/**
 * "Mark everyone present": the statuses on screen, plus "present" for everyone on the roster
 * who has no mark yet (stored or sent). Then the facilitator adjusts the few who were not.
 */
export async function everyoneUnmarkedPresent(
  client: DbClient,
  host: AttendanceHost,
  statuses: Statuses,
  now: Date,
): Promise<Statuses> {
  const [roster, existing] = await Promise.all([
    host.roster(client, now),
    client.attendance.findMany({ where: host.rows, select: { participantId: true } }),
  ]);
  const marked = new Set([...existing.map((a) => a.participantId), ...Object.keys(statuses)]);
  const all: Statuses = { ...statuses };
  for (const id of roster.keys()) if (!marked.has(id)) all[id] = "present";
  return all;
}

export interface RosterRow extends RosterPerson {
  participantId: string;
  status: AttendanceStatus | null;
}

/** The phone form's data: the roster with its marks (filtered by name) and the walk-ins. */
export async function attendanceSheet(
  client: DbClient,
  host: AttendanceHost,
  now: Date,
  filter?: string,
) {
  const [roster, records] = await Promise.all([
    host.roster(client, now),
    client.attendance.findMany({
      where: host.rows,
      include: {
        participant: { select: { name: true, community: true, gender: true, ageGroup: true } },
      },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const statusOf = new Map(records.map((r) => [r.participantId, r.status as AttendanceStatus]));
  const needle = filter?.trim().toLocaleLowerCase();
  const walkInIds = new Set(records.filter((r) => r.walkIn).map((r) => r.participantId));
  const rows: RosterRow[] = [...roster.entries()]
    .map(([participantId, p]) => ({
      participantId,
      ...p,
      status: statusOf.get(participantId) ?? null,
    }))
    // A walk-in enrolled by coming (training) is listed once, among the walk-ins.
    .filter((r) => !walkInIds.has(r.participantId))
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
      status: r.status as AttendanceStatus,
    }));
  return { roster: rows, walkIns, rosterSize: roster.size, window: host.window(now) };
}

/** Everyone recorded at the event, by name: for print views and minutes. */
export async function attendanceList(client: DbClient, host: Pick<AttendanceHost, "rows">) {
  const rows = await client.attendance.findMany({
    where: host.rows,
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
