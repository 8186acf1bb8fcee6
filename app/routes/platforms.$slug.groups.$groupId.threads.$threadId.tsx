import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { badRequest, forbidden, requireUser } from "~/auth/guards.server";
import { FormErrors, TextField } from "~/components/form-fields";
import { DoneNotice } from "~/components/notice";
import type { RouteHandle } from "~/components/page-title";
import { useFormFor } from "~/components/use-form-for";
import { db, type DbClient } from "~/db.server";
import { DiscussionView } from "~/discussions/discussion-view";
import { placeFromUrl, readDiscussion } from "~/discussions/read.server";
import { discussionAction } from "~/discussions/intents.server";
import { isDiscussionIntent } from "~/discussions/schemas";
import { formIdOf, rejectForm, redirectWithNotice } from "~/forms/respond.server";
import { hideThread, setThreadFlag } from "~/groups/forum.server";
import { hideThreadSchema, isThreadIntent, moderationSchema } from "~/groups/forum-schemas";
import {
  getThread,
  groupText,
  markThreadRead,
  mayReadThread,
  requireReadableGroup,
  threadDiscussionHost,
} from "~/groups/groups.server";
import { raiseThread } from "~/groups/raise.server";
import { canModerateGroup, canRaiseThread, canShareThread, isGroupMember } from "~/groups/rules";
import { publicUrl } from "~/http/public-url.server";
import { shareMeta, summarize } from "~/http/share-meta";
import { shareFor } from "~/http/share.server";
import { formatDateTime } from "~/i18n/format";
import { resolveLocale } from "~/i18n/i18next.server";
import { requirePlatform } from "~/platforms/platforms.server";

