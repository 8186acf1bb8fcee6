import type { Prisma, Proposal as ProposalRow, ProposalStateChange } from "@prisma/client";
import { recordAudit } from "~/audit/audit.server";
import { forbidden, notFound } from "~/auth/guards.server";
import type { AuthUser } from "~/auth/session.server";
import { readCount, readRow, readRows } from "~/db-read.server";
import { db, type DbClient, sqlBuilders } from "~/db.server";
import { pageOf } from "~/http/pagination";
import type { DiscussionHost } from "~/discussions/discussions.server";
import { ok, refuse, refuseForm, type Outcome } from "~/forms/outcome";
import { viewerOf, type Viewer } from "~/platforms/permissions.server";
import { settleDueVotes, voteForProposal } from "~/votes/settle.server";
import type { ProposalInput, ProposalState } from "./schemas";
import { searchable, searchWords } from "~/text/searchable";
import { moveRefusal, type ManualMove } from "./moves";
import { recordStateChange } from "./state-change.server";

export { recordStateChange };

interface Actor {
  id: string;
}

/** Drafts are seen by their author and the platform's coordinators only. */
function canSee(
  proposal: { state: string; authorId: string | null },
  viewer: Viewer,
  userId: string | null,
) {
  // An erased author's draft has a null author: null must not match an anonymous reader.
  const isAuthor = userId !== null && proposal.authorId === userId;
  return proposal.state !== "draft" || isAuthor || viewer.canCoordinate;
}

export async function createProposal(
  author: Actor,
  platformId: string,
  input: ProposalInput,
): Promise<Outcome<{ proposalId: string }>> {
  return db.$transaction((tx) => createProposalIn(tx, author, platformId, input));
}

/**
 * Creates a draft with its first history entry and audit record, inside the caller's
 * transaction (a forum thread raised to the platform creates its proposal this way).
 */
export async function createProposalIn(
  tx: DbClient,
  author: Actor,
  platformId: string,
  input: ProposalInput & { raisedByGroupId?: string },
): Promise<Outcome<{ proposalId: string }>> {
  if (input.meetingId) {
    const meeting = await tx.meeting.findFirst({ where: { id: input.meetingId, platformId } });
    if (!meeting) return refuse("meetingId", "validation.choice");
  }
  const created = await tx.proposal.create({
    data: {
      platformId,
      authorId: author.id,
      title: input.title,
      summary: input.summary,
      body: input.body ?? "",
      meetingId: input.meetingId ?? null,
      raisedByGroupId: input.raisedByGroupId ?? null,
      searchText: searchable(`${input.title} ${input.summary}`),
    },
  });
  await tx.proposalStateChange.create({
    data: { proposalId: created.id, fromState: null, toState: "draft", actorId: author.id },
  });
  await recordAudit(tx, {
    actorId: author.id,
    action: "proposal.created",
    entityType: "Proposal",
    entityId: created.id,
    platformId,
    details: { title: input.title },
  });
  return ok({ proposalId: created.id });
}

