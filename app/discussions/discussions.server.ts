import type { Prisma } from "@prisma/client";
import { recordAudit } from "~/audit/audit.server";
import { forbidden, notFound } from "~/auth/guards.server";
import type { DbClient } from "~/db.server";
import { ok, refuse, refuseForm, type Outcome } from "~/forms/outcome";
import { pageOf } from "~/http/pagination";
import { renderMarkdown } from "~/markdown/markdown.server";
import { searchable } from "~/text/searchable";
import { canEditPost, canReplyTo, canReportPost } from "./rules";

/**
 * One discussion mechanism for every host (a proposal's comments, a forum thread). The host
 * decides who may read, post, report and moderate, and whether posting is open; this module
 * does the rest — threads of one-level replies, the edit window, hiding with a reason,
 * reports — once. Every write takes the caller's transaction client and scopes each post by
 * the host's discussion. See docs/decisions/017-one-discussion-module.md.
 */
export interface DiscussionHost {
  hostType: "proposal" | "thread";
  hostId: string;
  platformId: string;
  /** The host's discussion, once it has one (a proposal gets it with its first comment). */
  discussionId: string | null;
  /** Attaches a new discussion to the host, inside the caller's transaction. */
  attach(tx: DbClient, discussionId: string): Promise<void>;
  /** Why nobody may post now (a proposal not under discussion, a locked thread), or null. */
  closedReason: string | null;
  /** What the acting reader may do, as the host's own permission rules decided. */
  may: { post: boolean; report: boolean; moderate: boolean };
  /** What the host keeps up to date when a post is added (a thread's last activity). */
  onPosted?(
    tx: DbClient,
    post: { id: string; authorId: string | null; createdAt: Date },
  ): Promise<void>;
}

interface Actor {
  id: string;
}

async function discussionFor(tx: DbClient, host: DiscussionHost): Promise<string> {
  if (host.discussionId) return host.discussionId;
  const created = await tx.discussion.create({
    data: { hostType: host.hostType, platformId: host.platformId },
  });
  await host.attach(tx, created.id);
  return created.id;
}

/** A post of this host's discussion, or a 404 (never another host's post). */
async function postOf(tx: DbClient, host: DiscussionHost, postId: string) {
  if (!host.discussionId) notFound();
  const post = await tx.post.findFirst({ where: { id: postId, discussionId: host.discussionId } });
  if (!post) notFound();
  return post;
}

export async function addPost(
  tx: DbClient,
  host: DiscussionHost,
  author: Actor,
  input: { body: string; parentId?: string | null },
): Promise<Outcome<{ postId: string }>> {
  if (!host.may.post) forbidden();
  if (host.closedReason) return refuseForm(host.closedReason);
  if (input.parentId) {
    const parent = host.discussionId
      ? await tx.post.findFirst({ where: { id: input.parentId, discussionId: host.discussionId } })
      : null;
    if (!parent || !canReplyTo(parent)) return refuseForm("discussions:errors.badParent");
  }
  const discussionId = await discussionFor(tx, host);
  const post = await tx.post.create({
    data: {
      discussionId,
      authorId: author.id,
      body: input.body,
      searchText: searchable(input.body),
      parentId: input.parentId ?? null,
    },
  });
  await host.onPosted?.(tx, post);
  return ok({ postId: post.id });
}

export async function editPost(
  tx: DbClient,
  host: DiscussionHost,
  author: Actor,
  postId: string,
  body: string,
  now = new Date(),
): Promise<Outcome<null>> {
  // Someone who may no longer post here (left the group or the platform) may not edit either.
  if (!host.may.post) forbidden();
  const post = await postOf(tx, host, postId);
  if (post.authorId !== author.id) forbidden();
  if (!canEditPost(post, author.id, now)) return refuse("body", "discussions:errors.editWindow");
  if (host.closedReason) return refuseForm(host.closedReason);
  await tx.post.update({
    where: { id: post.id },
    data: { body, searchText: searchable(body), editedAt: now },
  });
  return ok(null);
}

