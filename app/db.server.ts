import { AsyncLocalStorage } from "node:async_hooks";
import { createRequire } from "node:module";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { Database } from "better-sqlite3";
import { Prisma, PrismaClient } from "@prisma/client";
import { accessFor, Gate } from "./db-gate.server";
import { cachePlansOf } from "./db-plan-cache.server";
import { keepStatements, keptStatement } from "./db-statements.server";
import { postgresqlAdapter } from "./db-postgresql.server";
import { type DatabaseProvider, databaseProvider, databaseUrl } from "./db-url.server";

/**
 * The one database client of the process, for SQLite or PostgreSQL by `DATABASE_URL`'s
 * scheme. What differs between the two is here and nowhere else: SQLite's settings (WAL,
 * foreign keys, busy timeout) and gate; PostgreSQL's pool (DATABASE_POOL_SIZE).
 *
 * Why the gate (SQLite only): the better-sqlite3 adapter has one connection, and while an
 * interactive transaction is open, a query from another request would run on that same
 * connection — inside the transaction, and lost if it rolls back. So outside a transaction
 * every query passes the gate (app/db-gate.server.ts): reads together, a write or a
 * transaction alone, from BEGIN to COMMIT. Queries inside a transaction (known through
 * AsyncLocalStorage) go straight through.
 */

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

/**
 * The client as the app sees it: `$transaction` runs its callback inside `inTransaction` (the
 * client's own, so a tool with two databases may read one inside the other's transaction),
 * and anything else touched on the shared client meanwhile throws.
 */
function guarded<C extends object>(
  client: C,
  inTransaction: AsyncLocalStorage<true>,
  transaction: unknown,
): C {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === "$transaction") return transaction;
      if (inTransaction.getStore() && typeof prop === "string" && !SAFE_INSIDE.has(prop))
        throw new GlobalClientInTransaction(prop);
      return Reflect.get(target, prop, receiver);
    },
  });
}

/**
 * Prisma's other error formats make an `Error` on every query, only to point at the calling
 * line should the query fail: a stack trace taken and parsed each time, a sixth of a simple
 * query's time (decision 044). Errors keep their code (P2002…), message and stack.
 */
const ERROR_FORMAT = "minimal";

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function createSqliteClient(url: string) {
  cachePlansOf(".prisma/client");
  // One gate per connection: a tool with two databases may read one inside the other's
  // transaction.
  const gate = new Gate();
  const inTransaction = new AsyncLocalStorage<true>();
  const adapter = new PrismaBetterSQLite3({ url, timeout: 5000 });
  // The connection the adapter opens keeps its prepared statements (app/db-statements.server.ts).
  const connect = adapter.connect.bind(adapter);
  let database: Database | undefined;
  adapter.connect = async () => {
    const connection = await connect();
    database = (connection as unknown as { client: Database }).client;
    keepStatements(database);
    return connection;
  };
  const base = new PrismaClient({ adapter, errorFormat: ERROR_FORMAT });
  const locked = base.$extends({
    query: {
      $allOperations({ args, query, operation }) {
        if (inTransaction.getStore()) return query(args);
        // A turn of the event loop first (decision 034): SQLite answers synchronously, so
        // without it a request ran all its queries back to back while other requests'
        // sockets went unread, and under load some waited seconds to be read at all.
        return nextTurn().then(() => gate.run(accessFor(operation, args), () => query(args)));
      },
    },
  });
  type Client = typeof locked;
  const transaction = ((arg: unknown, options?: unknown) =>
    gate.run("exclusive", () =>
      inTransaction.run(true, () =>
        (locked.$transaction as (a: unknown, o?: unknown) => Promise<unknown>)(
          typeof arg === "function" ? writeFirst(arg as (tx: unknown) => Promise<unknown>) : arg,
          options,
        ),
      ),
    )) as Client["$transaction"];
  const client = guarded(locked, inTransaction, transaction) as Client;
  // Reads that skip Prisma (app/db-read.server.ts) take the same turn and gate as its reads.
  directReaders.set(client, (sql, values) => {
    if (inTransaction.getStore()) throw new GlobalClientInTransaction("read");
    const connection = database;
    if (!connection) return null;
    return nextTurn().then(() =>
      gate.run(
        "read",
        async () =>
          // The adapter reads integers as BigInt; the schema has no column past 2^53, and
          // Prisma gives them as numbers.
          keptStatement(connection, sql)
            .raw(false)
            .safeIntegers(false)
            .all(values.map(sqliteValue)) as Record<string, unknown>[],
      ),
    );
  });
  return client;
}

/**
 * A value as better-sqlite3 binds it, stored as the adapter stores it: an instant as ISO 8601
 * text with "+00:00" (so that comparing text compares instants), a boolean as 0 or 1.
 */
function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

type DirectReader = (
  sql: string,
  values: readonly unknown[],
) => Promise<Record<string, unknown>[]> | null;
const directReaders = new WeakMap<object, DirectReader>();

/**
 * The client's way to run one SELECT on SQLite's connection without Prisma's pipeline, or
 * null (PostgreSQL, a transaction's client, a connection not yet open): see
 * app/db-read.server.ts.
 */
export function directReaderOf(client: object): DirectReader | null {
  return directReaders.get(client) ?? null;
}

type Db = ReturnType<typeof createSqliteClient>;

