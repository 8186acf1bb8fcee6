import type { Prisma } from "@prisma/client";
import { recordAudit } from "~/audit/audit.server";
import { forbidden } from "~/auth/guards.server";
import { readRow, readRows } from "~/db-read.server";
import { type DbClient, sqlBuilders } from "~/db.server";
import { addPost } from "~/discussions/discussions.server";
import { ok, refuseForm, type Outcome } from "~/forms/outcome";
import { pageOf, type PageInfo } from "~/http/pagination";
import { searchable, searchWords } from "~/text/searchable";
import type { ThreadInput } from "./forum-schemas";
import { getThread, threadDiscussionHost, type Group } from "./groups.server";
import {
  canModerateGroup,
  canSeeHiddenThread,
  canStartThread,
  THREADS_PAGE_SIZE,
  type GroupActor,
} from "./rules";
import { unreadSql } from "./unread.server";
import type { AuditAction } from "~/audit/actions";

/**
 * A group's forum: its list of threads (pinned first, then newest activity, searchable),
 * starting a thread, and what moderators do to a thread. Every function takes the client
 * (the caller's transaction for writes) and the reader's GroupActor, already checked by
 * `requireReadableGroup`; the rules in ./rules.ts decide what each may do.
 * See docs/decisions/019-forums.md.
 */

interface Actor {
  id: string;
}

type GroupRef = Pick<Group, "id" | "platformId">;

/**
 * The threads a reader may list, as SQL over `t`: hidden ones only for moderators; with a
 * search, those where every word is in the title or in a visible post of the discussion.
 */
function threadsWhere(group: GroupRef, actor: GroupActor, q: string | null): Prisma.Sql | null {
  const { sql, join, empty } = sqlBuilders();
  const words = q?.trim() ? searchWords(q) : null;
  // A search of symbols only finds nothing rather than everything.
  if (words?.length === 0) return null;
  // Words are letters and digits only: no LIKE wildcard.
  const found = (w: string) => sql`(t."searchText" LIKE ${`%${w}%`} OR EXISTS (
    SELECT 1 FROM "Post" p WHERE p."discussionId" = t."discussionId"
      AND p."hiddenAt" IS NULL AND p."searchText" LIKE ${`%${w}%`}))`;
  return sql`t."groupId" = ${group.id}
    ${canSeeHiddenThread(actor) ? empty : sql`AND t."hiddenAt" IS NULL`}
    ${words ? sql`AND ${join(words.map(found), " AND ")}` : empty}`;
}

export interface ThreadRow {
  id: string;
  title: string;
  /** Null once the author's account was erased. */
  author: string | null;
  replies: number;
  lastActivityAt: Date;
  pinned: boolean;
  locked: boolean;
  hidden: boolean;
  unread: boolean;
}

