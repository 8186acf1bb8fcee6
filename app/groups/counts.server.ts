import { readRows } from "~/db-read.server";
import { type DbClient, sqlBuilders, sqlList } from "~/db.server";

/**
 * The numbers a group list shows, one statement per kind for the whole page.
 *
 * Raw SQL because Prisma's `groupBy` with the relation filter "still a member of the platform"
 * joined User for each of the groups' members before probing Membership (2.1 ms for five
 * groups of 200 on the benchmark's platform, against 0.7 ms joining Membership directly), and
 * spends time per listed id preparing the query.
 */

/** Active members of each group who are still active members of its platform (the rule of
 * `activeMembersWhere` in membership.server.ts, as one statement for many groups). */
export async function activeMembersPerGroup(
  client: DbClient,
  platformId: string,
  groupIds: readonly string[],
): Promise<Map<string, number>> {
  if (groupIds.length === 0) return new Map();
  const { sql } = sqlBuilders();
  const rows = await readRows<{ groupId: string; n: number }>(
    client,
    sql`SELECT gm."groupId", COUNT(*) AS "n"
    FROM "GroupMembership" gm
    JOIN "Membership" m
      ON m."userId" = gm."userId" AND m."platformId" = ${platformId} AND m."status" = 'active'
    WHERE gm."groupId" IN (${sqlList(groupIds)}) AND gm."status" = 'active'
    GROUP BY gm."groupId"`,
    { n: "number" },
  );
  return new Map(rows.map((r) => [r.groupId, r.n]));
}

/** Threads of each group that a moderator has not hidden. */
export async function visibleThreadsPerGroup(
  client: DbClient,
  groupIds: readonly string[],
): Promise<Map<string, number>> {
  if (groupIds.length === 0) return new Map();
  const { sql } = sqlBuilders();
  const rows = await readRows<{ groupId: string; n: number }>(
    client,
    sql`SELECT "groupId", COUNT(*) AS "n" FROM "Thread"
    WHERE "groupId" IN (${sqlList(groupIds)}) AND "hiddenAt" IS NULL
    GROUP BY "groupId"`,
    { n: "number" },
  );
  return new Map(rows.map((r) => [r.groupId, r.n]));
}
