import type { Prisma } from "@prisma/client";
import type { DbClient } from "~/db.server";
import { pageOf } from "~/http/pagination";
import { renderMarkdown } from "~/markdown/markdown.server";
import type { DiscussionHost } from "./discussions.server";
import { canEditPost, canReplyTo, canReportPost } from "./rules";

/**
 * The read side of the discussion module, for every host: a page of a discussion as a
 * reader sees it, and where a post shows. Writes are in discussions.server.ts.
 */

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
