import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { FormErrors } from "~/components/form-fields";
import { DoneNotice } from "~/components/notice";
import type { RouteHandle } from "~/components/page-title";
import { usePersonName } from "~/components/person-name";
import { SafeHtml } from "~/components/safe-html";
import { useFormFor } from "~/components/use-form-for";
import { DiscussionView } from "~/discussions/discussion-view";
import { shareMeta } from "~/http/share-meta";
import { proposalPageAction, proposalPageData } from "~/proposals/page.server";
import type { stateChangeSchema } from "~/proposals/schemas";
import { VotePanel } from "~/votes/components/vote-panel";

export const handle: RouteHandle = {
  pageTitle: (_t, data) =>
    (data as { proposal?: { title: string } } | undefined)?.proposal?.title ?? "",
};

export async function loader(args: LoaderFunctionArgs) {
  return json(await proposalPageData(args));
}

export const meta: MetaFunction<typeof loader> = ({ data }) => shareMeta(data?.share);

export async function action(args: ActionFunctionArgs) {
  return proposalPageAction(args);
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

const MOVE_LABELS = {
  discussion: "actions.toDiscussion",
  draft: "actions.toDraft",
  withdrawn: "actions.withdraw",
} as const;

function StateActions() {
  const { t } = useTranslation("proposals");
  const { proposal } = useLoaderData<typeof loader>();
  const moves = proposal.moves.map((to) => ({ to, label: t(MOVE_LABELS[to]) }));
  return moves.length > 0 ? <StateForm moves={moves} /> : null;
}

/** Its form state only where there is a move to offer (most readers have none). */
function StateForm({ moves }: { moves: { to: string; label: string }[] }) {
  const [form] = useFormFor<typeof stateChangeSchema>("state");
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
  const { platform, proposal, discussion, raised, vote, viewer } = useLoaderData<typeof loader>();
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
        <VotePanel
          vote={vote}
          viewer={viewer}
          proposal={proposal}
          base={`/platforms/${platform.slug}/proposals/${proposal.id}`}
        />
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
