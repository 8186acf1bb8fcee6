import { getFormProps } from "@conform-to/react";
import { Form, useLocation } from "@remix-run/react";
import { Link } from "~/components/link";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { FormErrors, TextField, TextareaField } from "~/components/form-fields";
import { Pager } from "~/components/pager";
import { PersonName } from "~/components/person-name";
import { SafeHtml } from "~/components/safe-html";
import { RepeatedForm, useAnswered } from "~/components/repeated-form";
import { decodeMessage } from "~/forms/messages";
import type { editPostSchema, hidePostSchema, postSchema, reportPostSchema } from "./schemas";

/** What `readDiscussion` sends to the page, after JSON. */
export interface DiscussionData {
  posts: (PostData & { replies: PostData[]; replyCount: number })[];
  count: number;
  /** This page of the discussion's top-level posts (or of one post's replies), among how many. */
  page: number;
  pages: number;
  /** When one post's replies are shown: that post and its page of the discussion. */
  repliesOf: { postId: string; onPage: number } | null;
  closedReason: string | null;
  may: { post: boolean; report: boolean; moderate: boolean };
}

interface PostData {
  id: string;
  /** Null when the author's account was erased. */
  author: string | null;
  when: string;
  edited: boolean;
  hiddenReason: string | null;
  bodyHtml: string | null;
  body: string | null;
  canEdit: boolean;
  canReply: boolean;
  canReport: boolean;
  canModerate: boolean;
  reports: string[];
}

/** The same threads, forms and moderation controls on every host's page. */
export function DiscussionView({
  discussion,
  headingId,
  heading,
}: {
  discussion: DiscussionData;
  headingId: string;
  heading: string;
}) {
  const { t } = useTranslation("discussions");
  const { t: tc } = useTranslation();
  const closed = discussion.closedReason ? decodeMessage(discussion.closedReason) : null;
  return (
    <section aria-labelledby={headingId} className="stack discussion">
      <h2 id={headingId}>{heading}</h2>
      {discussion.repliesOf ? <BackToDiscussion {...discussion.repliesOf} /> : null}
      {discussion.posts.map((p) => (
        <div key={p.id} className="comment-thread">
          <PostItem post={p} />
          {p.replies.length > 0 ? (
            <div className="replies">
              {p.replies.map((r) => (
                <PostItem key={r.id} post={r} />
              ))}
            </div>
          ) : null}
          {/* The rest of a post's replies are on its own pages (a page stays bounded). */}
          {!discussion.repliesOf && p.replyCount > p.replies.length ? (
            <p className="replies">
              <Link to={`?replies=${p.id}`}>{t("allReplies", { count: p.replyCount })}</Link>
            </p>
          ) : null}
        </div>
      ))}
      {/* After the posts, where reading reaches the end of a page; plain links. */}
      <Pager page={discussion.page} pages={discussion.pages} />
      {closed ? (
        <p className="muted">{tc(closed.key, closed.values)}</p>
      ) : discussion.may.post && !discussion.repliesOf ? (
        <PostForm />
      ) : null}
      {!closed && !discussion.may.post ? <p className="muted">{t("membersOnly")}</p> : null}
    </section>
  );
}

/** From one post's replies back to where the post is in the whole discussion. */
function BackToDiscussion({ postId, onPage }: { postId: string; onPage: number }) {
  const { t } = useTranslation("discussions");
  const { pathname } = useLocation();
  const search = onPage > 1 ? `?page=${onPage}` : "";
  return (
    <p>
      <Link to={`${pathname}${search}#post-${postId}`}>{t("backToDiscussion")}</Link>
    </p>
  );
}

