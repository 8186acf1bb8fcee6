import type { AuthUser } from "~/auth/session.server";
import { readRows } from "~/db-read.server";
import { type DbClient, sqlBuilders } from "~/db.server";
import { pageOf } from "~/http/pagination";
import { activeRole } from "~/platforms/permissions.server";
import type { PlatformRole } from "~/platforms/choices";
import { activeMembersPerGroup, visibleThreadsPerGroup } from "./counts.server";
import { groupText } from "./groups.server";
import {
  canSeeGroupCounts,
  isGroupMember,
  membershipMode,
  type GroupActor,
  type GroupRole,
} from "./rules";
import { unreadThreadCounts } from "./unread.server";

/**
 * The groups of a platform as a reader sees them. Counts are made by the database, one query
 * per kind for the whole page (never one per group), and only for the groups whose counts the
 * reader may see: a private group's numbers are its members' only — others get its name, its
 * description and "private group", and no number at all (not even a zero).
 */

type User = Pick<AuthUser, "id" | "isAdmin">;

export const GROUPS_PAGE_SIZE = 20;

export type GroupListItem = Awaited<ReturnType<typeof cardsOf>>[number];

export async function listGroups(
  client: DbClient,
  user: User | null,
  platformId: string,
  locale: string,
  options: {
    page?: number;
    take?: number;
    /** The reader's active role on the platform, when the caller has read it already. */
    role?: PlatformRole | null;
  } = {},
) {
  const total = await client.group.count({ where: { platformId } });
  const info = pageOf(options.page ?? 1, total, options.take ?? GROUPS_PAGE_SIZE);
  const groups = await readGroups(client, user, platformId, info);
  return { ...info, groups: await cardsOf(client, user, platformId, locale, groups, options.role) };
}

/**
 * The platform's first `take` groups as a reader sees them, and whether it has more (the
 * platform page): read one past them instead of counting them all.
 */
export async function firstGroups(
  client: DbClient,
  user: User | null,
  platformId: string,
  locale: string,
  take: number,
  role?: PlatformRole | null,
) {
  const groups = await readGroups(client, user, platformId, { skip: 0, take: take + 1 });
  const shown = groups.slice(0, take);
  return {
    groups: await cardsOf(client, user, platformId, locale, shown, role),
    more: groups.length > take,
  };
}

type GroupRow = {
  id: string;
  nameEs: string;
  nameEn: string;
  descriptionEs: string;
  descriptionEn: string;
  visibility: string;
  joining: string;
  /** The reader's membership of the group, if any. */
  myStatus: string | null;
  myRole: string | null;
};

/** A slice of the platform's groups, oldest first, each with the reader's membership. */
function readGroups(
  client: DbClient,
  user: User | null,
  platformId: string,
  slice: { skip: number; take: number },
) {
  const { sql } = sqlBuilders();
  return readRows<GroupRow>(
    client,
    sql`SELECT g."id", g."nameEs", g."nameEn", g."descriptionEs", g."descriptionEn",
      g."visibility", g."joining", gm."status" AS "myStatus", gm."role" AS "myRole"
    FROM "Group" g
    LEFT JOIN "GroupMembership" gm ON gm."groupId" = g."id" AND gm."userId" = ${user?.id ?? null}
    WHERE g."platformId" = ${platformId}
    ORDER BY g."createdAt" ASC, g."id" ASC
    LIMIT ${slice.take} OFFSET ${slice.skip}`,
  );
}

/** The groups with what this reader may see of each: counts, unread threads, their status. */
async function cardsOf(
  client: DbClient,
  user: User | null,
  platformId: string,
  locale: string,
  groups: GroupRow[],
  knownRole?: PlatformRole | null,
) {
  const role = !user
    ? null
    : knownRole !== undefined
      ? knownRole
      : await activeRole(user.id, platformId, client);
  const actorFor = (g: GroupRow): GroupActor => ({
    signedIn: !!user,
    isAdmin: !!user?.isAdmin,
    platformMember: role !== null,
    platformCoordinator: !!user && (user.isAdmin || role === "coordinator"),
    status: g.myStatus,
    role: (g.myRole as GroupRole | null) ?? null,
  });
  const actors = new Map(groups.map((g) => [g.id, actorFor(g)]));
  const countable = groups.filter((g) => canSeeGroupCounts(g, actors.get(g.id)!)).map((g) => g.id);
  const memberOf = groups.filter((g) => isGroupMember(actors.get(g.id)!)).map((g) => g.id);

  const [members, threads, unread] = await Promise.all([
    activeMembersPerGroup(client, platformId, countable),
    visibleThreadsPerGroup(client, countable),
    user && memberOf.length ? unreadThreadCounts(client, user.id, memberOf) : new Map(),
  ]);

  return groups.map((g) => {
    const actor = actors.get(g.id)!;
    const counted = countable.includes(g.id);
    const member = isGroupMember(actor);
    return {
      id: g.id,
      ...groupText(g, locale),
      visibility: g.visibility,
      joining: g.joining,
      memberCount: counted ? (members.get(g.id) ?? 0) : null,
      threadCount: counted ? (threads.get(g.id) ?? 0) : null,
      unreadCount: member ? ((unread.get(g.id) as number | undefined) ?? 0) : null,
      myStatus: member
        ? actor.role === "moderator"
          ? ("moderator" as const)
          : ("member" as const)
        : actor.status === "pending" && actor.platformMember
          ? ("pending" as const)
          : null,
      mode: membershipMode(g, actor),
    };
  });
}
