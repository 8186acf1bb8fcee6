import { recordAudit, recordAudits } from "~/audit/audit.server";
import { notFound } from "~/auth/guards.server";
import type { Prisma } from "@prisma/client";
import { readRows } from "~/db-read.server";
import { type DbClient, sqlBuilders, sqlList } from "~/db.server";
import { ok, refuseForm, type Outcome } from "~/forms/outcome";
import {
  createWalkIn,
  findableWithoutAccount,
  forgetIfUncounted,
  type WalkInData,
} from "~/participants/participants.server";
import { eventRowsSql } from "./sheet.server";
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
  /**
   * Who may be marked (members, enrolled people), as SQL over the person `p`: the roster is
   * counted, searched and paged by the database, never loaded whole for the form, and checked
   * for the ids a write sends. Reads skip Prisma (app/db-read.server.ts, decision 046).
   */
  rosterSql(now: Date): Prisma.Sql;
  /**
   * How many people `rosterSql` selects, counted from the host's own rows (one membership or
   * enrolment per person): the database reads the platform's or course's rows through their
   * index instead of testing every person of the portal.
   */
  rosterSize(client: DbClient, now: Date): Promise<number>;
  /**
   * Who is expected, shown first, as SQL over `p`: answered "yes" (assembly, as a subquery
   * the database reads the page from), or everyone on the roster (training: the enrolled).
   */
  expectedSql(): Prisma.Sql | "everyone";
  /** Present at the host's recent events (a regular, shown next), as SQL over `p`; null: none. */
  regularSql(): Prisma.Sql | null;
  /**
   * The host's own consequence of attendance being taken, in the same transaction.
   * `lessPresent`: the write took someone away from "present". Then it may throw `Refused`
   * (forms/outcome.ts) to undo the marks: an assembly whose open votes' show-of-hands counts
   * would no longer fit who is present.
   */
  onRecorded(client: DbClient, now: Date, change: { lessPresent: boolean }): Promise<void>;
  /** A walk-in was just counted (a training session enrols them), same transaction. */
  onWalkInAdded?(client: DbClient, actor: Actor, participantId: string, now: Date): Promise<void>;
  /** A walk-in's attendance was just taken back, before the person record may go. */
  onWalkInRemoved?(
    client: DbClient,
    actor: Actor,
    participantId: string,
    now: Date,
    removed: { wasPresent: boolean },
  ): Promise<void>;
}

const ROSTER_CHECK_SLICE = 10_000;