/**
 * PostgreSQL's client is generated from its own schema (prisma/postgresql/schema.prisma) into
 * its own folder; its API is the SQLite client's, so the app keeps one type. Loaded only when
 * used. Its transactions are PostgreSQL's own on a connection of the pool: no lock.
 */
type ClientModule = { PrismaClient: typeof PrismaClient; Prisma: typeof Prisma };
let postgresqlModule: ClientModule | undefined;
function loadPostgresqlModule(): ClientModule {
  postgresqlModule ??= createRequire(import.meta.url)(".prisma/postgresql-client") as ClientModule;
  return postgresqlModule;
}

function createPostgresqlClient(url: string): Db {
  const { PrismaClient: PostgresqlClient } = loadPostgresqlModule();
  cachePlansOf(".prisma/postgresql-client");
  const client = new PostgresqlClient({
    adapter: postgresqlAdapter(url),
    errorFormat: ERROR_FORMAT,
    // A burst of requests waits for a free connection of the pool, as SQLite's wait for the
    // lock, rather than failing after Prisma's default 2 s; and a transaction slowed by such a
    // burst (600 ballots at once on two cores) is not cut off after Prisma's default 5 s.
    transactionOptions: { maxWait: 30_000, timeout: 20_000 },
  });
  const inTransaction = new AsyncLocalStorage<true>();
  const transaction = (arg: unknown, options?: unknown) =>
    inTransaction.run(true, () =>
      (client.$transaction as (a: unknown, o?: unknown) => Promise<unknown>).call(
        client,
        arg,
        options,
      ),
    );
  return guarded(client, inTransaction, transaction) as unknown as Db;
}

/** A client of its own for `url` (the process's one is `db`): for tools that use two databases. */
export function createClient(url = databaseUrl()): Db {
  return databaseProvider(url) === "postgresql"
    ? createPostgresqlClient(url)
    : createSqliteClient(url);
}

export type { Db };

declare global {
  // Reused across dev rebuilds so connections are not leaked.
  var __mingaDb: Db | undefined;
}

export const db: Db = (globalThis.__mingaDb ??= createClient());

/** The client or a transaction's client: domain writes accept either. */
export type DbClient = Omit<Db, "$transaction" | "$connect" | "$disconnect" | "$on" | "$extends">;

let prepared: Promise<void> | undefined;

/** SQLite: WAL lets readers work while a writer commits; foreign keys must be enforced. */
export function prepareDatabase(): Promise<void> {
  prepared ??= (async () => {
    if (provider() === "postgresql") return;
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
    await db.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  })();
  return prepared;
}

/** The database this process's client talks to. */
export function provider(): DatabaseProvider {
  return databaseProvider();
}

/**
 * The fields of a unique constraint two writes raced for (Prisma's P2002), or null for any
 * other error. Compared by code, not `instanceof`: each generated client may bring its own
 * error classes. SQLite's adapter names the fields in `meta.target`; PostgreSQL's under
 * `meta.driverAdapterError.cause.constraint.fields`.
 */
export function uniqueViolationFields(error: unknown): string[] | null {
  const e = error as { code?: unknown; meta?: Record<string, unknown> } | null;
  if (!e || typeof e !== "object" || e.code !== "P2002") return null;
  const target = e.meta?.target;
  if (Array.isArray(target)) return target.map(String);
  if (typeof target === "string") return [target];
  const cause = (e.meta?.driverAdapterError as { cause?: { constraint?: { fields?: unknown } } })
    ?.cause;
  const fields = cause?.constraint?.fields;
  return Array.isArray(fields) ? fields.map((f) => String(f).replace(/^"|"$/g, "")) : [];
}

/** Prisma's unique-constraint error (on `field`, when given): two writes raced for one value. */
export function isUniqueViolation(error: unknown, field?: string): boolean {
  const fields = uniqueViolationFields(error);
  return fields !== null && (field === undefined || fields.includes(field));
}

/**
 * "Contains, case aside" for text people type: SQLite's LIKE ignores (ASCII) case already,
 * PostgreSQL's needs ILIKE (`mode: "insensitive"`, which SQLite's client does not accept).
 */
export function containsText(word: string): Prisma.StringFilter {
  return (
    provider() === "postgresql" ? { contains: word, mode: "insensitive" } : { contains: word }
  ) as Prisma.StringFilter;
}

/**
 * Inside a transaction that checks and then writes (a limit, a count), keeps out any other
 * transaction taking the same keys until this one ends. SQLite runs one writing transaction at
 * a time already (the gate above); PostgreSQL's run side by side, so there a transaction-scoped
 * advisory lock per key is taken, in one order so that two transactions cannot deadlock.
 */
export async function serializeOn(tx: DbClient, ...keys: string[]): Promise<void> {
  if (provider() !== "postgresql") return;
  for (const key of [...new Set(keys)].sort())
    await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(hashtext($1))", key);
}

/**
 * Prisma's raw SQL builders (`sql`, `join`, `raw`, `empty`) of the client in use: each
 * generated client has its own copy of Prisma's runtime and sends another copy's SQL fragment
 * as a JSON value.
 */
export function sqlBuilders(): Pick<typeof Prisma, "sql" | "join" | "raw" | "empty"> {
  return provider() === "postgresql" ? loadPostgresqlModule().Prisma : Prisma;
}

/** `Prisma.join` of the client in use, for raw SQL's `IN (…)`. */
export function sqlList(values: readonly unknown[]): Prisma.Sql {
  return sqlBuilders().join(values);
}
