import type { Prisma } from "@prisma/client";
import { type DbClient, directReaderOf } from "./db.server";

/**
 * Reads of the busiest pages as one SQL statement each (decision 046).
 *
 * On SQLite, Prisma's client spends 50–150 µs of JavaScript around a statement that SQLite
 * answers in 3–30 µs: under the benchmark's load most of a platform page's time above the 404
 * page's. Here one SELECT runs on the same connection, through the same gate and after the
 * same turn of the event loop as Prisma's reads (app/db.server.ts), as a kept statement. On
 * PostgreSQL, and with a transaction's client, the same SQL goes through `$queryRaw`.
 *
 * The SQL must be portable (double-quoted names, no dialect's functions) and its values
 * built with `sqlBuilders()` of db.server. The two drivers give some columns back in different
 * forms, so the caller names the columns that need one form:
 * - "instant": SQLite gives text, PostgreSQL a Date: a Date either way;
 * - "boolean": SQLite gives 0/1: a boolean either way;
 * - "number": a COUNT is a bigint on PostgreSQL: a number either way.
 */
export type ColumnKind = "instant" | "boolean" | "number";

/** One SELECT, or a SELECT after named subqueries (WITH), with no writing verb anywhere. */
const ONE_SELECT = /^\s*(SELECT|WITH)\b/i;
const WRITING = /\b(INSERT|UPDATE|DELETE|REPLACE|UPSERT|MERGE)\b/i;
export type Kinds<Row> = { readonly [K in keyof Row]?: ColumnKind };

export async function readRows<Row>(
  client: DbClient,
  query: Prisma.Sql,
  kinds: Kinds<Row> = {},
): Promise<Row[]> {
  // Reads share SQLite's connection (the gate's "read"): a write, or a second statement,
  // must never come this way.
  // Prisma.Sql builds its text anew on each reading of `.sql`: read once.
  const text = query.sql;
  if (!ONE_SELECT.test(text) || WRITING.test(text) || text.includes(";"))
    throw new Error("readRows runs one SELECT");
  const direct = directReaderOf(client);
  const rows =
    (direct && (await direct(text, query.values))) ??
    (await client.$queryRaw<Record<string, unknown>[]>(query));
  const converted = Object.entries(kinds) as [string, ColumnKind][];
  if (converted.length === 0) return rows as Row[];
  for (const row of rows)
    for (const [column, kind] of converted) row[column] = asKind(row[column], kind);
  return rows as Row[];
}

/** The first row, or null. */
export async function readRow<Row>(
  client: DbClient,
  query: Prisma.Sql,
  kinds: Kinds<Row> = {},
): Promise<Row | null> {
  return (await readRows(client, query, kinds))[0] ?? null;
}

/** The number a `SELECT COUNT(*) AS "n" …` gives (0 when it gives no row). */
export async function readCount(client: DbClient, query: Prisma.Sql): Promise<number> {
  return (await readRow<{ n: number }>(client, query, { n: "number" }))?.n ?? 0;
}

function asKind(value: unknown, kind: ColumnKind): unknown {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case "instant":
      return value instanceof Date ? value : new Date(value as string | number);
    case "boolean":
      return typeof value === "boolean" ? value : Number(value) !== 0;
    case "number":
      return Number(value);
  }
}
