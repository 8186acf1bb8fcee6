import type { Prisma } from "@prisma/client";
import { notFound } from "~/auth/guards.server";
import { readRows } from "~/db-read.server";
import { type DbClient, sqlBuilders, sqlList } from "~/db.server";
import { pageFromUrl, pageOf } from "~/http/pagination";
import { renderMarkdown } from "~/markdown/markdown.server";
import type { DiscussionHost } from "./discussions.server";
import { canEditPost, canReplyTo, canReportPost } from "./rules";

/**
 * The read side of the discussion module, for every host: a page of a discussion as a
 * reader sees it, a page of one post's replies, and where a post shows. Writes are in
 * discussions.server.ts. What a page reads is bounded however long the discussion runs: a
 * page of top-level posts, each with its first replies; the rest of a post's replies are on
 * its own pages.
 */

export interface ReaderOfDiscussion {
  userId: string | null;
  /** Dates in the reader's language and the platform's time zone. */
  when: (date: Date) => string;
}

/** Top-level posts a page of a discussion shows, each with its first replies. */
export const DISCUSSION_PAGE_SIZE = 50;
/** Replies a post shows on its discussion's page; all of them are on the post's own pages. */
export const REPLIES_SHOWN = 20;
/** Replies a page of one post's replies shows. */
export const REPLY_PAGE_SIZE = 50;

/** Which page a reader asked for: of the discussion, or of one top-level post's replies. */
export interface DiscussionPlace {
  page: number;
  /** The top-level post whose replies are read, or null for the discussion itself. */
  replies: string | null;
}

export const DISCUSSION_START: DiscussionPlace = { page: 1, replies: null };

/** `?page=N` and `?replies=<post id>`, read leniently: anything odd is the discussion. */
export function placeFromUrl(url: URL | string): DiscussionPlace {
  const raw = (typeof url === "string" ? new URL(url) : url).searchParams.get("replies");
  return { page: pageFromUrl(url), replies: raw && /^[A-Za-z0-9_-]{1,40}$/.test(raw) ? raw : null };
}

/** The same address at another place of its discussion (page 1, no post: no parameter). */
export function withPlace(path: string, place: DiscussionPlace): string {
  const url = new URL(path, "http://minga.invalid");
  const params = url.searchParams;
  if (place.replies) params.set("replies", place.replies);
  else params.delete("replies");
  if (place.page > 1) params.set("page", String(place.page));
  else params.delete("page");
  const query = params.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}

const POST_ORDER = [{ createdAt: "asc" as const }, { id: "asc" as const }];

/** A post as it is shown, with its author's name (null once they erased their account). */
interface PostRow {
  id: string;
  authorId: string | null;
  parentId: string | null;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  author: string | null;
}

/**
 * Posts in the discussion's order, each with its author's name, and with how many replies it
 * has when `replyCounts` (top-level posts; counted from the replies' index). One statement
 * without Prisma (app/db-read.server.ts): every view of a proposal or a forum thread reads it.
 */
function postRows(
  client: DbClient,
  where: Prisma.Sql,
  slice?: { skip: number; take: number },
): Promise<PostRow[]>;
function postRows(
  client: DbClient,
  where: Prisma.Sql,
  slice: { skip: number; take: number } | undefined,
  replyCounts: true,
): Promise<(PostRow & { replyCount: number })[]>;
function postRows(
  client: DbClient,
  where: Prisma.Sql,
  slice?: { skip: number; take: number },
  replyCounts = false,
) {
  const { sql, empty } = sqlBuilders();
  return readRows<PostRow & { replyCount?: number }>(
    client,
    sql`SELECT p."id", p."authorId", p."parentId", p."body", p."createdAt", p."editedAt",
      p."hiddenAt", p."hiddenReason", u."name" AS "author"
      ${replyCounts ? sql`, (SELECT COUNT(*) FROM "Post" r WHERE r."parentId" = p."id") AS "replyCount"` : empty}
    FROM "Post" p LEFT JOIN "User" u ON u."id" = p."authorId"
    WHERE ${where}
    ORDER BY p."createdAt" ASC, p."id" ASC
    ${slice ? sql`LIMIT ${slice.take} OFFSET ${slice.skip}` : empty}`,
    { createdAt: "instant", editedAt: "instant", hiddenAt: "instant", replyCount: "number" },
  );
}

