import type { Prisma } from "@prisma/client";
import { readRows } from "~/db-read.server";
import { type DbClient, sqlBuilders, sqlList } from "~/db.server";

/**
 * What is new to a member: a thread is unread when it has had activity since they last read
 * it (or they never have). Hidden threads never count. Counted by the database, one query
 * for any number of groups.
 */
/**
 * The rule, as SQL over a thread `t` and the member's mark `r` (left-joined): its activity is
 * newer than their last read, or they never read it. Counts and the forum's "new" marks use it.
 */
export function unreadSql(): Prisma.Sql {
  return sqlBuilders().sql`(r."readAt" IS NULL OR r."readAt" < t."lastActivityAt")`;
}

export async function unreadThreadCounts(
  client: DbClient,
  userId: string,
  groupIds: string[],
): Promise<Map<string, number>> {
  if (groupIds.length === 0) return new Map();
  const { sql } = sqlBuilders();
  const rows = await readRows<{ groupId: string; unread: number }>(
    client,
    sql`SELECT t."groupId" AS "groupId", COUNT(*) AS "unread"
    FROM "Thread" t
    LEFT JOIN "ThreadRead" r ON r."threadId" = t."id" AND r."userId" = ${userId}
    WHERE t."groupId" IN (${sqlList(groupIds)})
      AND t."hiddenAt" IS NULL
      AND ${unreadSql()}
    GROUP BY t."groupId"`,
    { unread: "number" },
  );
  return new Map(rows.map((r) => [r.groupId, r.unread]));
}
