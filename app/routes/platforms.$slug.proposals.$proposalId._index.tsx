import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { badRequest } from "~/auth/guards.server";
import { ErrorList, FormErrors, TextField, TextareaField } from "~/components/form-fields";
import { DoneNotice } from "~/components/notice";
import type { RouteHandle } from "~/components/page-title";
import { SafeHtml } from "~/components/safe-html";
import { useFormFor } from "~/components/use-form-for";
import { useOptionLabel } from "~/components/vote-option-label";
import { formIdOf, rejectForm, redirectWithNotice } from "~/forms/respond.server";
import { formatDateTime } from "~/i18n/format";
import { shareMeta } from "~/http/share-meta";
import { shareFor } from "~/http/share.server";
import { resolveLocale } from "~/i18n/i18next.server";
import { renderMarkdown } from "~/markdown/markdown.server";
import { requirePlatformRole, viewerOf } from "~/platforms/permissions.server";
import { requirePlatform } from "~/platforms/platforms.server";
import {
  COMMENT_EDIT_WINDOW_MS,
  addComment,
  changeProposalState,
  editComment,
  getProposal,
  hideComment,
  listComments,
} from "~/proposals/proposals.server";
import {
  commentSchema,
  editCommentSchema,
  hideCommentSchema,
  stateChangeSchema,
} from "~/proposals/schemas";
import { ballotSchema, closeVoteSchema } from "~/votes/schemas";
import { closedEarly } from "~/votes/timing";
import {
  castBallot,
  closeVoteEarly,
  myBallot,
  storedResult,
  voteForProposal,
} from "~/votes/votes.server";