/** A moderator hides a post with a reason: it keeps its place, not its words. Audited. */
export async function hidePost(
  tx: DbClient,
  host: DiscussionHost,
  moderator: Actor,
  postId: string,
  reason: string,
  now = new Date(),
): Promise<Outcome<null>> {
  if (!host.may.moderate) forbidden();
  const post = await postOf(tx, host, postId);
  if (post.hiddenAt) return refuseForm("discussions:errors.alreadyHidden");
  await tx.post.update({
    where: { id: post.id },
    data: { hiddenAt: now, hiddenReason: reason, hiddenById: moderator.id },
  });
  // Hiding answers every open report of the post.
  await tx.postReport.updateMany({
    where: { postId: post.id, resolvedAt: null },
    data: { resolvedAt: now, resolvedById: moderator.id },
  });
  await recordAudit(tx, {
    actorId: moderator.id,
    action: "post.hidden",
    entityType: "Post",
    entityId: post.id,
    platformId: host.platformId,
    // Ids, not the post's words: the log is append-only and must not keep a hidden text.
    details: { hostType: host.hostType, hostId: host.hostId, authorId: post.authorId, reason },
  });
  return ok(null);
}

/** A member flags someone else's post for the moderators; once per person and post. */
export async function reportPost(
  tx: DbClient,
  host: DiscussionHost,
  reporter: Actor,
  postId: string,
  reason: string,
): Promise<Outcome<null>> {
  if (!host.may.report) forbidden();
  const post = await postOf(tx, host, postId);
  if (!canReportPost(post, reporter.id)) return refuseForm("discussions:errors.cannotReport");
  const already = await tx.postReport.findUnique({
    where: { postId_reporterId: { postId: post.id, reporterId: reporter.id } },
  });
  if (already) return refuseForm("discussions:errors.alreadyReported");
  await tx.postReport.create({ data: { postId: post.id, reporterId: reporter.id, reason } });
  return ok(null);
}

/** A moderator keeps a reported post visible: its open reports are closed. Audited. */
export async function dismissReports(
  tx: DbClient,
  host: DiscussionHost,
  moderator: Actor,
  postId: string,
  now = new Date(),
): Promise<Outcome<null>> {
  if (!host.may.moderate) forbidden();
  const post = await postOf(tx, host, postId);
  const { count } = await tx.postReport.updateMany({
    where: { postId: post.id, resolvedAt: null },
    data: { resolvedAt: now, resolvedById: moderator.id },
  });
  if (count === 0) return refuseForm("discussions:errors.noOpenReports");
  await recordAudit(tx, {
    actorId: moderator.id,
    action: "post.reportsDismissed",
    entityType: "Post",
    entityId: post.id,
    platformId: host.platformId,
    details: { hostType: host.hostType, hostId: host.hostId, reports: count },
  });
  return ok(null);
}

export interface ReaderOfDiscussion {
  userId: string | null;
  /** Dates in the reader's language and the platform's time zone. */
  when: (date: Date) => string;
}

/** Top-level posts a page of a discussion shows, each with all its replies. */
export const DISCUSSION_PAGE_SIZE = 50;

const POST_ORDER = [{ createdAt: "asc" as const }, { id: "asc" as const }];

/** Posts of a discussion with their authors (and open reports, for a moderator). */
function postsWhere(
  client: DbClient,
  where: Prisma.PostWhereInput,
  moderate: boolean,
  slice?: { skip: number; take: number },
) {
  return client.post.findMany({
    where,
    orderBy: POST_ORDER,
    ...slice,
    include: {
      author: { select: { name: true } },
      ...(moderate
        ? {
            reports: {
              where: { resolvedAt: null },
              select: { reason: true },
              orderBy: { createdAt: "asc" as const },
            },
          }
        : {}),
    },
  });
}

/**
 * One page of top-level posts, their replies, the counts and the opening post. The first
 * page is read one row past its size: when that row is not there (most discussions), the
 * whole discussion is on it and counting its rows needs no query of its own.
 */