export async function getProposal(
  platformId: string,
  proposalId: string,
  viewer: Viewer,
  userId: string | null,
  now = new Date(),
) {
  // Its vote, closed first if its closing time has passed, before the proposal is read: the
  // badge and the history never say "in vote" beside a result.
  const vote = await voteForProposal(platformId, proposalId, now);
  // The proposal with its author's name and its meeting's title, then its history: two
  // statements without Prisma (app/db-read.server.ts), on every view of the page.
  const { sql } = sqlBuilders();
  const row = await readRow<
    ProposalRow & {
      authorName: string | null;
      meetingTitle: string | null;
    }
  >(
    db,
    sql`SELECT p."id", p."platformId", p."authorId", p."title", p."summary", p."body", p."state",
      p."meetingId", p."searchText", p."createdAt", p."updatedAt", p."discussionId",
      p."raisedByGroupId", u."name" AS "authorName", m."title" AS "meetingTitle"
    FROM "Proposal" p
    LEFT JOIN "User" u ON u."id" = p."authorId"
    LEFT JOIN "Meeting" m ON m."id" = p."meetingId"
    WHERE p."id" = ${proposalId} AND p."platformId" = ${platformId}`,
    { createdAt: "instant", updatedAt: "instant" },
  );
  if (!row || !canSee(row, viewer, userId)) notFound();
  const history = await readRows<ProposalStateChange>(
    db,
    sql`SELECT "id", "proposalId", "fromState", "toState", "actorId", "reason", "createdAt"
    FROM "ProposalStateChange" WHERE "proposalId" = ${row.id}
    ORDER BY "createdAt" ASC, "id" ASC`,
    { createdAt: "instant" },
  );
  const { authorName, meetingTitle, ...proposal } = row;
  return {
    ...proposal,
    author: proposal.authorId && authorName !== null ? { name: authorName } : null,
    meeting: proposal.meetingId ? { id: proposal.meetingId, title: meetingTitle! } : null,
    history,
    vote,
  };
}

type ProposalFilter = { state?: ProposalState; states?: ProposalState[]; q?: string };

/**
 * What a list shows for that viewer and filter, as SQL over `p` (the Proposal table); null
 * when the search can find nothing. Lists are read on every platform page, so as one statement
 * without Prisma (app/db-read.server.ts).
 */
function proposalWhere(
  platformId: string,
  viewer: Viewer,
  userId: string | null,
  filter: ProposalFilter,
): Prisma.Sql | null {
  const words = filter.q?.trim() ? searchWords(filter.q) : null;
  // A search of symbols only (`%`, `_`) finds nothing rather than everything.
  if (words?.length === 0) return null;
  const { sql, join, empty } = sqlBuilders();
  const states = filter.states ?? (filter.state ? [filter.state] : null);
  return sql`p."platformId" = ${platformId}
    ${states ? sql`AND p."state" IN (${join(states)})` : empty}
    ${
      // Every word typed, in any order. Words are letters and digits only: no LIKE wildcard.
      words
        ? sql`AND ${join(
            words.map((w) => sql`p."searchText" LIKE ${`%${w}%`}`),
            " AND ",
          )}`
        : empty
    }
    ${
      // Drafts: only their author's, and coordinators'.
      viewer.canCoordinate
        ? empty
        : userId
          ? sql`AND (p."state" <> 'draft' OR p."authorId" = ${userId})`
          : sql`AND p."state" <> 'draft'`
    }`;
}

/**
 * A row of a proposal list: not the body nor its search text, the longest columns. Most
 * recently changed first; the id breaks ties so a page boundary is stable. The page is cut
 * first and only its rows get an author and a comment count: in one flat statement the
 * database counted the comments of every matching proposal, the skipped ones included,
 * before sorting.
 */
async function proposalRows(where: Prisma.Sql, skip: number, take: number) {
  const { sql } = sqlBuilders();
  return readRows<{
    id: string;
    title: string;
    summary: string;
    state: ProposalState;
    author: string | null;
    comments: number;
  }>(
    db,
    sql`SELECT p."id", p."title", p."summary", p."state", u."name" AS "author",
      (SELECT COUNT(*) FROM "Post" c WHERE c."discussionId" = p."discussionId") AS "comments"
    FROM (SELECT p."id", p."title", p."summary", p."state", p."authorId", p."discussionId",
        p."updatedAt"
      FROM "Proposal" p
      WHERE ${where}
      ORDER BY p."updatedAt" DESC, p."id" DESC
      LIMIT ${take} OFFSET ${skip}) p
    LEFT JOIN "User" u ON u."id" = p."authorId"
    ORDER BY p."updatedAt" DESC, p."id" DESC`,
    { comments: "number" },
  );
}

