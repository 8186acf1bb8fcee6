import type { DbClient } from "~/db.server";

/**
 * Raised hands belong to a person record (with or without an account). When two records turn
 * out to be one person, or a record gets an account, the hands follow the person and the
 * rule of the count holds: a person votes once per vote, and a hand wins over an online
 * ballot (as when the facilitator marks it). Votes already closed keep what they published.
 */

/** Whether both records raised a hand in one vote: one person counted twice, not to be folded. */
export async function bothRaisedHands(tx: DbClient, keepId: string, dropId: string) {
  const dropped = await tx.inPersonVoter.findMany({
    where: { participantId: dropId },
    select: { voteId: true },
  });
  if (!dropped.length) return false;
  const twin = await tx.inPersonVoter.findFirst({
    where: { participantId: keepId, voteId: { in: dropped.map((h) => h.voteId) } },
    select: { id: true },
  });
  return !!twin;
}

/**
 * Moves the hands of `fromId` to the person `to` (the same record when it just got an
 * account) and cancels that account's online ballots in still-open votes where the person
 * raised a hand. Returns how many hands moved and how many ballots gave way (never whose).
 */
export async function handsFollowPerson(
  tx: DbClient,
  fromId: string,
  to: { participantId: string; userId: string | null },
): Promise<{ handsMoved: number; onlineBallotsReplaced: number }> {
  const { count: handsMoved } = await tx.inPersonVoter.updateMany({
    where: { participantId: fromId },
    data: { participantId: to.participantId, userId: to.userId },
  });
  if (!to.userId) return { handsMoved, onlineBallotsReplaced: 0 };
  const dropped = await tx.ballot.deleteMany({
    where: {
      userId: to.userId,
      vote: { closedAt: null, inPersonVoters: { some: { participantId: to.participantId } } },
    },
  });
  return { handsMoved, onlineBallotsReplaced: dropped.count };
}
