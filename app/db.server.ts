import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { Prisma, PrismaClient } from "@prisma/client";
import { databaseUrl } from "./db-url.server";

/**
 * The one database client of the process. SQLite specifics (WAL, foreign keys, busy
 * timeout) are set here and nowhere else, so moving to PostgreSQL touches this file and
 * the schema's provider only.
 *
 * Why the lock: the better-sqlite3 adapter has one connection, and while an interactive
 * transaction is open, a query from another request would run on that same connection —
 * inside the transaction, and lost if it rolls back. So every query outside a transaction
 * waits for the lock, and a transaction holds it from BEGIN to COMMIT. Queries inside a
 * transaction (known through AsyncLocalStorage) go straight through.
 */
class Lock {
  #tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(fn, fn);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}

const lock = new Lock();

/**
 * The adapter opens transactions with a deferred BEGIN: one that reads, then writes after
 * another process (a command-line tool, a second server) committed, fails with
 * SQLITE_BUSY_SNAPSHOT instead of waiting. A no-op write as the first statement takes the
 * write lock at the start (as BEGIN IMMEDIATE would), so the busy timeout applies.
 */
function writeFirst(work: (tx: unknown) => Promise<unknown>) {
  return async (tx: { $executeRawUnsafe(sql: string): Promise<number> }) => {
    await tx.$executeRawUnsafe('DELETE FROM "LoginAttempt" WHERE 0');
    return work(tx);
  };
}
const inTransaction = new AsyncLocalStorage<true>();

/**
 * Reading or writing through the shared client while a transaction runs is a bug even where
 * SQLite's single connection hides it: on PostgreSQL that query runs on another connection,
 * outside the transaction (it misses its writes, and is not rolled back with it). So it
 * throws, and every test that reaches such a path fails. Pass the transaction's client.
 */
export class GlobalClientInTransaction extends Error {
  constructor(what: string) {
    super(`db.${what} used inside a transaction: pass the transaction's client instead`);
  }
}
// What may be touched on the shared client inside a transaction: nothing that queries.
const SAFE_INSIDE = new Set(["then", "toJSON", "constructor", "$parent"]);

function createClient() {
  const adapter = new PrismaBetterSQLite3({ url: databaseUrl(), timeout: 5000 });
  const base = new PrismaClient({ adapter });
  const locked = base.$extends({
    query: {
      $allOperations({ args, query }) {
        return inTransaction.getStore() ? query(args) : lock.run(() => query(args));
      },
    },
  });
  type Client = typeof locked;
  const transaction = ((arg: unknown, options?: unknown) =>
    lock.run(() =>
      inTransaction.run(true, () =>
        (locked.$transaction as (a: unknown, o?: unknown) => Promise<unknown>)(
          typeof arg === "function" ? writeFirst(arg as (tx: unknown) => Promise<unknown>) : arg,
          options,
        ),
      ),
    )) as Client["$transaction"];
  return new Proxy(locked, {
    get(target, prop, receiver) {
      if (prop === "$transaction") return transaction;
      if (inTransaction.getStore() && typeof prop === "string" && !SAFE_INSIDE.has(prop))
        throw new GlobalClientInTransaction(prop);
      return Reflect.get(target, prop, receiver);
    },
  }) as Client;
}

type Db = ReturnType<typeof createClient>;

declare global {
  // Reused across dev rebuilds so connections are not leaked.
  var __mingaDb: Db | undefined;
}

export const db: Db = (globalThis.__mingaDb ??= createClient());

/** The client or a transaction's client: domain writes accept either. */
export type DbClient = Omit<Db, "$transaction" | "$connect" | "$disconnect" | "$on" | "$extends">;

let prepared: Promise<void> | undefined;

/** WAL lets readers work while a writer commits; foreign keys must be enforced. */
export function prepareDatabase(): Promise<void> {
  prepared ??= (async () => {
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
    await db.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  })();
  return prepared;
}

/** Prisma's unique-constraint error: two writes raced for the same unique value. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
