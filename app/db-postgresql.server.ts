import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { parse } from "pg-connection-string";

/**
 * The portal's PostgreSQL adapter: a pool of `DATABASE_POOL_SIZE` connections (10 by default).
 * Transactions are the database's own, so no process-wide lock is needed (unlike SQLite's).
 */
export function postgresqlAdapter(url: string, poolSize = poolSizeFromEnv()) {
  return new PrismaPg({
    connectionString: url,
    max: poolSize,
    Client: PreparingClient,
    // Prepared statements keep being planned for their values (see PreparingClient).
    options: "-c plan_cache_mode=force_custom_plan",
  });
}

/** Distinct statements a connection keeps prepared; past them, statements are sent unnamed. */
export const PREPARED_PER_CONNECTION = 300;
/** A longer statement (a long list of values) seldom recurs word for word: sent unnamed. */
export const PREPARED_MAX_LENGTH = 4_000;

/**
 * The name a statement is prepared under on a connection: from its text, so the same text
 * always has the same name and two texts never share one.
 */
export function statementName(text: string): string {
  return `minga_${createHash("sha1").update(text).digest("base64url")}`;
}

/**
 * A pool connection that prepares the statements it runs (decision 042). The adapter sends
 * each query unnamed, so PostgreSQL parsed and planned it again every time — the same few
 * dozen statements on every page view and ballot. Named, a connection parses each once and
 * then only binds and executes it. A connection keeps at most PREPARED_PER_CONNECTION of
 * them (PostgreSQL holds each in that connection's memory until it closes). Each execution
 * is still planned for its own values (plan_cache_mode): after five runs PostgreSQL may
 * otherwise switch to one plan for any values, and for the attendance roster's (a list of
 * ids, a date range) that plan made the form a third slower.
 */
class PreparingClient extends pg.Client {
  prepared = new Set<string>();
}
const clientQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
PreparingClient.prototype.query = function (this: PreparingClient, ...args: unknown[]) {
  const config = args[0] as { text?: unknown; name?: unknown } | null;
  if (
    config &&
    typeof config === "object" &&
    typeof config.text === "string" &&
    config.name === undefined &&
    config.text.length <= PREPARED_MAX_LENGTH
  ) {
    const name = statementName(config.text);
    if (this.prepared.has(name) || this.prepared.size < PREPARED_PER_CONNECTION) {
      this.prepared.add(name);
      args[0] = { ...config, name };
    }
  }
  return clientQuery.apply(this, args);
} as pg.Client["query"];

export function poolSizeFromEnv(value = process.env.DATABASE_POOL_SIZE): number {
  if (value === undefined || value === "") return 10;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`DATABASE_POOL_SIZE must be a whole number of at least 1, not "${value}".`);
  return size;
}

// PostgreSQL's catalog types `name` (oid 19) and `"char"` (18), which migrate reads, are not
// types the adapter knows ("Column type 'name' could not be deserialized", prisma/orm#27403);
// their values are plain strings, so they are reported as text (25).
const CATALOG_TEXT = new Set([18, 19]);
type Fields = { fields?: { dataTypeID: number }[] };
function relabel<T>(result: T): T {
  for (const f of (result as Fields)?.fields ?? [])
    if (CATALOG_TEXT.has(f.dataTypeID)) f.dataTypeID = 25;
  return result;
}
class CatalogAsTextClient extends pg.Client {}
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
CatalogAsTextClient.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  // The pool passes a callback; a caller of the client itself may await a promise instead.
  const last = args.at(-1);
  if (typeof last === "function")
    args[args.length - 1] = (err: unknown, result: unknown) => last(err, relabel(result));
  const out = query.apply(this, args);
  return out instanceof Promise ? out.then(relabel) : out;
} as pg.Client["query"];

/**
 * The adapter for Prisma's command line (prisma.config.ts: migrate deploy, status, diff).
 * Separate connection fields, not a URL or a Pool, so that the pool uses the client above; a
 * short idle timeout lets each command exit as soon as it is done instead of ~10 s later.
 */
export function postgresqlCliAdapter(url: string) {
  const c = parse(url);
  return new PrismaPg({
    host: c.host ?? undefined,
    port: c.port ? Number(c.port) : undefined,
    user: c.user,
    password: c.password,
    database: c.database ?? undefined,
    ssl: c.ssl ? (c.ssl as pg.ClientConfig["ssl"]) : undefined,
    Client: CatalogAsTextClient,
    idleTimeoutMillis: 100,
    allowExitOnIdle: true,
  });
}