/** One page of the forum as this reader sees it, with "new" marks for a member. */
export async function listThreads(
  client: DbClient,
  group: GroupRef,
  actor: GroupActor,
  userId: string | null,
  options: { q?: string | null; page?: number } = {},
): Promise<{ threads: ThreadRow[]; page: PageInfo }> {
  const where = threadsWhere(group, actor, options.q ?? null);
  if (!where) return { threads: [], page: pageOf(1, 0, THREADS_PAGE_SIZE) };
  const { sql } = sqlBuilders();
  // Pinned threads first, then the rest; each part by newest activity (the id keeps pages
  // stable). Two slices of one ordered list, each read on its index, so a page may hold the
  // end of one and the start of the other.
  const counted = await readRow<{ total: number; pinned: number | null }>(
    client,
    sql`SELECT COUNT(*) AS "total",
      SUM(CASE WHEN t."pinnedAt" IS NULL THEN 0 ELSE 1 END) AS "pinned"
    FROM "Thread" t WHERE ${where}`,
    { total: "number", pinned: "number" },
  );
  const total = counted?.total ?? 0;
  const pinnedTotal = counted?.pinned ?? 0;
  const page = pageOf(options.page ?? 1, total, THREADS_PAGE_SIZE);
  // "New" marks are a member's: anyone else's reads join nothing.
  const reader = userId && actor.status === "active" ? userId : null;
  const slice = (pinned: boolean, skip: number, take: number) =>
    take > 0
      ? readRows<ThreadRow & { posts: number; unread: number | boolean }>(
          client,
          sql`SELECT t."id", t."title", u."name" AS "author", t."lastActivityAt",
            t."pinnedAt" IS NOT NULL AS "pinned", t."lockedAt" IS NOT NULL AS "locked",
            t."hiddenAt" IS NOT NULL AS "hidden",
            (SELECT COUNT(*) FROM "Post" p WHERE p."discussionId" = t."discussionId") AS "posts",
            CASE WHEN ${unreadSql()} THEN 1 ELSE 0 END AS "unread"
          FROM "Thread" t
          LEFT JOIN "User" u ON u."id" = t."authorId"
          LEFT JOIN "ThreadRead" r ON r."threadId" = t."id" AND r."userId" = ${reader}
          WHERE ${where} AND t."pinnedAt" ${pinned ? sql`IS NOT NULL` : sql`IS NULL`}
          ORDER BY t."lastActivityAt" DESC, t."id" DESC
          LIMIT ${take} OFFSET ${skip}`,
          {
            lastActivityAt: "instant",
            pinned: "boolean",
            locked: "boolean",
            hidden: "boolean",
            posts: "number",
            unread: "boolean",
          },
        )
      : Promise.resolve([]);
  const pinnedTake = Math.max(0, Math.min(page.take, pinnedTotal - page.skip));
  const rows = [
    ...(await slice(true, page.skip, pinnedTake)),
    ...(await slice(false, Math.max(0, page.skip - pinnedTotal), page.take - pinnedTake)),
  ];
  return {
    page,
    threads: rows.map(({ posts, ...t }) => ({
      ...t,
      // The first post is the thread's body, not a reply.
      replies: Math.max(0, posts - 1),
      unread: reader !== null && !!t.unread,
    })),
  };
}

/**
 * Starts a thread: its discussion, the thread and its opening post, together. Members only
 * (a forged form from anyone else is a 403 and writes nothing).
 */
export async function createThread(
  tx: DbClient,
  group: GroupRef,
  actor: GroupActor,
  author: Actor,
  input: ThreadInput,
  now = new Date(),
): Promise<Outcome<{ threadId: string }>> {
  if (!canStartThread(actor)) forbidden();
  const discussion = await tx.discussion.create({
    data: { hostType: "thread", platformId: group.platformId },
  });
  const thread = await tx.thread.create({
    data: {
      groupId: group.id,
      authorId: author.id,
      title: input.title,
      searchText: searchable(input.title),
      discussionId: discussion.id,
      // Set here, not by the database default, so it never precedes the opening post.
      lastActivityAt: now,
      createdAt: now,
    },
  });
  const posted = await addPost(tx, threadDiscussionHost(thread, group, actor), author, {
    body: input.body,
  });
  // A new thread is neither locked nor hidden: a refusal here is a bug, not bad input.
  if (!posted.ok) throw new Error("The opening post of a new thread was refused");
  return ok({ threadId: thread.id });
}

export type ThreadFlag = "pin" | "unpin" | "lock" | "unlock";

const FLAGS: Record<
  ThreadFlag,
  { field: "pinnedAt" | "lockedAt"; set: boolean; action: AuditAction; already: string }
> = {
  pin: { field: "pinnedAt", set: true, action: "thread.pinned", already: "alreadyPinned" },
  unpin: { field: "pinnedAt", set: false, action: "thread.unpinned", already: "notPinned" },
  lock: { field: "lockedAt", set: true, action: "thread.locked", already: "alreadyLocked" },
  unlock: { field: "lockedAt", set: false, action: "thread.unlocked", already: "notLocked" },
};