function PostForm({ parentId }: { parentId?: string }) {
  const { t } = useTranslation("discussions");
  const id = parentId ? `reply-${parentId}` : "post";
  return (
    <RepeatedForm<typeof postSchema> id={id}>
      {(form, fields) => (
        <Form method="post" {...getFormProps(form)} noValidate className="stack">
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="_form" value={id} />
          {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
          <TextareaField
            meta={fields.body}
            label={parentId ? t("reply") : t("new")}
            rows={parentId ? 2 : 4}
          />
          <p className="hint">{t("markdownHint")}</p>
          <button type="submit" name="intent" value="post" className="button">
            {parentId ? t("sendReply") : t("send")}
          </button>
        </Form>
      )}
    </RepeatedForm>
  );
}

function PostItem({ post }: { post: PostData }) {
  const { t } = useTranslation("discussions");
  return (
    <article className="comment" id={`post-${post.id}`}>
      <p className="muted">
        <strong>
          <PersonName name={post.author} />
        </strong>{" "}
        · {post.when}
        {post.edited ? ` · ${t("edited")}` : ""}
      </p>
      {post.bodyHtml === null ? (
        <p className="muted">{t("hidden", { reason: post.hiddenReason })}</p>
      ) : (
        <SafeHtml html={post.bodyHtml} className="prose" />
      )}
      {post.reports.length > 0 ? (
        <div className="notice">
          <p>{t("reported", { count: post.reports.length })}</p>
          <ul>
            {post.reports.map((reason, i) => (
              <li key={i}>{reason}</li>
            ))}
          </ul>
          <Form method="post">
            <input type="hidden" name="_form" value={`dismiss-${post.id}`} />
            <input type="hidden" name="postId" value={post.id} />
            <button type="submit" name="intent" value="dismissReports" className="button">
              {t("dismissReports")}
            </button>
          </Form>
        </div>
      ) : null}
      {post.canEdit ? (
        <FormDetails formId={`edit-${post.id}`} summary={t("edit")}>
          <PostEditForm post={post} />
        </FormDetails>
      ) : null}
      {post.canModerate ? (
        <FormDetails formId={`hide-${post.id}`} summary={t("moderate")}>
          <PostReasonForm postId={post.id} kind="hide" />
        </FormDetails>
      ) : null}
      {post.canReport ? (
        <FormDetails formId={`report-${post.id}`} summary={t("report")}>
          <PostReasonForm postId={post.id} kind="report" />
        </FormDetails>
      ) : null}
      {post.canReply ? (
        <FormDetails formId={`reply-${post.id}`} summary={t("reply")}>
          <PostForm parentId={post.id} />
        </FormDetails>
      ) : null}
    </article>
  );
}

/** A folded form, unfolded when the server answered it: its errors are not hidden. */
function FormDetails({
  formId,
  summary,
  children,
}: {
  formId: string;
  summary: string;
  children: ReactNode;
}) {
  return (
    <details open={useAnswered(formId) || undefined}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}

function PostEditForm({ post }: { post: PostData }) {
  const { t } = useTranslation("discussions");
  return (
    <RepeatedForm<typeof editPostSchema>
      id={`edit-${post.id}`}
      defaultValue={{ body: post.body ?? "" }}
    >
      {(form, fields) => (
        <Form method="post" {...getFormProps(form)} noValidate className="stack">
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="_form" value={form.id} />
          <input type="hidden" name="postId" value={post.id} />
          <TextareaField meta={fields.body} label={t("editLabel")} rows={3} />
          <button type="submit" name="intent" value="editPost" className="button">
            {t("save")}
          </button>
        </Form>
      )}
    </RepeatedForm>
  );
}

const REASON_FORMS = {
  hide: {
    intent: "hidePost",
    label: "hideReason",
    submit: "hide",
    className: "button danger",
  },
  report: {
    intent: "reportPost",
    label: "reportReason",
    submit: "sendReport",
    className: "button",
  },
} as const;

/** Hiding a post and reporting it are the same form: a reason for one post. */
function PostReasonForm({ postId, kind }: { postId: string; kind: keyof typeof REASON_FORMS }) {
  const { t } = useTranslation("discussions");
  const spec = REASON_FORMS[kind];
  return (
    <RepeatedForm<typeof hidePostSchema | typeof reportPostSchema> id={`${kind}-${postId}`}>
      {(form, fields) => (
        <Form method="post" {...getFormProps(form)} noValidate className="stack">
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="_form" value={form.id} />
          <input type="hidden" name="postId" value={postId} />
          <TextField meta={fields.reason} label={t(spec.label)} />
          <button type="submit" name="intent" value={spec.intent} className={spec.className}>
            {t(spec.submit)}
          </button>
        </Form>
      )}
    </RepeatedForm>
  );
}