export const handle: RouteHandle = {
  pageTitle: (t, data) =>
    (data as { thread?: { title: string | null } } | undefined)?.thread?.title ??
    t("forums:hiddenThread"),
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const user = context.user;
  const { group, actor } = await requireReadableGroup(db, user, platform.id, params.groupId ?? "");
  const thread = await getThread(db, group.id, params.threadId ?? "");
  const visible = mayReadThread(thread, actor);
  if (user && visible && isGroupMember(actor)) {
    // Reading the page is reading the thread, up to its newest post.
    await markThreadRead(db, thread.id, user.id, thread.lastActivityAt);
  }
  const locale = await resolveLocale(request, user);
  const when = (d: Date) => formatDateTime(d, locale, platform.timeZone);
  const discussion = visible
    ? await readDiscussion(
        db,
        threadDiscussionHost(thread, group, actor),
        { userId: user?.id ?? null, when },
        new Date(),
        placeFromUrl(request.url),
      )
    : null;
  const base = `/platforms/${platform.slug}/groups/${group.id}`;
  const path = `${base}/threads/${thread.id}`;
  // Only a public, visible thread is described to the outside (Open Graph, WhatsApp).
  const opening = discussion?.opening ?? "";
  const shareable = canShareThread(group, thread);
  const share = shareable
    ? await shareFor(request, locale, {
        path,
        title: thread.title,
        description: summarize(opening || thread.title),
        type: "article",
      })
    : null;
  const whatsapp = shareable
    ? `https://wa.me/?text=${encodeURIComponent(`${thread.title}\n${publicUrl(request, path)}`)}`
    : null;
  return json({
    share,
    whatsapp,
    platform: { slug: platform.slug },
    group: { id: group.id, name: groupText(group, locale).name },
    thread: {
      id: thread.id,
      // A hidden thread's title is its words too: moderators only.
      title: visible ? thread.title : null,
      pinned: !!thread.pinnedAt,
      locked: !!thread.lockedAt,
      hidden: !!thread.hiddenAt,
      hiddenReason: thread.hiddenReason,
      proposalId: visible ? thread.proposalId : null,
    },
    may: { moderate: canModerateGroup(actor), raise: canRaiseThread(thread, actor) },
    discussion,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => shareMeta(data?.share);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const user = requireUser(request, context);
  const groupId = params.groupId ?? "";
  const threadId = params.threadId ?? "";
  const here = `/platforms/${platform.slug}/groups/${groupId}/threads/${threadId}`;
  // Who may not read the group (or a thread that is not there) gets the same 404 before any
  // field is checked: not even a validation message tells them it exists.
  const formData = await request.formData();
  const formId = formIdOf(formData);
  const intent = formData.get("intent");
  {
    const { group, actor } = await requireReadableGroup(db, user, platform.id, groupId);
    await getThread(db, group.id, threadId);
    // Moderators' forms answer anyone else with a 403, whatever they typed.
    if (isThreadIntent(intent) && !canModerateGroup(actor)) forbidden();
  }

  // Every check and write reads the group, the membership and the thread in one transaction.
  const inGroup = async <T,>(
    work: (tx: DbClient, scope: Awaited<ReturnType<typeof requireReadableGroup>>) => Promise<T>,
  ) =>
    db.$transaction(async (tx) =>
      work(tx, await requireReadableGroup(tx, user, platform.id, groupId)),
    );

  if (isDiscussionIntent(intent)) {
    return discussionAction({
      intent,
      formData,
      formId,
      actor: user,
      host: async (tx) => {
        const { group, actor } = await requireReadableGroup(tx, user, platform.id, groupId);
        const thread = await getThread(tx, group.id, threadId);
        return threadDiscussionHost(thread, group, actor);
      },
      back: here,
    });
  }
  if (!isThreadIntent(intent)) badRequest();
  if (intent === "hideThread") {
    const submission = parseWithZod(formData, { schema: hideThreadSchema });
    if (submission.status !== "success") return rejectForm(formId, submission);
    const outcome = await inGroup((tx, { group, actor }) =>
      hideThread(tx, group, actor, user, threadId, submission.value.reason),
    );
    if (!outcome.ok) return rejectForm(formId, submission, outcome);
    return redirectWithNotice(here, "threadHidden");
  }
  const submission = parseWithZod(formData, { schema: moderationSchema });
  if (submission.status !== "success") return rejectForm(formId, submission);
  if (intent === "raise") {
    const outcome = await inGroup((tx, { group, actor }) =>
      raiseThread(tx, group, actor, user, threadId),
    );
    if (!outcome.ok) return rejectForm(formId, submission, outcome);
    return redirectWithNotice(here, "threadRaised");
  }
  const outcome = await inGroup((tx, { group, actor }) =>
    setThreadFlag(tx, group, actor, user, threadId, intent),
  );
  if (!outcome.ok) return rejectForm(formId, submission, outcome);
  return redirectWithNotice(here, FLAG_NOTICES[intent]);
}

const FLAG_NOTICES = {
  pin: "threadPinned",
  unpin: "threadUnpinned",
  lock: "threadLocked",
  unlock: "threadUnlocked",
} as const;

function ModerationPanel() {
  const { t } = useTranslation("forums");
  const { thread, may } = useLoaderData<typeof loader>();
  const [form] = useFormFor<typeof moderationSchema>("moderation");
  const [hideForm, hideFields] = useFormFor<typeof hideThreadSchema>("hideThread");
  return (
    <section aria-labelledby="moderation-heading" className="stack">
      <h2 id="moderation-heading">{t("moderation.heading")}</h2>
      <Form method="post" {...getFormProps(form)} className="button-row">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="_form" value="moderation" />
        <button
          type="submit"
          name="intent"
          value={thread.pinned ? "unpin" : "pin"}
          className="button"
        >
          {thread.pinned ? t("moderation.unpin") : t("moderation.pin")}
        </button>
        <button
          type="submit"
          name="intent"
          value={thread.locked ? "unlock" : "lock"}
          className="button"
        >
          {thread.locked ? t("moderation.unlock") : t("moderation.lock")}
        </button>
        {may.raise ? (
          <button type="submit" name="intent" value="raise" className="button primary">
            {t("moderation.raise")}
          </button>
        ) : null}
      </Form>
      {may.raise ? <p className="hint">{t("moderation.raiseHint")}</p> : null}
      {!thread.hidden ? (
        <details>
          <summary>{t("moderation.hide")}</summary>
          <Form method="post" {...getFormProps(hideForm)} noValidate className="stack">
            <FormErrors id={hideForm.errorId} errors={hideForm.errors} />
            <input type="hidden" name="_form" value="hideThread" />
            <TextField meta={hideFields.reason} label={t("moderation.hideReason")} />
            <button type="submit" name="intent" value="hideThread" className="button danger">
              {t("moderation.hideSubmit")}
            </button>
          </Form>
        </details>
      ) : null}
    </section>
  );
}

export default function ThreadPage() {
  const { t } = useTranslation("forums");
  const { platform, group, thread, may, discussion, whatsapp } = useLoaderData<typeof loader>();
  const base = `/platforms/${platform.slug}/groups/${group.id}`;
  return (
    <article className="stack">
      <p>
        <Link to={base}>← {group.name}</Link>
      </p>
      <DoneNotice />
      <h1>{thread.title ?? t("hiddenThread")}</h1>
      {thread.hidden ? (
        <p className="notice">{t("hiddenBy", { reason: thread.hiddenReason })}</p>
      ) : null}
      {thread.pinned || thread.locked ? (
        <p className="button-row">
          {thread.pinned ? <span className="badge">{t("pinned")}</span> : null}
          {thread.locked ? <span className="badge">{t("locked")}</span> : null}
        </p>
      ) : null}
      {thread.proposalId ? (
        <p>
          <Link to={`/platforms/${platform.slug}/proposals/${thread.proposalId}`}>
            {t("raisedAs")}
          </Link>
        </p>
      ) : null}
      {whatsapp ? (
        <ul className="link-row">
          <li>
            <a href={whatsapp} rel="noopener">
              {t("shareWhatsapp")}
            </a>
          </li>
        </ul>
      ) : null}
      {discussion ? (
        <DiscussionView
          discussion={discussion}
          headingId="posts-heading"
          heading={t("postsHeading", { count: discussion.count })}
        />
      ) : null}
      {may.moderate ? <ModerationPanel /> : null}
    </article>
  );
}