/** The open reports of these posts, oldest first: a moderator's page shows them. */
async function openReports(client: DbClient, postIds: string[]) {
  const byPost = new Map<string, string[]>();
  if (postIds.length === 0) return byPost;
  const { sql } = sqlBuilders();
  const rows = await readRows<{ postId: string; reason: string }>(
    client,
    sql`SELECT "postId", "reason" FROM "PostReport"
    WHERE "postId" IN (${sqlList(postIds)}) AND "resolvedAt" IS NULL
    ORDER BY "createdAt" ASC, "id" ASC`,
  );
  for (const r of rows) byPost.set(r.postId, [...(byPost.get(r.postId) ?? []), r.reason]);
  return byPost;
}

/** Top-level posts of a discussion, with how many replies each has. */
function topLevel(client: DbClient, discussionId: string, slice: { skip: number; take: number }) {
  const { sql } = sqlBuilders();
  return postRows(
    client,
    sql`p."discussionId" = ${discussionId} AND p."parentId" IS NULL`,
    slice,
    true,
  );
}

type TopRow = Awaited<ReturnType<typeof topLevel>>[number];

/** Posts before this one in the discussion's order: with a filter, those of its list before it. */
function earlierThan(post: { id: string; createdAt: Date }): Prisma.PostWhereInput {
  return {
    OR: [{ createdAt: { lt: post.createdAt } }, { createdAt: post.createdAt, id: { lt: post.id } }],
  };
}

/**
 * The first replies of each of these posts. Posts with a few replies have them read together;
 * a post with more (rare) has its first ones read on their own, so no post's replies are read
 * whole, however many they are.
 */
async function firstReplies(client: DbClient, discussionId: string, top: TopRow[]) {
  const { sql } = sqlBuilders();
  const few = top.filter((p) => p.replyCount > 0 && p.replyCount <= REPLIES_SHOWN);
  const many = top.filter((p) => p.replyCount > REPLIES_SHOWN);
  const read = await Promise.all([
    few.length > 0
      ? postRows(
          client,
          sql`p."discussionId" = ${discussionId} AND p."parentId" IN (${sqlList(few.map((p) => p.id))})`,
        )
      : [],
    ...many.map((p) =>
      postRows(client, sql`p."discussionId" = ${discussionId} AND p."parentId" = ${p.id}`, {
        skip: 0,
        take: REPLIES_SHOWN,
      }),
    ),
  ]);
  return read.flat();
}

/**
 * A discussion's opening post: its first top-level one (a page's description on every page,
 * the words of a thread raised to the platform).
 */
export function openingPost(client: DbClient, discussionId: string) {
  return client.post.findFirst({
    where: { discussionId, parentId: null },
    orderBy: POST_ORDER,
    select: { body: true, hiddenAt: true },
  });
}

/**
 * One page of top-level posts, their first replies, the counts and the opening post. The
 * first page is read one row past its size: when that row is not there (most discussions),
 * the whole discussion's top level is on it and counting needs no query of its own.
 */
async function readPage(client: DbClient, discussionId: string, requestedPage: number) {
  const size = DISCUSSION_PAGE_SIZE;
  if (requestedPage <= 1) {
    const rows = await topLevel(client, discussionId, { skip: 0, take: size + 1 });
    if (rows.length <= size) {
      const replyRows = await firstReplies(client, discussionId, rows);
      const count = rows.reduce((n, p) => n + 1 + p.replyCount, 0);
      const page = pageOf(1, rows.length, size);
      return { count, page, top: rows, replyRows, first: rows[0] ?? null, repliesOf: null };
    }
  }
  const [count, topLevelCount] = await Promise.all([
    client.post.count({ where: { discussionId } }),
    client.post.count({ where: { discussionId, parentId: null } }),
  ]);
  const page = pageOf(requestedPage, topLevelCount, size);
  const top = await topLevel(client, discussionId, page);
  const [replyRows, first] = await Promise.all([
    firstReplies(client, discussionId, top),
    page.page === 1 ? (top[0] ?? null) : openingPost(client, discussionId),
  ]);
  return { count, page, top, replyRows, first, repliesOf: null };
}

/**
 * One top-level post with a page of its replies, and the page of the discussion it is on (to
 * go back to). Not a top-level post of this discussion: 404.
 */