export const handle: RouteHandle = {
  pageTitle: (_t, data) =>
    (data as { proposal?: { title: string } } | undefined)?.proposal?.title ?? "",
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
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
  const locale = await resolveLocale(request, user);
  const when = (d: Date) => formatDateTime(d, locale, platform.timeZone);
  const [vote, comments] = await Promise.all([
    voteForProposal(platform.id, proposal.id, now),
    listComments(proposal.id),
  ]);
  const mine = vote ? await myBallot(vote.id, user?.id ?? null) : null;
  const result = vote ? storedResult(vote) : null;
  const commentView = (c: Awaited<ReturnType<typeof listComments>>[number]["replies"][number]) => ({
    ...c,
    when: when(c.createdAt),
    canEdit:
      !!user &&
      c.authorId === user.id &&
      c.body !== null &&
      now.getTime() - c.createdAt.getTime() < COMMENT_EDIT_WINDOW_MS,
  });
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
  return json({
    share,
    platform: { slug: platform.slug, name: platform.name },
    proposal: {
      id: proposal.id,
      title: proposal.title,
      summary: proposal.summary,
      // The body sits right under the page title (h1), above the h2 sections.
      bodyHtml: renderMarkdown(proposal.body, { topHeading: 2 }),
      state: proposal.state,
      author: proposal.author.name,
      isAuthor: user?.id === proposal.authorId,
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
    comments: comments.map((c) => ({ ...commentView(c), replies: c.replies.map(commentView) })),
    viewer,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => shareMeta(data?.share);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const proposalId = params.proposalId ?? "";
  const formData = await request.formData();
  const formId = formIdOf(formData);
  const here = `/platforms/${platform.slug}/proposals/${proposalId}`;
  const done = (notice: string) => redirectWithNotice(here, notice);

  switch (formData.get("intent")) {
    case "state": {
      const user = await requirePlatformRole(request, context, platform.id, "member");
      const viewer = await viewerOf(user, platform.id);
      const submission = parseWithZod(formData, { schema: stateChangeSchema });
      if (submission.status !== "success") return rejectForm(formId, submission);
      const outcome = await changeProposalState(
        user,
        viewer,
        platform.id,
        proposalId,
        submission.value.to,
        submission.value.reason,
      );
      if (!outcome.ok) return rejectForm(formId, submission, outcome);
      return done("proposalStateChanged");
    }
    case "comment": {
      const user = await requirePlatformRole(request, context, platform.id, "member");
      const submission = parseWithZod(formData, { schema: commentSchema });
      if (submission.status !== "success") return rejectForm(formId, submission);
      const outcome = await addComment(
        user,
        platform.id,
        proposalId,
        submission.value.body,
        submission.value.parentId,
      );
      if (!outcome.ok) return rejectForm(formId, submission, outcome);
      return done("commentAdded");
    }
    case "editComment": {
      const user = await requirePlatformRole(request, context, platform.id, "member");
      const submission = parseWithZod(formData, { schema: editCommentSchema });
      if (submission.status !== "success") return rejectForm(formId, submission);
      const outcome = await editComment(
        user,
        platform.id,
        proposalId,
        submission.value.commentId,
        submission.value.body,
      );
      if (!outcome.ok) return rejectForm(formId, submission, outcome);
      return done("commentEdited");
    }
    case "hideComment": {
      const user = await requirePlatformRole(request, context, platform.id, "coordinator");
      const submission = parseWithZod(formData, { schema: hideCommentSchema });
      if (submission.status !== "success") return rejectForm(formId, submission);
      const outcome = await hideComment(
        user,
        platform.id,
        proposalId,
        submission.value.commentId,
        submission.value.reason,
      );
      if (!outcome.ok) return rejectForm(formId, submission, outcome);
      return done("commentHidden");
    }
    case "ballot": {
      const user = await requirePlatformRole(request, context, platform.id, "member");
      const submission = parseWithZod(formData, { schema: ballotSchema });
      if (submission.status !== "success") return rejectForm(formId, submission);
      const vote = await voteForProposal(platform.id, proposalId);
      if (!vote) badRequest();
      const outcome = await castBallot(user, platform.id, vote.id, submission.value.optionId);
      if (!outcome.ok) return rejectForm(formId, submission, outcome);
      return done("ballotCast");
    }
    case "closeVote": {
      const user = await requirePlatformRole(request, context, platform.id, "coordinator");
      const submission = parseWithZod(formData, { schema: closeVoteSchema });
      if (submission.status !== "success") return rejectForm(formId, submission);
      const vote = await voteForProposal(platform.id, proposalId);
      if (!vote) badRequest();
      const outcome = await closeVoteEarly(user, platform.id, vote.id, submission.value.reason);
      if (!outcome.ok) return rejectForm(formId, submission, outcome);
      return done("voteClosed");
    }
  }
  badRequest();
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function StateActions() {
  const { t } = useTranslation("proposals");
  const { proposal, viewer } = useLoaderData<typeof loader>();
  const [form] = useFormFor("state", stateChangeSchema);
  const moves: { to: string; label: string }[] = [];
  if (proposal.state === "draft" && (proposal.isAuthor || viewer.canCoordinate)) {
    moves.push({ to: "discussion", label: t("actions.toDiscussion") });
  }
  if (proposal.state === "discussion" && viewer.canCoordinate) {
    moves.push({ to: "draft", label: t("actions.toDraft") });
  }
  if ((proposal.state === "draft" || proposal.state === "discussion") && proposal.isAuthor) {
    moves.push({ to: "withdrawn", label: t("actions.withdraw") });
  }
  if (moves.length === 0) return null;
  return (
    <Form method="post" {...getFormProps(form)} className="button-row">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="_form" value="state" />
      <input type="hidden" name="intent" value="state" />
      {moves.map((m) => (
        <button key={m.to} type="submit" name="to" value={m.to} className="button">
          {m.label}
        </button>
      ))}
    </Form>
  );
}

function BallotForm({ vote }: { vote: NonNullable<Data["vote"]> }) {
  const { t } = useTranslation("votes");
  const label = useOptionLabel();
  const [form, fields] = useFormFor("ballot", ballotSchema);
  if (vote.mine?.inPerson) return <p className="notice">{t("votedInPerson")}</p>;
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="_form" value="ballot" />
      <fieldset>
        <legend>{t("yourBallot")}</legend>
        {vote.mine?.optionId ? (
          <p>
            {t("youChose", {
              option: label(vote.options.find((o) => o.id === vote.mine?.optionId)!),
            })}
          </p>
        ) : null}
        <div className="option-list">
          {vote.options.map((o) => (
            <label key={o.id} className="choice">
              <input
                type="radio"
                name="optionId"
                value={o.id}
                defaultChecked={vote.mine?.optionId === o.id}
              />
              <span>{label(o)}</span>
            </label>
          ))}
        </div>
        <ErrorList id={fields.optionId.errorId} errors={fields.optionId.errors} />
      </fieldset>
      <button type="submit" name="intent" value="ballot" className="button primary">
        {vote.mine?.optionId ? t("changeBallot") : t("castBallot")}
      </button>
      <p className="hint">{vote.secret ? t("secretHint") : t("publicHint")}</p>
    </Form>
  );
}

/** A ballot refused because the vote closed meanwhile: the form is gone, the reason is not. */
function BallotRefusal() {
  const [form] = useFormFor("ballot", ballotSchema);
  return <FormErrors id={form.errorId} errors={form.errors} />;
}

function CloseVoteForm() {
  const { t } = useTranslation("votes");
  const [form, fields] = useFormFor("closeVote", closeVoteSchema);
  return (
    <details>
      <summary>{t("closeEarly")}</summary>
      <Form method="post" {...getFormProps(form)} noValidate className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="_form" value="closeVote" />
        <TextField meta={fields.reason} label={t("closeReason")} />
        <button type="submit" name="intent" value="closeVote" className="button danger">
          {t("closeNow")}
        </button>
      </Form>
    </details>
  );
}

function VotePanel() {
  const { t } = useTranslation("votes");
  const { vote, viewer, proposal, platform } = useLoaderData<typeof loader>();
  const base = `/platforms/${platform.slug}/proposals/${proposal.id}`;
  if (!vote) {
    if (proposal.state === "discussion" && viewer.canCoordinate) {
      return (
        <p>
          <Link to={`${base}/vote`} className="button primary">
            {t("open")}
          </Link>
        </p>
      );
    }
    return <p className="muted">{t("noVote")}</p>;
  }
  return (
    <div className="stack">
      <dl className="facts">
        <dt>{t("ballotKind")}</dt>
        <dd>{vote.secret ? t("secret") : t("public")}</dd>
        <dt>{t("rule")}</dt>
        <dd>{t(`rules.${vote.rule}`)}</dd>
        <dt>{t("opens")}</dt>
        <dd>{vote.opensAt}</dd>
        {vote.closedEarly ? (
          <>
            <dt>{t("closed")}</dt>
            <dd>{t("closedEarlyOn", { when: vote.closedAt, planned: vote.closesAt })}</dd>
          </>
        ) : vote.closedAt ? (
          <>
            <dt>{t("closed")}</dt>
            <dd>{vote.closedAt}</dd>
          </>
        ) : (
          <>
            <dt>{t("closes")}</dt>
            <dd>{vote.closesAt}</dd>
          </>
        )}
      </dl>
      {vote.status === "upcoming" ? (
        <p className="notice">{t("notOpenYet", { when: vote.opensAt })}</p>
      ) : null}
      {vote.status === "open" ? (
        <>
          {viewer.isMember ? <BallotForm vote={vote} /> : <p>{t("membersOnly")}</p>}
          <p className="muted">{t("resultsHidden")}</p>
          <ul className="link-row">
            {viewer.canFacilitate ? (
              <li>
                <Link to={`${base}/tally`}>{t("recordTally")}</Link>
              </li>
            ) : null}
          </ul>
          {viewer.canCoordinate ? <CloseVoteForm /> : null}
        </>
      ) : null}
      {vote.status === "closed" ? <BallotRefusal /> : null}
      {vote.status === "closed" ? (
        <div className={`result-banner ${vote.outcome}`}>
          <p>
            <strong>{t(`outcomes.${vote.outcome}`)}</strong> —{" "}
            {t("participationShort", { count: vote.participation ?? 0 })}
          </p>
          {vote.closedEarly ? (
            <p className="muted">
              {t("closedEarlyOn", { when: vote.closedAt, planned: vote.closesAt })}
              {vote.closeReason ? ` ${t("earlyReason", { reason: vote.closeReason })}` : null}
            </p>
          ) : null}
          <p>
            <Link to={`${base}/result`}>{t("seeResult")}</Link>
          </p>
        </div>
      ) : null}
    </div>
  );
}

function CommentForm({ parentId }: { parentId?: string }) {
  const { t } = useTranslation("proposals");
  const id = parentId ? `reply-${parentId}` : "comment";
  const [form, fields] = useFormFor(id, commentSchema);
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="_form" value={id} />
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      <TextareaField
        meta={fields.body}
        label={parentId ? t("comments.reply") : t("comments.new")}
        rows={parentId ? 2 : 4}
      />
      <button type="submit" name="intent" value="comment" className="button">
        {parentId ? t("comments.sendReply") : t("comments.send")}
      </button>
    </Form>
  );
}

type CommentView = Data["comments"][number]["replies"][number];

function CommentItem({ comment, topLevel }: { comment: CommentView; topLevel: boolean }) {
  const { t } = useTranslation("proposals");
  const { viewer, proposal } = useLoaderData<typeof loader>();
  const [editForm, editFields] = useFormFor(`edit-${comment.id}`, editCommentSchema, {
    body: comment.body ?? "",
  });
  const [hideForm, hideFields] = useFormFor(`hide-${comment.id}`, hideCommentSchema);
  const open = proposal.state === "discussion" || proposal.state === "voting";
  return (
    <article className="comment">
      <p className="muted">
        <strong>{comment.author}</strong> · {comment.when}
        {comment.edited ? ` · ${t("comments.edited")}` : ""}
      </p>
      {comment.body === null ? (
        <p className="muted">{t("comments.hidden", { reason: comment.hiddenReason })}</p>
      ) : (
        <p className="pre-line">{comment.body}</p>
      )}
      {comment.canEdit ? (
        <details>
          <summary>{t("comments.edit")}</summary>
          <Form method="post" {...getFormProps(editForm)} noValidate className="stack">
            <FormErrors id={editForm.errorId} errors={editForm.errors} />
            <input type="hidden" name="_form" value={editForm.id} />
            <input type="hidden" name="commentId" value={comment.id} />
            <TextareaField meta={editFields.body} label={t("comments.editLabel")} rows={3} />
            <button type="submit" name="intent" value="editComment" className="button">
              {t("comments.save")}
            </button>
          </Form>
        </details>
      ) : null}
      {viewer.canCoordinate && comment.body !== null ? (
        <details>
          <summary>{t("comments.moderate")}</summary>
          <Form method="post" {...getFormProps(hideForm)} noValidate className="stack">
            <FormErrors id={hideForm.errorId} errors={hideForm.errors} />
            <input type="hidden" name="_form" value={hideForm.id} />
            <input type="hidden" name="commentId" value={comment.id} />
            <TextField meta={hideFields.reason} label={t("comments.hideReason")} />
            <button type="submit" name="intent" value="hideComment" className="button danger">
              {t("comments.hide")}
            </button>
          </Form>
        </details>
      ) : null}
      {topLevel && open && viewer.isMember ? (
        <details>
          <summary>{t("comments.reply")}</summary>
          <CommentForm parentId={comment.id} />
        </details>
      ) : null}
    </article>
  );
}

export default function ProposalPage() {
  const { t } = useTranslation("proposals");
  const { platform, proposal, comments, viewer } = useLoaderData<typeof loader>();
  const open = proposal.state === "discussion" || proposal.state === "voting";
  return (
    <article className="stack">
      <p>
        <Link to={`/platforms/${platform.slug}/proposals`}>← {t("listTitle")}</Link>
      </p>
      <DoneNotice />
      <h1>{proposal.title}</h1>
      <p className={`badge state-${proposal.state}`}>{t(`states.${proposal.state}`)}</p>
      <p className="muted">
        {t("byAuthor", { name: proposal.author })}
        {proposal.meeting ? (
          <>
            {" · "}
            {t("raisedAt")}{" "}
            <Link to={`/platforms/${platform.slug}/meetings/${proposal.meeting.id}`}>
              {proposal.meeting.title}
            </Link>
          </>
        ) : null}
      </p>
      <p className="lead">{proposal.summary}</p>
      <SafeHtml html={proposal.bodyHtml} className="prose" />
      <StateActions />

      <section aria-labelledby="vote-heading">
        <h2 id="vote-heading">{t("voteHeading")}</h2>
        <VotePanel />
      </section>

      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">{t("comments.heading", { count: comments.length })}</h2>
        {comments.map((c) => (
          <div key={c.id} className="comment-thread">
            <CommentItem comment={c} topLevel />
            {c.replies.length > 0 ? (
              <div className="replies">
                {c.replies.map((r) => (
                  <CommentItem key={r.id} comment={r} topLevel={false} />
                ))}
              </div>
            ) : null}
          </div>
        ))}
        {open && viewer.isMember ? <CommentForm /> : null}
        {!open ? <p className="muted">{t("comments.closed")}</p> : null}
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("history")}</h2>
        <ol className="history">
          {proposal.history.map((h) => (
            <li key={h.id}>
              {h.when}: {t(`states.${h.to}`)}
              {h.reason ? ` — ${h.reason}` : ""}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
