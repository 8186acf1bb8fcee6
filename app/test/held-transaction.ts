import { db, type DbClient } from "~/db.server";

/**
 * A transaction that has written and is kept open until `commit`: for tests of what another
 * request does meanwhile (waits for it, then sees its writes), as two people acting at once
 * would. On SQLite the other request waits at the gate; on PostgreSQL, on the row locks the
 * domain takes.
 */
export async function heldTransaction(write: (tx: DbClient) => Promise<unknown>) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let written!: () => void;
  const done = new Promise<void>((resolve) => (written = resolve));
  const transaction = db.$transaction(async (tx) => {
    await write(tx);
    written();
    await released;
  });
  await Promise.race([done, transaction]);
  return {
    async commit() {
      release();
      await transaction;
    },
  };
}

/** Long enough for a request started meanwhile to reach its first lock, or to write past it. */
export const meanwhile = () => new Promise((resolve) => setTimeout(resolve, 300));