async function readReplies(
  client: DbClient,
  discussionId: string,
  place: { page: number; replies: string },
) {
  const { sql } = sqlBuilders();
  const [post] = await postRows(
    client,
    sql`p."id" = ${place.replies} AND p."discussionId" = ${discussionId} AND p."parentId" IS NULL`,
    undefined,
    true,
  );
  if (!post) notFound();
  const page = pageOf(place.page, post.replyCount, REPLY_PAGE_SIZE);
  const [replyRows, count, first, before] = await Promise.all([
    postRows(client, sql`p."discussionId" = ${discussionId} AND p."parentId" = ${post.id}`, page),
    client.post.count({ where: { discussionId } }),
    openingPost(client, discussionId),
    client.post.count({ where: { discussionId, parentId: null, ...earlierThan(post) } }),
  ]);
  const onPage = Math.floor(before / DISCUSSION_PAGE_SIZE) + 1;
  return { count, page, top: [post], replyRows, first, repliesOf: { postId: post.id, onPage } };
}

/**
 * The discussion as a reader sees it, a page at a time: top-level posts in order (a page of
 * them), each with its first replies — or, asked for, one post with a page of all its
 * replies — hidden words removed, and what this reader may do with each post. Moderators also
 * see the open reports. Markdown is rendered (bounded and sanitized) here, on the server. The
 * database counts and slices: a long discussion, or a post with many replies, is not loaded
 * whole.
 */
export async function readDiscussion(
  client: DbClient,
  host: DiscussionHost,
  reader: ReaderOfDiscussion,
  now = new Date(),
  place: DiscussionPlace = DISCUSSION_START,
) {
  const moderate = host.may.moderate;
  const { replies } = place;
  if (replies && !host.discussionId) notFound();
  const read = !host.discussionId
    ? {
        count: 0,
        page: pageOf(1, 0, DISCUSSION_PAGE_SIZE),
        top: [],
        replyRows: [],
        first: null,
        repliesOf: null,
      }
    : replies
      ? await readReplies(client, host.discussionId, { page: place.page, replies })
      : await readPage(client, host.discussionId, place.page);
  const { count, page, top, replyRows, first } = read;
  const reports = moderate
    ? await openReports(
        client,
        [...top, ...replyRows].map((p) => p.id),
      )
    : new Map<string, string[]>();
  const open = !host.closedReason;
  const view = (p: (typeof replyRows)[number]) => {
    const hidden = !!p.hiddenAt;
    const canEdit = open && canEditPost(p, reader.userId, now);
    return {
      id: p.id,
      // Null once the author erased their account: shown as a former member.
      author: p.author,
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
      reports: reports.get(p.id) ?? [],
    };
  };
  // Replies grouped once by their post (in order), not searched for post by post.
  const repliesOf = new Map<string, ReturnType<typeof view>[]>();
  for (const r of replyRows) {
    if (!r.parentId) continue;
    const list = repliesOf.get(r.parentId) ?? [];
    list.push(view(r));
    repliesOf.set(r.parentId, list);
  }
  const posts = top.map((p) => ({
    ...view(p),
    replies: repliesOf.get(p.id) ?? [],
    /** All its replies, shown here or not. */
    replyCount: p.replyCount,
  }));
  return {
    posts,
    /** The first post's words as typed (a page's description), null if hidden or none. */
    opening: first && !first.hiddenAt ? first.body : null,
    /** Every post of the discussion, replies included. */
    count,
    /** The page shown: of top-level posts, or of one post's replies. */
    page: page.page,
    pages: page.pages,
    /** When one post's replies are shown: that post, and its page of the discussion. */
    repliesOf: read.repliesOf,
    closedReason: host.closedReason,
    may: host.may,
  };
}

export type DiscussionView = Awaited<ReturnType<typeof readDiscussion>>;

/**
 * Where a post shows, so that whoever just wrote (or edited, hid, reported) it lands there:
 * a top-level post on its page of the discussion; a reply with its post's first replies
 * there, or else on its page of the post's replies.
 */
export async function placeOfPost(client: DbClient, postId: string): Promise<DiscussionPlace> {
  const post = await client.post.findUnique({
    where: { id: postId },
    select: {
      id: true,
      discussionId: true,
      createdAt: true,
      parent: { select: { id: true, discussionId: true, createdAt: true } },
    },
  });
  if (!post) return DISCUSSION_START;
  if (post.parent) {
    const earlier = await client.post.count({
      where: { parentId: post.parent.id, ...earlierThan(post) },
    });
    if (earlier >= REPLIES_SHOWN) {
      return { page: Math.floor(earlier / REPLY_PAGE_SIZE) + 1, replies: post.parent.id };
    }
  }
  const top = post.parent ?? post;
  const before = await client.post.count({
    where: { discussionId: top.discussionId, parentId: null, ...earlierThan(top) },
  });
  return { page: Math.floor(before / DISCUSSION_PAGE_SIZE) + 1, replies: null };
}
