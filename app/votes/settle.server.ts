import { recordAudit } from "~/audit/audit.server";
import { lockRow } from "~/row-lock.server";
import { notFound } from "~/auth/guards.server";
import type { DbClient } from "~/db.server";
import type { Prisma } from "@prisma/client";
import { db, sqlBuilders } from "~/db.server";
import { readRows } from "~/db-read.server";
import { activeAtWhere, countActiveAt } from "~/platforms/periods.server";
import { recordStateChange } from "~/proposals/state-change.server";
import { decideVote, type ApprovalRule, type OptionCount, type VoteResult } from "./outcome";

/**
 * Closing votes at their closing time. Kept apart from votes.server so that the proposals
 * domain can settle due votes before it lists or shows proposals, without an import cycle.
 */

/** What a vote is read with: its options in order and its proposal. */
export const VOTE_INCLUDE = {
  options: { orderBy: { position: "asc" } },
  proposal: true,
} satisfies Prisma.VoteInclude;

export async function voteOf(client: DbClient, platformId: string, voteId: string) {
  const vote = await client.vote.findFirst({
    where: { id: voteId, platformId },
    include: VOTE_INCLUDE,
  });
  if (!vote) notFound();
  return vote;
}
export type VoteRecord = Awaited<ReturnType<typeof voteOf>>;

/**
 * Counts per option; online ballots only from members active at the close. The membership
 * test is a condition the database joins on, not a list of every member's id (a list of
 * 2,000 ids is more than one SQLite statement may carry).
 */
async function optionCounts(
  client: DbClient,
  vote: VoteRecord,
  closedAt: Date,
): Promise<OptionCount[]> {
  const [online, inPerson] = await Promise.all([
    client.ballot.groupBy({
      by: ["optionId"],
      where: {
        voteId: vote.id,
        user: { memberships: { some: activeAtWhere(vote.platformId, closedAt) } },
      },
      _count: { _all: true },
    }),
    client.inPersonCount.groupBy({
      by: ["optionId"],
      where: { tally: { voteId: vote.id } },
      _sum: { count: true },
    }),
  ]);
  return vote.options.map((o) => ({
    id: o.id,
    code: o.code,
    label: o.label,
    online: online.find((g) => g.optionId === o.id)?._count._all ?? 0,
    inPerson: inPerson.find((g) => g.optionId === o.id)?._sum.count ?? 0,
  }));
}

/** Closes the vote: counts once, stores the result and moves the proposal. */
export async function closeInTransaction(
  tx: DbClient,
  vote: VoteRecord,
  closedAt: Date,
  actorId: string | null,
  reason: string | null,
): Promise<VoteResult> {
  // Counted under the vote's exclusive lock: no ballot can land between the count and the close.
  await lockRow(tx, "Vote", vote.id);
  // A member removed (or gone) before the close no longer has a say, nor counts as eligible.
  const eligible = await countActiveAt(tx, vote.platformId, closedAt);
  const hands = await tx.inPersonTally.aggregate({
    where: { voteId: vote.id },
    _sum: { nonMemberHands: true },
  });
  const result = decideVote({
    options: await optionCounts(tx, vote, closedAt),
    eligible,
    nonMemberHands: hands._sum.nonMemberHands ?? 0,
    quorumPercent: vote.quorumPercent,
    rule: vote.approvalRule as ApprovalRule,
  });
  // Only one close can win, even if two requests notice the deadline at once.
  const { count } = await tx.vote.updateMany({
    where: { id: vote.id, closedAt: null },
    data: {
      closedAt,
      closedById: actorId,
      closeReason: reason,
      result: JSON.stringify(result),
      outcome: result.outcome,
    },
  });
  if (count === 1) {
    await recordStateChange(tx, vote.proposal, result.outcome, actorId, reason, closedAt);
    await recordAudit(tx, {
      actorId,
      action: reason ? "vote.closedEarly" : "vote.closed",
      entityType: "Vote",
      entityId: vote.id,
      platformId: vote.platformId,
      details: {
        reason,
        outcome: result.outcome,
        participation: result.participation,
        members: result.members,
        nonMembers: result.nonMembers,
      },
    });
  }
  return result;
}