async function readPage(
  client: DbClient,
  discussionId: string,
  moderate: boolean,
  requestedPage: number,
) {
  const size = DISCUSSION_PAGE_SIZE;
  const topLevelOnly = { discussionId, parentId: null };
  const repliesTo = async (top: { id: string }[]) =>
    top.length > 0
      ? postsWhere(client, { discussionId, parentId: { in: top.map((p) => p.id) } }, moderate)
      : [];
  if (requestedPage <= 1) {
    const top = await postsWhere(client, topLevelOnly, moderate, { skip: 0, take: size + 1 });
    if (top.length <= size) {
      const replyRows = await repliesTo(top);
      const count = top.length + replyRows.length;
      return { count, page: pageOf(1, top.length, size), top, replyRows, first: top[0] ?? null };
    }
  }
  const [count, topLevel] = await Promise.all([
    client.post.count({ where: { discussionId } }),
    client.post.count({ where: topLevelOnly }),
  ]);
  const page = pageOf(requestedPage, topLevel, size);
  const top = await postsWhere(client, topLevelOnly, moderate, {
    skip: page.skip,
    take: page.take,
  });
  const [replyRows, first] = await Promise.all([
    repliesTo(top),
    // The opening post is the page's description on every page, not only the first.
    page.page === 1
      ? (top[0] ?? null)
      : client.post.findFirst({
          where: topLevelOnly,
          orderBy: POST_ORDER,
          select: { body: true, hiddenAt: true },
        }),
  ]);
  return { count, page, top, replyRows, first };
}

/**
 * The discussion as a reader sees it, a page at a time: top-level posts in order (a page of
 * them), each with its replies, hidden words removed, and what this reader may do with each
 * post. Moderators also see the open reports. Markdown is rendered (bounded and sanitized)
 * here, on the server. The database counts and slices: a long discussion is not loaded whole.
 */
export async function readDiscussion(
  client: DbClient,
  host: DiscussionHost,
  reader: ReaderOfDiscussion,
  now = new Date(),
  requestedPage = 1,
) {
  const { count, page, top, replyRows, first } = host.discussionId
    ? await readPage(client, host.discussionId, host.may.moderate, requestedPage)
    : { count: 0, page: pageOf(1, 0, DISCUSSION_PAGE_SIZE), top: [], replyRows: [], first: null };
  const rows = [...top, ...replyRows];
  const open = !host.closedReason;
  const view = (p: (typeof rows)[number]) => {
    const hidden = !!p.hiddenAt;
    const canEdit = open && canEditPost(p, reader.userId, now);
    return {
      id: p.id,
      // Null once the author erased their account: shown as a former member.
      author: p.author?.name ?? null,
      when: reader.when(p.createdAt),
      edited: !!p.editedAt,
      hiddenReason: hidden ? p.hiddenReason : null,
      // A hidden post keeps its place but not its words.
      bodyHtml: hidden ? null : renderMarkdown(p.body, { topHeading: 4 }),
      // The words as typed fill the edit form: sent only where there is one.
      body: hidden || !canEdit ? null : p.body,
      canEdit,
      canReply: open && host.may.post && canReplyTo(p),
      canReport: host.may.report && canReportPost(p, reader.userId),
      canModerate: host.may.moderate && !hidden,
      reports: "reports" in p ? (p.reports as { reason: string }[]).map((r) => r.reason) : [],
    };
  };
  // Replies grouped once by their post (in order), not searched for post by post.
  const replies = new Map<string, ReturnType<typeof view>[]>();
  for (const r of rows) {
    if (!r.parentId) continue;
    const list = replies.get(r.parentId) ?? [];
    list.push(view(r));
    replies.set(r.parentId, list);
  }
  const posts = top.map((p) => ({ ...view(p), replies: replies.get(p.id) ?? [] }));
  return {
    posts,
    /** The first post's words as typed (a page's description), null if hidden or none. */
    opening: first && !first.hiddenAt ? first.body : null,
    /** Every post of the discussion, replies included. */
    count,
    page: page.page,
    pages: page.pages,
    closedReason: host.closedReason,
    may: host.may,
  };
}

export type DiscussionView = Awaited<ReturnType<typeof readDiscussion>>;

/**
 * The page of its discussion a post shows on (a reply on its post's page), so that whoever
 * just wrote it lands where it is.
 */
export async function pageOfPost(client: DbClient, postId: string): Promise<number> {
  const post = await client.post.findUnique({
    where: { id: postId },
    select: {
      id: true,
      discussionId: true,
      createdAt: true,
      parent: { select: { id: true, discussionId: true, createdAt: true } },
    },
  });
  const top = post?.parent ?? post;
  if (!top) return 1;
  const before = await client.post.count({
    where: {
      discussionId: top.discussionId,
      parentId: null,
      OR: [{ createdAt: { lt: top.createdAt } }, { createdAt: top.createdAt, id: { lt: top.id } }],
    },
  });
  return Math.floor(before / DISCUSSION_PAGE_SIZE) + 1;
}
