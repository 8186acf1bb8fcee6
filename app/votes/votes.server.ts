import type { Prisma } from "@prisma/client";
import { recordAudit } from "~/audit/audit.server";
import { forbidden, notFound } from "~/auth/guards.server";
import { readRow } from "~/db-read.server";
import { db, type DbClient, sqlBuilders } from "~/db.server";
import { ok, refuse, refuseForm, type Outcome } from "~/forms/outcome";
import { pageOf } from "~/http/pagination";
import { splitLines } from "~/meetings/schemas";
import { activeRole, viewerOf } from "~/platforms/permissions.server";
import { getProposal, recordStateChange } from "~/proposals/proposals.server";
import { zonedToInstant } from "~/time/time-zone";
import type { ApprovalRule, VoteResult } from "./outcome";
import { STANDARD_OPTIONS, type OpenVoteInput } from "./schemas";
import { lockRow, retryOnUniqueViolation } from "~/row-lock.server";
import {
  closeIfDue,
  closeInTransaction,
  settleVote,
  VOTE_INCLUDE,
  voteOf,
  type VoteClock,
  type VoteRecord,
} from "./settle.server";

export { settleDueVotes, settleVote, voteForProposal, type VoteRecord } from "./settle.server";

/**
 * How far in the past an opening "later" may be: the minute typed in the form has passed
 * by the time it is sent. Anything earlier would backdate the vote.
 */
export const OPENING_TOLERANCE_MS = 60_000;

interface Actor {
  id: string;
}
interface PlatformRef {
  id: string;
  timeZone: string;
}

export async function openVote(
  actor: Actor,
  platform: PlatformRef & { approvalRule: string },
  proposalId: string,
  input: OpenVoteInput,
  now = new Date(),
): Promise<Outcome<{ voteId: string }>> {
  const opensAt =
    input.opens === "now"
      ? now
      : zonedToInstant(input.openDate ?? "", input.openTime ?? "", platform.timeZone);
  const closesAt = zonedToInstant(input.closeDate, input.closeTime, platform.timeZone);
  if (!opensAt) return refuse("openDate", "validation.date");
  if (!closesAt) return refuse("closeDate", "validation.date");
  // A vote opened in the past would admit ballots and hands from before it existed.
  if (opensAt.getTime() < now.getTime() - OPENING_TOLERANCE_MS)
    return refuse("openDate", "votes:errors.openInPast");
  if (closesAt <= now) return refuse("closeDate", "votes:errors.closeInPast");
  if (closesAt <= opensAt) return refuse("closeDate", "votes:errors.closeBeforeOpen");
  const labels =
    input.kind === "custom"
      ? splitLines(input.options).map((label) => ({ code: null, label }))
      : STANDARD_OPTIONS.map((code) => ({ code, label: code }));
  const rule: ApprovalRule =
    input.kind === "custom" ? "plurality" : (input.approvalRule ?? "simple");

  return db.$transaction(async (tx) => {
    const proposal = await tx.proposal.findFirst({
      where: { id: proposalId, platformId: platform.id },
      include: { vote: true },
    });
    if (!proposal) notFound();
    if (proposal.vote) return refuseForm("votes:errors.alreadyHasVote");
    if (proposal.state !== "discussion") return refuseForm("votes:errors.notInDiscussion");
    const vote = await tx.vote.create({
      data: {
        proposalId,
        platformId: platform.id,
        kind: input.kind,
        secret: input.secret,
        opensAt,
        closesAt,
        quorumPercent: input.quorumPercent,
        approvalRule: rule,
        createdById: actor.id,
        options: { create: labels.map((o, position) => ({ ...o, position })) },
      },
    });
    await recordStateChange(tx, proposal, "voting", actor.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "vote.opened",
      entityType: "Vote",
      entityId: vote.id,
      platformId: platform.id,
      details: {
        proposalId,
        kind: input.kind,
        secret: input.secret,
        opensAt,
        closesAt,
        quorumPercent: input.quorumPercent,
        rule,
        options: labels.map((l) => l.label),
      },
    });
    return ok({ voteId: vote.id });
  });
}

/** The proposal's vote with its options and its proposal, settled; null if it has none. */
export async function voteWithProposal(platformId: string, proposalId: string, now = new Date()) {
  const vote = await db.vote.findFirst({
    where: { proposalId, platformId },
    include: VOTE_INCLUDE,
  });
  return vote ? settleVote(vote, now) : null;
}