/** What deciding whether a vote is due needs. */
export type VoteClock = Pick<VoteRecord, "id" | "platformId" | "closedAt" | "closesAt">;

/**
 * A vote past its closing time is closed the first time anyone reads it: no background job,
 * and the stored result never changes afterwards. Whether it was due: if so, what the caller
 * read of it is stale (read it again).
 */
export async function closeIfDue(vote: VoteClock, now = new Date()): Promise<boolean> {
  if (vote.closedAt || now < vote.closesAt) return false;
  await db.$transaction(async (tx) => {
    await lockRow(tx, "Vote", vote.id);
    const fresh = await voteOf(tx, vote.platformId, vote.id);
    if (!fresh.closedAt) await closeInTransaction(tx, fresh, fresh.closesAt, null, null);
  });
  return true;
}

/** Closes, in the caller's transaction, every vote of `where` past its closing time. */
async function closeDueVotesIn(
  tx: DbClient,
  where: Prisma.VoteWhereInput,
  now = new Date(),
): Promise<number> {
  const due = await tx.vote.findMany({
    where: { AND: [where, { closedAt: null, closesAt: { lte: now } }] },
    include: VOTE_INCLUDE,
    // Locked one after another in one order, so two such transactions never wait in a circle.
    orderBy: { id: "asc" },
  });
  for (const vote of due) await closeInTransaction(tx, vote, vote.closesAt, null, null);
  return due.length;
}

/** The vote as it stands once settled (closed, with its result, if its time has passed). */
export async function settleVote(vote: VoteRecord, now = new Date()): Promise<VoteRecord> {
  return (await closeIfDue(vote, now)) ? voteOf(db, vote.platformId, vote.id) : vote;
}

/**
 * Closes every vote of the platform whose closing time has passed, so that whatever lists
 * or shows proposals next reads them closed, with their outcome, on the first view. When
 * nothing is due this is one query on the (platformId, closedAt, closesAt) index.
 */
export async function settleDueVotes(platformId: string, now = new Date()): Promise<number> {
  // On every list's view: one statement without Prisma (app/db-read.server.ts).
  const { sql } = sqlBuilders();
  const due = await readRows<{
    id: string;
    platformId: string;
    closedAt: Date | null;
    closesAt: Date;
  }>(
    db,
    sql`SELECT "id", "platformId", "closedAt", "closesAt" FROM "Vote"
      WHERE "platformId" = ${platformId} AND "closedAt" IS NULL AND "closesAt" <= ${now}`,
    { closedAt: "instant", closesAt: "instant" },
  );
  for (const vote of due) await closeIfDue(vote, now);
  return due.length;
}

/**
 * The proposal's vote with its options, closed first if its closing time has passed; null
 * when none was opened. Not its proposal: the proposal page reads it after this, so that it
 * never shows "in vote" beside a result.
 */
export async function voteForProposal(platformId: string, proposalId: string, now = new Date()) {
  const read = () =>
    db.vote.findFirst({
      where: { proposalId, platformId },
      include: { options: VOTE_INCLUDE.options },
    });
  const vote = await read();
  if (!vote) return null;
  return (await closeIfDue(vote, now)) ? read() : vote;
}

/**
 * Before a change to these people's records (an account erased, two records merged, a record
 * linked to an account), in its transaction: closes the due votes it could touch — those of
 * every platform where they hold a membership (who may vote there changes) and those where
 * they raised a hand or cast a ballot — so each result is what its closing time gave.
 */
export async function closeDueVotesOfPeople(
  tx: DbClient,
  people: { participantIds: string[]; userIds: string[] },
  now = new Date(),
): Promise<number> {
  const { participantIds, userIds } = people;
  const memberships = await tx.membership.findMany({
    where: {
      OR: [
        { participantId: { in: participantIds } },
        ...(userIds.length > 0 ? [{ userId: { in: userIds } }] : []),
      ],
    },
    select: { platformId: true },
  });
  return closeDueVotesIn(
    tx,
    {
      OR: [
        { platformId: { in: [...new Set(memberships.map((m) => m.platformId))] } },
        { inPersonVoters: { some: { participantId: { in: participantIds } } } },
        ...(userIds.length > 0 ? [{ ballots: { some: { userId: { in: userIds } } } }] : []),
      ],
    },
    now,
  );
}
