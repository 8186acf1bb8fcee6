import { notFound } from "~/auth/guards.server";
import type { AuthUser } from "~/auth/session.server";
import type { Group as GroupRow, Thread as ThreadRow } from "@prisma/client";
import { readRow } from "~/db-read.server";
import { type DbClient, sqlBuilders } from "~/db.server";
import type { DiscussionHost } from "~/discussions/discussions.server";
import { activeRole } from "~/platforms/permissions.server";
import {
  ANONYMOUS,
  canReadGroup,
  canSeeHiddenThread,
  isGroupMember,
  isGroupModerator,
  threadClosedReason,
  type GroupActor,
  type GroupRole,
} from "./rules";

/**
 * Reading groups and threads with their access rules applied in one place: every loader,
 * list, count and search goes through these, so a private group's forum never reaches a
 * non-member — and is a 404, the same as a group or thread that does not exist.
 */

type User = Pick<AuthUser, "id" | "isAdmin">;

export type Group = GroupRow;

/**
 * Every column of the group: read on every view of a forum, so without Prisma
 * (app/db-read.server.ts; app/db-read.test.ts compares it with Prisma's row).
 */
function findGroup(client: DbClient, platformId: string, groupId: string) {
  const { sql } = sqlBuilders();
  return readRow<GroupRow>(
    client,
    sql`SELECT "id", "platformId", "nameEs", "nameEn", "descriptionEs", "descriptionEn",
      "visibility", "joining", "createdById", "createdAt", "updatedAt"
    FROM "Group" WHERE "id" = ${groupId} AND "platformId" = ${platformId}`,
    { createdAt: "instant", updatedAt: "instant" },
  );
}

/** A group of this platform, or a 404 (never another platform's group). */
export async function getGroup(client: DbClient, platformId: string, groupId: string) {
  const group = await findGroup(client, platformId, groupId);
  if (!group) notFound();
  return group;
}

/** The facts the group rules need about one person. */
export async function groupActorOf(
  client: DbClient,
  user: User | null,
  group: { id: string; platformId: string },
): Promise<GroupActor> {
  if (!user) return ANONYMOUS;
  const [role, membership] = await Promise.all([
    activeRole(user.id, group.platformId, client),
    readRow<{ status: string; role: string }>(
      client,
      sqlBuilders().sql`SELECT "status", "role" FROM "GroupMembership"
        WHERE "groupId" = ${group.id} AND "userId" = ${user.id}`,
    ),
  ]);
  return {
    signedIn: true,
    isAdmin: user.isAdmin,
    platformMember: role !== null,
    platformCoordinator: user.isAdmin || role === "coordinator",
    status: membership?.status ?? null,
    role: (membership?.role as GroupRole | undefined) ?? null,
  };
}

/** A group the reader may read, with what they may do; a 404 otherwise. */
export async function requireReadableGroup(
  client: DbClient,
  user: User | null,
  platformId: string,
  groupId: string,
): Promise<{ group: Group; actor: GroupActor }> {
  const group = await getGroup(client, platformId, groupId);
  const actor = await groupActorOf(client, user, group);
  if (!canReadGroup(group, actor)) notFound();
  return { group, actor };
}

/** The group's name and description in the reader's language. */
export function groupText(
  group: { nameEs: string; nameEn: string; descriptionEs: string; descriptionEn: string },
  locale: string,
) {
  const en = locale === "en";
  return {
    name: (en ? group.nameEn : group.nameEs) || group.nameEs,
    description: (en ? group.descriptionEn : group.descriptionEs) || group.descriptionEs,
  };
}

export type Thread = ThreadRow;

/** Every column of the thread, as `findGroup` (on every view of a thread). */
function findThread(client: DbClient, groupId: string, threadId: string) {
  const { sql } = sqlBuilders();
  return readRow<ThreadRow>(
    client,
    sql`SELECT "id", "groupId", "authorId", "title", "searchText", "discussionId", "pinnedAt",
      "lockedAt", "hiddenAt", "hiddenReason", "hiddenById", "lastActivityAt", "proposalId",
      "createdAt"
    FROM "Thread" WHERE "id" = ${threadId} AND "groupId" = ${groupId}`,
    {
      pinnedAt: "instant",
      lockedAt: "instant",
      hiddenAt: "instant",
      lastActivityAt: "instant",
      createdAt: "instant",
    },
  );
}

/**
 * A thread of this group, or a 404. A hidden thread is still returned (its page says it was
 * hidden, and why); its words are for the moderators only (`canSeeHiddenThread`).
 */
export async function getThread(client: DbClient, groupId: string, threadId: string) {
  const thread = await findThread(client, groupId, threadId);
  if (!thread) notFound();
  return thread;
}

/**
 * A forum thread as the host of its discussion (app/discussions): members post, report and
 * reply while it is neither locked nor hidden; the group's moderators moderate. Each new
 * post moves the thread up the forum and counts as read by its author.
 */
export function threadDiscussionHost(
  thread: Pick<Thread, "id" | "discussionId" | "lockedAt" | "hiddenAt">,
  group: Pick<Group, "id" | "platformId">,
  actor: GroupActor,
): DiscussionHost {
  const member = isGroupMember(actor);
  return {
    hostType: "thread",
    hostId: thread.id,
    platformId: group.platformId,
    discussionId: thread.discussionId,
    async attach() {
      // A thread is created with its discussion; there is never one to attach later.
      throw new Error("A thread always has its discussion");
    },
    closedReason: threadClosedReason(thread),
    may: {
      // Members who may not post now (locked, hidden) get the reason, not a 403.
      post: member,
      report: member,
      moderate: isGroupModerator(actor),
    },
    async onPosted(tx, post) {
      await tx.thread.update({
        where: { id: thread.id },
        data: { lastActivityAt: post.createdAt },
      });
      // A new post always has its author (only erasure leaves one without).
      if (post.authorId) await markThreadRead(tx, thread.id, post.authorId, post.createdAt);
    },
  };
}

/** Whether the reader sees the thread's words (a hidden thread's are for moderators). */
export function mayReadThread(thread: Pick<Thread, "hiddenAt">, actor: GroupActor): boolean {
  return !thread.hiddenAt || canSeeHiddenThread(actor);
}

/** Records that a member has read the thread as of `at` (never moves backwards). */
export async function markThreadRead(
  client: DbClient,
  threadId: string,
  userId: string,
  at: Date,
): Promise<void> {
  const existing = await client.threadRead.findUnique({
    where: { threadId_userId: { threadId, userId } },
    select: { readAt: true },
  });
  if (existing && existing.readAt >= at) return;
  await client.threadRead.upsert({
    where: { threadId_userId: { threadId, userId } },
    create: { threadId, userId, readAt: at },
    update: { readAt: at },
  });
}
