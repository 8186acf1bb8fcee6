import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { badRequest, requireUser } from "~/auth/guards.server";
import { db } from "~/db.server";
import { placeFromUrl, readDiscussion } from "~/discussions/read.server";
import { discussionAction } from "~/discussions/intents.server";
import { isDiscussionIntent } from "~/discussions/schemas";
import { formIdOf, rejectForm, redirectWithNotice } from "~/forms/respond.server";
import { raisedCredit } from "~/groups/raise.server";
import { shareFor } from "~/http/share.server";
import { formatDateTime } from "~/i18n/format";
import { resolveLocale } from "~/i18n/i18next.server";
import { renderMarkdown } from "~/markdown/markdown.server";
import { requirePlatformRole, viewerOf } from "~/platforms/permissions.server";
import { requirePlatform } from "~/platforms/platforms.server";
import { ballotSchema, closeVoteSchema } from "~/votes/schemas";
import { closedEarly } from "~/votes/timing";
import {
  castBallot,
  closeVoteEarly,
  myBallot,
  storedResult,
  voteIdForProposal,
} from "~/votes/votes.server";
import {
  changeProposalState,
  getProposal,
  proposalDiscussionHost,
  proposalHostFor,
} from "./proposals.server";
import { allowedMoves } from "./moves";
import { stateChangeSchema } from "./schemas";

/**
 * The proposal page (its route only wires these): what it shows — the proposal, its vote with
 * the reader's ballot, its comments — and what its forms do: move the proposal, cast a ballot,
 * close the vote early, and the comment intents every discussion host shares.
 */

export type ProposalPageData = Awaited<ReturnType<typeof proposalPageData>>;
export type ProposalVoteView = NonNullable<ProposalPageData["vote"]>;

export async function proposalPageData({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const user = context.user;
  const viewer = await viewerOf(user, platform.id);
  const now = new Date();
  const proposal = await getProposal(
    platform.id,
    params.proposalId ?? "",
    viewer,
    user?.id ?? null,
    now,
  );
  const isAuthor = user?.id === proposal.authorId;
  const locale = await resolveLocale(request, user);
  const when = (d: Date) => formatDateTime(d, locale, platform.timeZone);
  const vote = proposal.vote;
  const discussion = await readDiscussion(
    db,
    proposalDiscussionHost(proposal, viewer),
    { userId: user?.id ?? null, when },
    now,
    placeFromUrl(request.url),
  );
  const mine = vote ? await myBallot(vote.id, user?.id ?? null) : null;
  const raised = await raisedCredit(db, proposal, user, locale);
  const result = vote ? storedResult(vote) : null;
  // A draft is seen only by its author and coordinators: never in sharing tags.
  const share =
    proposal.state === "draft"
      ? null
      : await shareFor(request, locale, {
          path: `/platforms/${platform.slug}/proposals/${proposal.id}`,
          title: proposal.title,
          description: proposal.summary,
          type: "article",
        });
  return {
    share,
    raised,
    platform: { slug: platform.slug, name: platform.name },
    proposal: {
      id: proposal.id,
      title: proposal.title,
      summary: proposal.summary,
      // The body sits right under the page title (h1), above the h2 sections.
      bodyHtml: renderMarkdown(proposal.body, { topHeading: 2 }),
      state: proposal.state,
      author: proposal.author?.name ?? null,
      isAuthor,
      // The buttons offered: the same rule changeProposalState applies (moves.ts).
      moves: user
        ? allowedMoves(proposal.state, { isAuthor, canCoordinate: viewer.canCoordinate })
        : [],
      meeting: proposal.meeting,
      history: proposal.history.map((h) => ({
        id: h.id,
        from: h.fromState,
        to: h.toState,
        reason: h.reason,
        when: when(h.createdAt),
      })),
    },
    vote: vote
      ? {
          id: vote.id,
          secret: vote.secret,
          status: vote.closedAt ? "closed" : now < vote.opensAt ? "upcoming" : "open",
          opensAt: when(vote.opensAt),
          closesAt: when(vote.closesAt),
          closedAt: vote.closedAt ? when(vote.closedAt) : null,
          closedEarly: closedEarly(vote),
          rule: vote.approvalRule,
          options: vote.options.map((o) => ({ id: o.id, code: o.code, label: o.label })),
          mine,
          outcome: result?.outcome ?? null,
          participation: result?.participation ?? null,
          closeReason: vote.closeReason,
        }
      : null,
    discussion,
    viewer,
  };
}

export async function proposalPageAction({ request, context, params }: ActionFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const proposalId = params.proposalId ?? "";
  const formData = await request.formData();
  const formId = formIdOf(formData);
  const here = `/platforms/${platform.slug}/proposals/${proposalId}`;
  const done = (notice: string) => redirectWithNotice(here, notice);

  const intent = formData.get("intent");
  if (isDiscussionIntent(intent)) {
    const user = requireUser(request, context);
    const viewer = await viewerOf(user, platform.id);
    return discussionAction({
      intent,
      formData,
      formId,
      actor: user,
      host: (tx) => proposalHostFor(tx, platform.id, proposalId, viewer, user.id),
      back: here,
    });
  }
  switch (intent) {
    case "state": {
      const user = await requirePlatformRole(request, context, platform.id, "member");
      const submission = parseWithZod(formData, { schema: stateChangeSchema });
      if (submission.status !== "success") return rejectForm(formId, submission);
      const outcome = await changeProposalState(
        user,
        platform.id,
        proposalId,
        submission.value.to,
        submission.value.reason,
      );
      if (!outcome.ok) return rejectForm(formId, submission, outcome);
      return done("proposalStateChanged");
    }
    case "ballot": {
      // Who may vote (an active member) is decided inside castBallot's transaction, so a
      // ballot reads the membership once; a bad form is answered only to someone who may vote.
      const user = requireUser(request, context);
      const submission = parseWithZod(formData, { schema: ballotSchema });
      if (submission.status !== "success") {
        await requirePlatformRole(request, context, platform.id, "member");
        return rejectForm(formId, submission);
      }
      // The vote is found by its proposal inside the ballot's transaction (404 if none).
      const outcome = await castBallot(
        user,
        platform.id,
        { proposalId },
        submission.value.optionId,
      );
      if (!outcome.ok) return rejectForm(formId, submission, outcome);
      return done("ballotCast");
    }
    case "closeVote": {
      const user = await requirePlatformRole(request, context, platform.id, "coordinator");
      const submission = parseWithZod(formData, { schema: closeVoteSchema });
      if (submission.status !== "success") return rejectForm(formId, submission);
      const voteId = await voteIdForProposal(platform.id, proposalId);
      if (!voteId) badRequest();
      const outcome = await closeVoteEarly(user, platform.id, voteId, submission.value.reason);
      if (!outcome.ok) return rejectForm(formId, submission, outcome);
      return done("voteClosed");
    }
  }
  badRequest();
}