/** A moderator pins, unpins, locks or unlocks a thread of their group. Audited. */
export async function setThreadFlag(
  tx: DbClient,
  group: GroupRef,
  actor: GroupActor,
  moderator: Actor,
  threadId: string,
  flag: ThreadFlag,
  now = new Date(),
): Promise<Outcome<null>> {
  if (!canModerateGroup(actor)) forbidden();
  const thread = await getThread(tx, group.id, threadId);
  const rule = FLAGS[flag];
  if (!!thread[rule.field] === rule.set) return refuseForm(`forums:errors.${rule.already}`);
  await tx.thread.update({
    where: { id: thread.id },
    data: { [rule.field]: rule.set ? now : null },
  });
  await recordAudit(tx, {
    actorId: moderator.id,
    action: rule.action,
    entityType: "Thread",
    entityId: thread.id,
    platformId: group.platformId,
    details: { groupId: group.id },
  });
  return ok(null);
}

/**
 * A moderator hides a whole thread with a reason: it leaves the forum's list and search,
 * nobody may post in it, and its page shows only the reason to non-moderators. Audited
 * with ids and the reason, never the thread's words.
 */
export async function hideThread(
  tx: DbClient,
  group: GroupRef,
  actor: GroupActor,
  moderator: Actor,
  threadId: string,
  reason: string,
  now = new Date(),
): Promise<Outcome<null>> {
  if (!canModerateGroup(actor)) forbidden();
  const thread = await getThread(tx, group.id, threadId);
  if (thread.hiddenAt) return refuseForm("forums:errors.alreadyHidden");
  await tx.thread.update({
    where: { id: thread.id },
    data: { hiddenAt: now, hiddenReason: reason, hiddenById: moderator.id },
  });
  await recordAudit(tx, {
    actorId: moderator.id,
    action: "thread.hidden",
    entityType: "Thread",
    entityId: thread.id,
    platformId: group.platformId,
    details: { groupId: group.id, authorId: thread.authorId, reason },
  });
  return ok(null);
}

/** Open reports of posts in the group's threads: the moderators' queue. */
function openReportsWhere(groupId: string): Prisma.PostReportWhereInput {
  return { resolvedAt: null, post: { discussion: { thread: { groupId } } } };
}

export async function openReportCount(client: DbClient, groupId: string): Promise<number> {
  return client.postReport.count({ where: openReportsWhere(groupId) });
}

/** Reported posts the moderators' queue shows a page. */
export const REPORT_QUEUE_PAGE_SIZE = 20;

/**
 * The queue, one entry per reported post (the post reported longest ago first), with its
 * thread, a page at a time: a wave of spam does not put every report on one page.
 */
export async function reportQueue(
  client: DbClient,
  group: GroupRef,
  actor: GroupActor,
  requestedPage = 1,
) {
  if (!canModerateGroup(actor)) forbidden();
  const where = openReportsWhere(group.id);
  const total = await client.post.count({
    where: {
      reports: { some: { resolvedAt: null } },
      discussion: { thread: { groupId: group.id } },
    },
  });
  const page = pageOf(requestedPage, total, REPORT_QUEUE_PAGE_SIZE);
  const posts = await client.postReport.groupBy({
    by: ["postId"],
    where,
    orderBy: [{ _min: { createdAt: "asc" } }, { postId: "asc" }],
    skip: page.skip,
    take: page.take,
  });
  const reports = await client.postReport.findMany({
    where: { ...where, postId: { in: posts.map((p) => p.postId) } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: {
      post: {
        select: {
          id: true,
          body: true,
          createdAt: true,
          hiddenAt: true,
          author: { select: { name: true } },
          discussion: { select: { thread: { select: { id: true, title: true } } } },
        },
      },
    },
  });
  const byPost = new Map<
    string,
    {
      postId: string;
      threadId: string;
      threadTitle: string;
      author: string | null;
      body: string;
      postedAt: Date;
      reasons: string[];
    }
  >();
  for (const r of reports) {
    const thread = r.post.discussion.thread;
    if (!thread) continue;
    const entry = byPost.get(r.postId) ?? {
      postId: r.post.id,
      threadId: thread.id,
      threadTitle: thread.title,
      author: r.post.author?.name ?? null,
      body: r.post.body,
      postedAt: r.post.createdAt,
      reasons: [],
    };
    entry.reasons.push(r.reason);
    byPost.set(r.postId, entry);
  }
  const entries = posts.flatMap((p) => byPost.get(p.postId) ?? []);
  return { entries, page: page.page, pages: page.pages, total };
}
