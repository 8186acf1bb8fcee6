import type { Database, Statement } from "better-sqlite3";

/**
 * The better-sqlite3 adapter prepares every query's SQL anew (SQLite parses and plans it each
 * time: 0.1–0.9 ms; ~25 times per view of the attendance form) and binds the values to that
 * new statement for good. Here the connection keeps its last `LIMIT` statements by their SQL
 * text, and what `prepare` returns hands each use's values to the kept statement at run time
 * instead of binding them to it. SQLite re-prepares a kept statement by itself if the schema
 * changes (its columns are read after it runs, so they are the new ones).
 *
 * Only what the adapter uses is offered (`reader`, `bind(values)` then `columns()`,
 * `raw().all()` or `run()`; `run()` alone for BEGIN/COMMIT/ROLLBACK). The connection is the
 * adapter's alone, and better-sqlite3 runs a statement to its end synchronously, so a kept
 * statement is never in use twice at once.
 */
const LIMIT = 300;
/** SQL longer than this (an `IN` list of hundreds of ids) is prepared each time, not kept. */
const MAX_SQL = 20_000;

type Values = unknown[];
export type ReusableStatement = {
  readonly reader: boolean;
  run(...values: unknown[]): unknown;
  bind(values: Values): {
    readonly reader: boolean;
    columns(): ReturnType<Statement["columns"]>;
    raw(): { all(): unknown[] };
    run(): unknown;
  };
};

/**
 * A statement's columns are read once when its SQL names them all: Prisma's queries and ours
 * do, and their names and declared types only change with the schema, which a running
 * portal's client is generated for. `SELECT *` (some raw queries, tests after a migration)
 * is asked each time. (Describing the columns made an object per column on every query.)
 */
const describedOnce = new WeakMap<Statement, ReturnType<Statement["columns"]> | "varies">();
const namesAllColumns = (sql: string) => !sql.replace(/count\(\*\)/gi, "").includes("*");

function columnsOf(statement: Statement): ReturnType<Statement["columns"]> {
  const described = describedOnce.get(statement);
  if (described && described !== "varies") return described;
  const columns = statement.columns();
  if (!described)
    describedOnce.set(statement, namesAllColumns(statement.source) ? columns : "varies");
  return columns;
}

function reusable(statement: Statement): ReusableStatement {
  return {
    get reader() {
      return statement.reader;
    },
    run: (...values) => statement.run(...values),
    bind: (values) => {
      let rows: unknown[] | undefined;
      const all = () => (rows ??= statement.raw(true).all(values) as unknown[]);
      return {
        reader: statement.reader,
        // Read after running: a kept statement describes the columns it had when it last ran
        // until it runs again (after a schema change, `SELECT *` gains or loses some).
        columns: () => (all(), columnsOf(statement)),
        raw: () => ({ all }),
        run: () => statement.run(values),
      };
    },
  };
}

const stats = { prepared: 0, reused: 0 };
/** Over every connection of the process: for the tests. */
export function statementStats(): { prepared: number; reused: number } {
  return { ...stats };
}

const keptBy = new WeakMap<Database, (sql: string) => Statement>();

/** Makes the connection keep its prepared statements (see above). */
export function keepStatements(database: Database): void {
  const prepare = database.prepare.bind(database);
  const kept = new Map<string, Statement>();
  const keptStatement = (sql: string): Statement => {
    let statement = kept.get(sql);
    if (statement) {
      stats.reused++;
      // Least recently used first out: a use moves the statement to the end of the order.
      kept.delete(sql);
    } else {
      stats.prepared++;
      statement = prepare(sql);
      if (sql.length > MAX_SQL) return statement;
      if (kept.size >= LIMIT) kept.delete(kept.keys().next().value!);
    }
    kept.set(sql, statement);
    return statement;
  };
  keptBy.set(database, keptStatement);
  database.prepare = ((sql: string) =>
    reusable(keptStatement(sql))) as unknown as Database["prepare"];
}

/**
 * The connection's kept statement for `sql` (prepared now if it is not kept), for the reads
 * that skip Prisma (app/db-read.server.ts). Run it with its values at once: the same statement
 * may be handed out again.
 */
export function keptStatement(database: Database, sql: string): Statement {
  const kept = keptBy.get(database);
  if (!kept) throw new Error("keepStatements was not called on this connection");
  return kept(sql);
}