/**
 * The id of the proposal's vote, for an action: the vote itself is read (and checked open)
 * inside the action's transaction, so reading it whole here would be read twice.
 */
export async function voteIdForProposal(platformId: string, proposalId: string) {
  const vote = await db.vote.findFirst({ where: { proposalId, platformId }, select: { id: true } });
  return vote?.id ?? null;
}

export async function closeVoteEarly(
  actor: Actor,
  platformId: string,
  voteId: string,
  reason: string,
  now = new Date(),
): Promise<Outcome<null>> {
  const vote = await voteOf(db, platformId, voteId);
  if (vote.closedAt || (await closeIfDue(vote, now))) return refuseForm("votes:errors.closed");
  return db.$transaction(async (tx) => {
    await lockRow(tx, "Vote", voteId);
    const fresh = await voteOf(tx, platformId, voteId);
    if (fresh.closedAt) return refuseForm("votes:errors.closed");
    await closeInTransaction(tx, fresh, now, actor.id, reason);
    return ok(null);
  });
}

type VoteWithOptions = Prisma.VoteGetPayload<{ include: { options: true } }>;

function openState(
  vote: Pick<VoteRecord, "closedAt" | "closesAt" | "opensAt">,
  now: Date,
): string | null {
  if (vote.closedAt || now >= vote.closesAt) return "votes:errors.closed";
  if (now < vote.opensAt) return "votes:errors.notOpenYet";
  return null;
}

/** A vote by its id, or by its proposal's (one vote per proposal), as a form knows it. */
export type VoteRef = string | { proposalId: string };

/**
 * Runs `write` in one transaction with the vote re-read and still open, so a close (or
 * another count) cannot slip in between the checks and the write. `authorize` runs first:
 * someone with no say is refused (403) before being told anything about the vote's state.
 */
export async function whileOpen<T>(
  platformId: string,
  ref: VoteRef,
  now: Date,
  write: (tx: DbClient, vote: VoteWithOptions) => Promise<Outcome<T>>,
  authorize: (tx: DbClient) => Promise<void> = async () => {},
): Promise<Outcome<T>> {
  let due: VoteClock | null = null;
  const outcome = await db.$transaction(async (tx) => {
    await authorize(tx);
    // Ballots and counts share the vote's row; a close takes it alone (closeInTransaction), so
    // it waits for ballots in flight and every ballot after it sees the vote closed.
    await lockRow(tx, "Vote", ref, "share");
    // Its options are all a ballot or a count needs (not its proposal: one read fewer).
    const vote = await tx.vote.findFirst({
      where: { ...(typeof ref === "string" ? { id: ref } : ref), platformId },
      include: { options: VOTE_INCLUDE.options },
    });
    if (!vote) notFound();
    const closed = openState(vote, now);
    if (closed) {
      if (!vote.closedAt && now >= vote.closesAt) due = vote;
      return refuseForm(closed);
    }
    return write(tx, vote);
  });
  // Found past its closing time and not yet closed: closed now (with its result), so the page
  // the member is sent back to shows the outcome. Only then: a ballot reads the vote once.
  if (due) await closeIfDue(due, now);
  return outcome;
}

/**
 * One ballot per active member, enforced by the database; a second one replaces the first.
 * The member's role is checked first, in the transaction; then the vote and the option.
 */
export async function castBallot(
  user: Actor,
  platformId: string,
  ref: VoteRef,
  optionId: string,
  now = new Date(),
): Promise<Outcome<null>> {
  // Two ballots of one member at the same instant (a double tap): on PostgreSQL both may find
  // none and insert; the loser's unique violation is retried once, and then replaces.
  // Ballots belong to the platform's active members (not to administrators as such).
  const member = async (tx: DbClient) => {
    if (!(await activeRole(user.id, platformId, tx))) forbidden();
  };
  return retryOnUniqueViolation(() =>
    whileOpen(
      platformId,
      ref,
      now,
      async (tx, vote) => {
        const voteId = vote.id;
        if (!vote.options.some((o) => o.id === optionId)) {
          return refuse("optionId", "votes:errors.badOption");
        }
        const key = { voteId_userId: { voteId, userId: user.id } };
        if (await tx.inPersonVoter.findUnique({ where: key })) {
          return refuseForm("votes:errors.votedInPerson");
        }
        // The database's unique (vote, member) keeps it at one ballot; a second one replaces it
        // (one statement: INSERT … ON CONFLICT DO UPDATE on both databases).
        await tx.ballot.upsert({
          where: key,
          create: { voteId, userId: user.id, optionId },
          update: { optionId },
        });
        return ok(null);
      },
      member,
    ),
  );
}