/** Which of these people are on the host's roster (inside the caller's transaction). */
export async function onRoster(
  client: DbClient,
  host: AttendanceHost,
  ids: string[],
  now: Date,
): Promise<Set<string>> {
  const { sql } = sqlBuilders();
  const found = new Set<string>();
  // In slices: one statement's values are bounded (32,766 on SQLite), a roster is not.
  for (let at = 0; at < ids.length; at += ROSTER_CHECK_SLICE) {
    const rows = await readRows<{ id: string }>(
      client,
      sql`SELECT p."id" FROM "Participant" p
      WHERE p."id" IN (${sqlList(ids.slice(at, at + ROSTER_CHECK_SLICE))})
        AND ${host.rosterSql(now)}`,
    );
    for (const r of rows) found.add(r.id);
  }
  return found;
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
  // Only the rows sent are read: a page of the form, not the whole roster.
  const [roster, existing] = await Promise.all([
    onRoster(tx, host, ids, now),
    tx.attendance.findMany({ where: { ...host.rows, participantId: { in: ids } } }),
  ]);
  const byParticipant = new Map(existing.map((a) => [a.participantId, a]));
  const unknown = ids.filter((id) => !roster.has(id) && !byParticipant.get(id)?.walkIn);
  if (unknown.length > 0) return refuseForm(host.messages.unknownParticipant);
  const changes = ids.filter((id) => byParticipant.get(id)?.status !== statuses[id]);
  // Resending the marks already stored is not a write: it is what a closed sheet shows.
  if (changes.length === 0) return ok({ changed: 0 });
  const refused = host.window(now).marks;
  if (refused) return refuseForm(refused);

  // Written in a few statements whatever their number ("mark everyone present" on a roster
  // of 2,000): the new marks at once, the corrections one statement per status they take.
  const fresh = changes.filter((id) => !byParticipant.has(id));
  if (fresh.length > 0) {
    await tx.attendance.createMany({
      data: fresh.map((participantId) => ({
        ...host.rows,
        participantId,
        status: statuses[participantId],
        recordedById: actor.id,
      })),
    });
  }
  const corrections = new Map<string, string[]>();
  for (const id of changes) {
    const before = byParticipant.get(id);
    if (!before) continue;
    const rowIds = corrections.get(statuses[id]) ?? [];
    rowIds.push(before.id);
    corrections.set(statuses[id], rowIds);
  }
  for (const [status, rowIds] of corrections) {
    await tx.attendance.updateMany({
      where: { id: { in: rowIds } },
      data: { status, recordedById: actor.id },
    });
  }
  await recordAudits(
    tx,
    changes.map((participantId) => {
      const before = byParticipant.get(participantId);
      return {
        actorId: actor.id,
        action: before ? "attendance.corrected" : "attendance.recorded",
        ...host.audit,
        details: {
          participantId,
          from: before?.status ?? null,
          to: statuses[participantId],
          afterEvent: now > host.endsAt,
        },
      };
    }),
  );
  const lessPresent = changes.some(
    (id) => byParticipant.get(id)?.status === "present" && statuses[id] !== "present",
  );
  await host.onRecorded(tx, now, { lessPresent });
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
  // Everything that may refuse is read before anything is written: a refusal leaves the
  // marks sent with it unsaved too.
  let known: { id: string; name: string } | null = null;
  if ("participantId" in person) {
    // Only someone this event's platform has seen (anyone, for a portal-wide course): a
    // forged id cannot pull in a person from elsewhere.
    known = await tx.participant.findFirst({
      where: { id: person.participantId, ...findableWithoutAccount(host.audit.platformId) },
      select: { id: true, name: true },
    });
    if (!known) return refuseForm("participants:errors.notFound");
    const already = await tx.attendance.findFirst({
      where: { ...host.rows, participantId: known.id },
    });
    if (already) return refuseForm("participants:errors.alreadyCounted");
  }
  const marks = await writeMarks(tx, actor, host, statuses, now);
  if (!marks.ok) return marks;
  const participant = "participantId" in person ? known! : await createWalkIn(tx, person);
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
  await host.onRecorded(tx, now, { lessPresent: false });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "attendance.walkInAdded",
    ...host.audit,
    details: {
      // Ids only: the log is append-only, and a name in it would outlive an erasure.
      participantId: participant.id,
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
  });
  if (!row) notFound();
  const refused = host.window(now).removeWalkIn;
  if (refused) return refuseForm(refused);
  const marks = await writeMarks(tx, actor, host, statuses, now);
  if (!marks.ok) return marks;
  await tx.attendance.delete({ where: { id: row.id } });
  await host.onWalkInRemoved?.(tx, actor, row.participantId, now, {
    wasPresent: row.status === "present",
  });
  await forgetIfUncounted(tx, row.participantId);
  await recordAudit(tx, {
    actorId: actor.id,
    action: "attendance.walkInRemoved",
    ...host.audit,
    details: { participantId: row.participantId },
  });
  return ok(null);
}

/**
 * "Mark everyone present": the statuses on screen, plus "present" for everyone on the WHOLE
 * roster (every page, whatever the search) who has no mark yet, stored or sent. Then the
 * facilitator corrects the few who were not there. Only ids are read.
 */
export async function everyoneUnmarkedPresent(
  client: DbClient,
  host: AttendanceHost,
  statuses: Statuses,
  now: Date,
): Promise<Statuses> {
  const unmarked = await readRows<{ id: string }>(
    client,
    sqlBuilders().sql`SELECT p."id" FROM "Participant" p
      WHERE ${host.rosterSql(now)}
        AND NOT EXISTS (SELECT 1 FROM "Attendance" a
          WHERE a."participantId" = p."id" AND ${eventRowsSql(host)})`,
  );
  const all: Statuses = { ...statuses };
  for (const { id } of unmarked) if (!(id in all)) all[id] = "present";
  return all;
}
