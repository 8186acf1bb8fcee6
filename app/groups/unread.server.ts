import { readRows } from "~/db-read.server";
import { type DbClient, sqlBuilders, sqlList } from "~/db.server";

/**
 * What is new to a member: a thread is unread when it has had activity since they last read
 * it (or they never have). Hidden threads never count. Counted by the database, one query
 * for any number of groups.
 */
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
      AND (r."readAt" IS NULL OR r."readAt" < t."lastActivityAt")
    GROUP BY t."groupId"`,
    { unread: "number" },
  );
  return new Map(rows.map((r) => [r.groupId, r.unread]));
}

/** Which of these threads (a page of the forum) have something new for the member. */
export async function unreadThreadIds(
  client: DbClient,
  userId: string,
  threads: { id: string; lastActivityAt: Date }[],
): Promise<Set<string>> {
  if (threads.length === 0) return new Set();
  const reads = await client.threadRead.findMany({
    where: { userId, threadId: { in: threads.map((t) => t.id) } },
    select: { threadId: true, readAt: true },
  });
  const readAt = new Map(reads.map((r) => [r.threadId, r.readAt]));
  return new Set(
    threads
      .filter((t) => {
        const at = readAt.get(t.id);
        return !at || at < t.lastActivityAt;
      })
      .map((t) => t.id),
  );
}
