import { isUniqueViolation, provider, type DbClient } from "~/db.server";

/**
 * The rows whose writers must take turns: a decision made from a count or a state (places
 * left on a course, whether a vote is still open, a request still pending) holds only if no
 * other transaction changes what was counted before this one commits.
 *
 * PostgreSQL runs transactions concurrently at READ COMMITTED, so the transaction locks the
 * parent row first (`FOR UPDATE`: one at a time; `FOR SHARE`: many readers, but no writer of
 * that row meanwhile). SQLite needs nothing: one writer at a time is all it allows, and
 * app/db.server.ts takes the write lock at BEGIN. A decision with no parent row (login attempts
 * of one e-mail) takes turns on a key instead: `serializeOn` in app/db.server.ts. See
 * docs/decisions/027-isolation.md.
 */
export type LockedTable =
  | "Vote"
  | "Course"
  | "Membership"
  | "Platform"
  | "Group"
  | "Meeting"
  | "TrainingSession"
  | "Thread";

export async function lockRow(
  tx: DbClient,
  table: LockedTable,
  id: string | { proposalId: string },
  mode: "update" | "share" = "update",
): Promise<void> {
  if (!isPostgres()) return;
  // The table and column names come from the closed lists here, never from input; a vote may
  // be named by its proposal (unique), as the proposal page knows it.
  const [column, value] = typeof id === "string" ? ["id", id] : ["proposalId", id.proposalId];
  await tx.$queryRawUnsafe(
    `SELECT 1 FROM "${table}" WHERE "${column}" = $1 FOR ${mode === "share" ? "SHARE" : "UPDATE"}`,
    value,
  );
}

function isPostgres(): boolean {
  return provider() === "postgresql";
}

/**
 * Runs `work` (a whole transaction) again once if it lost an insert race on a unique key: on
 * PostgreSQL a failed statement ends its transaction, so the retry must be a new one — which
 * then finds the winner's row.
 */
export async function retryOnUniqueViolation<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return work();
  }
}