export async function myBallot(voteId: string, userId: string | null) {
  if (!userId) return { optionId: null, inPerson: false };
  // On every member's view of a vote: one statement without Prisma (app/db-read.server.ts).
  const mine = await readRow<{ optionId: string | null; inPerson: number | boolean }>(
    db,
    sqlBuilders().sql`SELECT
      (SELECT b."optionId" FROM "Ballot" b WHERE b."voteId" = ${voteId} AND b."userId" = ${userId})
        AS "optionId",
      (SELECT COUNT(*) FROM "InPersonVoter" h WHERE h."voteId" = ${voteId} AND h."userId" = ${userId})
        AS "inPerson"`,
    { inPerson: "boolean" },
  );
  return { optionId: mine?.optionId ?? null, inPerson: !!mine?.inPerson };
}

/** The stored result of a closed vote. */
export function storedResult(vote: { result: string | null }): VoteResult | null {
  return vote.result ? (JSON.parse(vote.result) as VoteResult) : null;
}

/** Names a page of the public list of voters shows, for each of its two lists. */
export const VOTERS_PAGE_SIZE = 100;

/**
 * Who chose what, for public votes after the close only. Secret votes never reach here. Two
 * lists, a page at a time by name (a platform of thousands votes in thousands): the online
 * ballots, and the hands raised at the assembly. The person record's name is the hand's
 * (members without an account have one too); hands of people whose account was erased since
 * (an empty name, or none on hands recorded before hands were kept per person) are counted
 * as former members, not listed.
 */
export async function publicBallots(
  vote: Pick<VoteRecord, "id" | "secret" | "closedAt">,
  requested: { online?: number; hands?: number } = {},
) {
  if (vote.secret || !vote.closedAt) return null;
  const named: Prisma.InPersonVoterWhereInput = {
    voteId: vote.id,
    participant: { name: { not: "" } },
  };
  const [onlineCount, namedCount, handCount] = await Promise.all([
    db.ballot.count({ where: { voteId: vote.id } }),
    db.inPersonVoter.count({ where: named }),
    db.inPersonVoter.count({ where: { voteId: vote.id } }),
  ]);
  const online = pageOf(requested.online ?? 1, onlineCount, VOTERS_PAGE_SIZE);
  const hands = pageOf(requested.hands ?? 1, namedCount, VOTERS_PAGE_SIZE);
  const [ballots, byHand] = await Promise.all([
    db.ballot.findMany({
      where: { voteId: vote.id },
      select: { optionId: true, user: { select: { name: true } } },
      orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
      skip: online.skip,
      take: online.take,
    }),
    db.inPersonVoter.findMany({
      where: named,
      select: { participant: { select: { name: true } } },
      orderBy: [{ participant: { name: "asc" } }, { id: "asc" }],
      skip: hands.skip,
      take: hands.take,
    }),
  ]);
  return {
    online: ballots.map((b) => ({ name: b.user?.name ?? null, optionId: b.optionId })),
    onlinePages: { count: onlineCount, page: online.page, pages: online.pages },
    inPerson: byHand.map((v) => v.participant?.name ?? ""),
    inPersonPages: { count: handCount, page: hands.page, pages: hands.pages },
    /** Hands of former members: counted with the others, not named. */
    formerInPerson: handCount - namedCount,
  };
}

/** The vote of a proposal the reader may see (drafts stay hidden), or a 404. */
export async function voteOfVisibleProposal(
  platformId: string,
  proposalId: string,
  user: { id: string; isAdmin: boolean } | null,
) {
  const viewer = await viewerOf(user, platformId);
  const { vote, ...proposal } = await getProposal(platformId, proposalId, viewer, user?.id ?? null);
  if (!vote) notFound();
  return { viewer, proposal, vote };
}
