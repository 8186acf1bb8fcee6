import { readCount } from "~/db-read.server";
import { db, type DbClient, sqlBuilders } from "~/db.server";
import { countActiveAt, memberAtSql } from "~/platforms/periods.server";

export interface Quorum {
  /** Members whose membership was active when the meeting started. */
  eligible: number;
  /** Of those, how many were present. */
  present: number;
  /** Present members needed: the platform's share of `eligible`, rounded up. */
  required: number;
  quorumPercent: number;
  reached: boolean;
  /** Present people who do not count toward quorum: walk-ins and later members. */
  otherParticipants: number;
  /** No attendance taken yet and the meeting not over: what is needed, not a failure. */
  pending: boolean;
}

/**
 * Before any attendance is taken (status still "scheduled" or "cancelled") and before the end,
 * "0 present, quorum not reached" would read as a failure ten days ahead: the quorum is pending.
 */
export function quorumPending(meeting: { status: string; endsAt: Date }, now: Date): boolean {
  return meeting.status !== "held" && now < meeting.endsAt;
}

/** The quorum rule: at least `quorumPercent` % of eligible members present. */
export function computeQuorum(eligible: number, present: number, quorumPercent: number) {
  const required = Math.ceil((eligible * quorumPercent) / 100);
  return {
    eligible,
    present,
    required,
    quorumPercent,
    reached: eligible > 0 && present >= required,
  };
}

/** Counts a page has made already, for the same meeting and client (attendance form). */
export interface KnownCounts {
  eligible?: Promise<number>;
  presentRows?: number;
}

/**
 * The quorum's figures, counted by the database (three COUNTs) rather than by loading every
 * member: eligible = members with a membership period covering the start (with an account
 * or without); present = their non-walk-in "present" marks; presentRows = every
 * "present" mark. Counted as recorded: someone written down at the door stays outside the
 * quorum even if their record is later joined to a member's (a merge changes no count).
 */
export async function quorumCounts(
  client: DbClient,
  meetingId: string,
  platformId: string,
  startsAt: Date,
  counted: KnownCounts = {},
) {
  const { sql } = sqlBuilders();
  const presentHere = sql`a."meetingId" = ${meetingId} AND a."status" = 'present'`;
  // Without Prisma (app/db-read.server.ts): the meeting page and the attendance form read
  // these on every view; what the page counted already is not counted again.
  const [present, presentRows, eligible] = await Promise.all([
    readCount(
      client,
      sql`SELECT COUNT(*) AS "n" FROM "Attendance" a
      WHERE ${presentHere} AND a."walkIn" = ${false}
        AND ${memberAtSql('a."participantId"', platformId, [startsAt])}`,
    ),
    counted.presentRows ??
      readCount(client, sql`SELECT COUNT(*) AS "n" FROM "Attendance" a WHERE ${presentHere}`),
    // Every membership belongs to a person record, with or without an account.
    counted.eligible ?? countActiveAt(client, platformId, startsAt),
  ]);
  return { eligible, present, presentRows };
}

/** The platform's current rule applies until the minutes are published, then the frozen one. */
export async function quorumForMeeting(
  meeting: {
    id: string;
    platformId: string;
    startsAt: Date;
    endsAt: Date;
    status: string;
    quorumPercent?: number | null;
  },
  platformQuorumPercent: number,
  now = new Date(),
  counted: KnownCounts = {},
): Promise<Quorum> {
  const quorumPercent = meeting.quorumPercent ?? platformQuorumPercent;
  const { eligible, present, presentRows } = await quorumCounts(
    db,
    meeting.id,
    meeting.platformId,
    meeting.startsAt,
    counted,
  );
  return {
    ...computeQuorum(eligible, present, quorumPercent),
    otherParticipants: presentRows - present,
    pending: quorumPending(meeting, now),
  };
}