export async function listProposals(
  platformId: string,
  viewer: Viewer,
  userId: string | null,
  filter: ProposalFilter & { take?: number },
  now = new Date(),
) {
  // Lists show every vote past its closing time as closed, with its outcome, on first view.
  await settleDueVotes(platformId, now);
  const where = proposalWhere(platformId, viewer, userId, filter);
  if (!where) return [];
  return proposalRows(where, 0, filter.take ?? PROPOSALS_PER_PAGE);
}

export const PROPOSALS_PER_PAGE = 20;

/** One page of the proposal list (the database counts and slices). */
export async function pageOfProposals(
  platformId: string,
  viewer: Viewer,
  userId: string | null,
  filter: ProposalFilter,
  requestedPage: number,
  now = new Date(),
) {
  await settleDueVotes(platformId, now);
  const where = proposalWhere(platformId, viewer, userId, filter);
  const { sql } = sqlBuilders();
  const total = where
    ? await readCount(db, sql`SELECT COUNT(*) AS "n" FROM "Proposal" p WHERE ${where}`)
    : 0;
  const page = pageOf(requestedPage, total, PROPOSALS_PER_PAGE);
  const proposals = where ? await proposalRows(where, page.skip, page.take) : [];
  return { proposals, page: page.page, pages: page.pages, total };
}

/**
 * Moves a proposal by hand (the rule: moves.ts). The reader's role is read inside the
 * transaction, so a coordinator who has just stepped down cannot still move it.
 */
export async function changeProposalState(
  actor: Pick<AuthUser, "id" | "isAdmin">,
  platformId: string,
  proposalId: string,
  to: ManualMove,
  reason?: string,
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    const viewer = await viewerOf(actor, platformId, tx);
    const p = await tx.proposal.findFirst({ where: { id: proposalId, platformId } });
    if (!p || !canSee(p, viewer, actor.id)) notFound();
    const mover = { isAuthor: p.authorId === actor.id, canCoordinate: viewer.canCoordinate };
    const refusal = moveRefusal(to, p.state, mover);
    if (refusal === "forbidden") forbidden();
    if (refusal) return refuseForm("proposals:errors.badTransition");
    await recordStateChange(tx, p, to, actor.id, reason);
    return ok(null);
  });
}

const OPEN_FOR_COMMENTS = ["discussion", "voting"];

/**
 * A proposal as the host of its comments (app/discussions): members comment, report and
 * reply while it is under discussion or in vote; coordinators moderate.
 */
export function proposalDiscussionHost(
  proposal: { id: string; platformId: string; state: string; discussionId: string | null },
  viewer: Viewer,
): DiscussionHost {
  return {
    hostType: "proposal",
    hostId: proposal.id,
    platformId: proposal.platformId,
    discussionId: proposal.discussionId,
    async attach(tx, discussionId) {
      await tx.proposal.update({ where: { id: proposal.id }, data: { discussionId } });
    },
    closedReason: OPEN_FOR_COMMENTS.includes(proposal.state)
      ? null
      : "proposals:errors.commentsClosed",
    may: { post: viewer.isMember, report: viewer.isMember, moderate: viewer.canCoordinate },
  };
}

/** The host for a proposal the reader may see, read with the given client, or a 404. */
export async function proposalHostFor(
  client: DbClient,
  platformId: string,
  proposalId: string,
  viewer: Viewer,
  userId: string | null,
): Promise<DiscussionHost> {
  const proposal = await client.proposal.findFirst({ where: { id: proposalId, platformId } });
  if (!proposal || !canSee(proposal, viewer, userId)) notFound();
  return proposalDiscussionHost(proposal, viewer);
}

/** Proposals raised at a meeting (drafts stay with their authors). */
export async function proposalsRaisedAt(meetingId: string) {
  // On every view of a meeting's page: without Prisma (app/db-read.server.ts).
  return readRows<{ id: string; title: string; state: ProposalState }>(
    db,
    sqlBuilders().sql`SELECT "id", "title", "state" FROM "Proposal"
      WHERE "meetingId" = ${meetingId} AND "state" <> 'draft'
      ORDER BY "createdAt" ASC, "id" ASC`,
  );
}
