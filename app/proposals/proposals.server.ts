import { recordAudit } from "~/audit/audit.server";
import { forbidden, notFound } from "~/auth/guards.server";
import { db } from "~/db.server";
import { ok, refuse, refuseForm, type Outcome } from "~/forms/outcome";
import type { Viewer } from "~/platforms/permissions.server";
import { settleDueVotes } from "~/votes/settle.server";
import type { ProposalInput, ProposalState } from "./schemas";
import { searchable, searchWords } from "~/text/searchable";
import { recordStateChange } from "./state-change.server";

export { recordStateChange };

interface Actor {
  id: string;
}

/** Drafts are seen by their author and the platform's coordinators only. */
function canSee(
  proposal: { state: string; authorId: string },
  viewer: Viewer,
  userId: string | null,
) {
  return proposal.state !== "draft" || proposal.authorId === userId || viewer.canCoordinate;
}

export async function createProposal(
  author: Actor,
  platformId: string,
  input: ProposalInput,
): Promise<Outcome<{ proposalId: string }>> {
  if (input.meetingId) {
    const meeting = await db.meeting.findUnique({ where: { id: input.meetingId } });
    if (!meeting || meeting.platformId !== platformId)
      return refuse("meetingId", "validation.choice");
  }
  const proposal = await db.$transaction(async (tx) => {
    const created = await tx.proposal.create({
      data: {
        platformId,
        authorId: author.id,
        title: input.title,
        summary: input.summary,
        body: input.body ?? "",
        meetingId: input.meetingId ?? null,
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
    return created;
  });
  return ok({ proposalId: proposal.id });
}

export async function getProposal(
  platformId: string,
  proposalId: string,
  viewer: Viewer,
  userId: string | null,
  now = new Date(),
) {
  // A vote past its closing time is closed before its proposal is read: the badge and the
  // history never say "in vote" beside a result.
  await settleDueVotes(platformId, now);
  const proposal = await db.proposal.findUnique({
    where: { id: proposalId },
    include: {
      author: { select: { name: true } },
      meeting: { select: { id: true, title: true } },
      history: { orderBy: { createdAt: "asc" } },
    },
  });
  if (!proposal || proposal.platformId !== platformId || !canSee(proposal, viewer, userId))
    notFound();
  return proposal;
}

export async function listProposals(
  platformId: string,
  viewer: Viewer,
  userId: string | null,
  filter: { state?: ProposalState; states?: ProposalState[]; q?: string; take?: number },
  now = new Date(),
) {
  // Lists show every vote past its closing time as closed, with its outcome, on first view.
  await settleDueVotes(platformId, now);
  const words = filter.q?.trim() ? searchWords(filter.q) : null;
  // A search of symbols only (`%`, `_`) finds nothing rather than everything.
  if (words?.length === 0) return [];
  const rows = await db.proposal.findMany({
    where: {
      platformId,
      ...(filter.state ? { state: filter.state } : {}),
      ...(filter.states ? { state: { in: filter.states } } : {}),
      // Every word typed, in any order.
      ...(words ? { AND: words.map((w) => ({ searchText: { contains: w } })) } : {}),
      ...(viewer.canCoordinate
        ? {}
        : { OR: [{ state: { not: "draft" } }, ...(userId ? [{ authorId: userId }] : [])] }),
    },
    orderBy: { updatedAt: "desc" },
    include: { author: { select: { name: true } }, _count: { select: { comments: true } } },
    take: filter.take ?? 200,
  });
  return rows.map((p) => ({
    id: p.id,
    title: p.title,
    summary: p.summary,
    state: p.state as ProposalState,
    author: p.author.name,
    comments: p._count.comments,
  }));
}

/**
 * Moves people make by hand. Authors send their draft to discussion or withdraw it before
 * the vote; coordinators may also send it back to draft. Votes decide the rest.
 */
export async function changeProposalState(
  actor: Actor,
  viewer: Viewer,
  platformId: string,
  proposalId: string,
  to: "discussion" | "draft" | "withdrawn",
  reason?: string,
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    const p = await tx.proposal.findUnique({ where: { id: proposalId } });
    if (!p || p.platformId !== platformId || !canSee(p, viewer, actor.id)) notFound();
    const isAuthor = p.authorId === actor.id;
    const allowed: Record<string, { from: string[]; who: boolean }> = {
      discussion: { from: ["draft"], who: isAuthor || viewer.canCoordinate },
      draft: { from: ["discussion"], who: viewer.canCoordinate },
      withdrawn: { from: ["draft", "discussion"], who: isAuthor },
    };
    const rule = allowed[to];
    if (!rule.who) forbidden();
    if (!rule.from.includes(p.state)) return refuseForm("proposals:errors.badTransition");
    await recordStateChange(tx, p, to, actor.id, reason);
    return ok(null);
  });
}

export const COMMENT_EDIT_WINDOW_MS = 15 * 60 * 1000;
const OPEN_FOR_COMMENTS = ["discussion", "voting"];

export async function listComments(proposalId: string) {
  const rows = await db.comment.findMany({
    where: { proposalId },
    orderBy: { createdAt: "asc" },
    include: { author: { select: { name: true } } },
  });
  const view = (c: (typeof rows)[number]) => ({
    id: c.id,
    authorId: c.authorId,
    author: c.author.name,
    // A hidden comment keeps its place but not its words.
    body: c.hiddenAt ? null : c.body,
    hiddenReason: c.hiddenAt ? c.hiddenReason : null,
    createdAt: c.createdAt,
    edited: !!c.editedAt,
  });
  return rows
    .filter((c) => !c.parentId)
    .map((c) => ({ ...view(c), replies: rows.filter((r) => r.parentId === c.id).map(view) }));
}

export async function addComment(
  author: Actor,
  platformId: string,
  proposalId: string,
  body: string,
  parentId?: string,
): Promise<Outcome<null>> {
  const proposal = await db.proposal.findUnique({ where: { id: proposalId } });
  if (!proposal || proposal.platformId !== platformId) notFound();
  if (!OPEN_FOR_COMMENTS.includes(proposal.state))
    return refuseForm("proposals:errors.commentsClosed");
  if (parentId) {
    const parent = await db.comment.findUnique({ where: { id: parentId } });
    // One level of replies: the parent must be a top-level comment of this proposal.
    if (!parent || parent.proposalId !== proposalId || parent.parentId) {
      return refuseForm("proposals:errors.badParent");
    }
  }
  await db.comment.create({
    data: { proposalId, authorId: author.id, body, parentId: parentId ?? null },
  });
  return ok(null);
}

export async function editComment(
  author: Actor,
  platformId: string,
  proposalId: string,
  commentId: string,
  body: string,
  now = new Date(),
): Promise<Outcome<null>> {
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    include: { proposal: true },
  });
  if (!comment || comment.proposalId !== proposalId || comment.proposal.platformId !== platformId)
    notFound();
  if (comment.authorId !== author.id) forbidden();
  if (comment.hiddenAt || now.getTime() - comment.createdAt.getTime() > COMMENT_EDIT_WINDOW_MS) {
    return refuse("body", "proposals:errors.editWindow");
  }
  await db.comment.update({ where: { id: commentId }, data: { body, editedAt: now } });
  return ok(null);
}

/** Moderation by a coordinator: the comment is hidden with a reason, and audited. */
export async function hideComment(
  moderator: Actor,
  platformId: string,
  proposalId: string,
  commentId: string,
  reason: string,
  now = new Date(),
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    const comment = await tx.comment.findUnique({
      where: { id: commentId },
      include: { proposal: true },
    });
    if (!comment || comment.proposalId !== proposalId || comment.proposal.platformId !== platformId)
      notFound();
    if (comment.hiddenAt) return refuseForm("proposals:errors.alreadyHidden");
    await tx.comment.update({
      where: { id: commentId },
      data: { hiddenAt: now, hiddenReason: reason, hiddenById: moderator.id },
    });
    await recordAudit(tx, {
      actorId: moderator.id,
      action: "comment.hidden",
      entityType: "Comment",
      entityId: commentId,
      platformId,
      details: { proposalId, reason, authorId: comment.authorId, body: comment.body },
    });
    return ok(null);
  });
}

/** Proposals raised at a meeting (drafts stay with their authors). */
export async function proposalsRaisedAt(meetingId: string) {
  return db.proposal.findMany({
    where: { meetingId, state: { not: "draft" } },
    select: { id: true, title: true, state: true },
    orderBy: { createdAt: "asc" },
  });
}
