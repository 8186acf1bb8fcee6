import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { usePersonName } from "~/components/person-name";
import { badRequest } from "~/auth/guards.server";
import { ErrorList, FormErrors, TextField } from "~/components/form-fields";
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
  changeProposalState,
  getProposal,
  proposalDiscussionHost,
  proposalHostFor,
} from "~/proposals/proposals.server";
import { stateChangeSchema } from "~/proposals/schemas";
import { db } from "~/db.server";
import { DiscussionView } from "~/discussions/discussion-view";
import { readDiscussion } from "~/discussions/discussions.server";
import { discussionAction } from "~/discussions/intents.server";
import { isDiscussionIntent } from "~/discussions/schemas";
import { requireUser } from "~/auth/guards.server";
import { raisedCredit } from "~/groups/raise.server";
import { ballotSchema, closeVoteSchema } from "~/votes/schemas";
import { closedEarly } from "~/votes/timing";
import {
  castBallot,
  closeVoteEarly,
  myBallot,
  storedResult,
  voteForProposal,
  voteIdForProposal,
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
  const [vote, discussion] = await Promise.all([
    voteForProposal(platform.id, proposal.id, now),
    readDiscussion(
      db,
      proposalDiscussionHost(proposal, viewer),
      { userId: user?.id ?? null, when },
      now,
    ),
  ]);
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
  return json({
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
    discussion,
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

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function StateActions() {
  const { t } = useTranslation("proposals");
  const { proposal, viewer } = useLoaderData<typeof loader>();
  const [form] = useFormFor<typeof stateChangeSchema>("state");
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
  const [form, fields] = useFormFor<typeof ballotSchema>("ballot");
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
  const [form] = useFormFor<typeof ballotSchema>("ballot");
  return <FormErrors id={form.errorId} errors={form.errors} />;
}

function CloseVoteForm() {
  const { t } = useTranslation("votes");
  const [form, fields] = useFormFor<typeof closeVoteSchema>("closeVote");
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

/** The group whose forum raised the proposal; its thread only for readers of the group. */
function RaisedBy({ raised, slug }: { raised: NonNullable<Data["raised"]>; slug: string }) {
  const { t } = useTranslation("forums");
  if (!raised.thread) {
    return <p className="muted">{t("raisedBy.private", { group: raised.groupName })}</p>;
  }
  return (
    <p className="muted">
      {t("raisedBy.group", { group: raised.groupName })}{" "}
      <Link to={`/platforms/${slug}/groups/${raised.groupId}/threads/${raised.thread.id}`}>
        {raised.thread.title
          ? t("raisedBy.thread", { thread: raised.thread.title })
          : t("raisedBy.threadLink")}
      </Link>
    </p>
  );
}

export default function ProposalPage() {
  const { t } = useTranslation("proposals");
  const personName = usePersonName();
  const { platform, proposal, discussion, raised } = useLoaderData<typeof loader>();
  return (
    <article className="stack">
      <p>
        <Link to={`/platforms/${platform.slug}/proposals`}>← {t("listTitle")}</Link>
      </p>
      <DoneNotice />
      <h1>{proposal.title}</h1>
      <p className={`badge state-${proposal.state}`}>{t(`states.${proposal.state}`)}</p>
      <p className="muted">
        {t("byAuthor", { name: personName(proposal.author) })}
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
      {raised ? <RaisedBy raised={raised} slug={platform.slug} /> : null}
      <p className="lead">{proposal.summary}</p>
      <SafeHtml html={proposal.bodyHtml} className="prose" />
      <StateActions />

      <section aria-labelledby="vote-heading">
        <h2 id="vote-heading">{t("voteHeading")}</h2>
        <VotePanel />
      </section>

      <DiscussionView
        discussion={discussion}
        headingId="comments-heading"
        heading={t("commentsHeading", { count: discussion.count })}
      />

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
