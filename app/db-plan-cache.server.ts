import { createRequire } from "node:module";

/**
 * Prisma 6.19's client compiles every query (its JSON form → a query plan) in WebAssembly on
 * the main thread, about 1 ms each, even a query it compiled a moment before: it keeps no
 * plans (Prisma 7 adds a cache). A page makes 5–17 queries and most of them recur word for
 * word (the session by its id, the platform by its slug, a membership, a platform's counts).
 * A plan is a pure function of the query's JSON — values included — and of the client's
 * schema, so the same JSON may reuse the same plan: each compiler keeps its last `LIMIT`
 * plans (decision 031). Values are part of the key, so nothing is shared between two
 * queries that differ in anything; what is kept is how to ask, never an answer.
 */
const LIMIT = 500;
/** A longer query (a long `IN` list) is compiled each time rather than kept. */
const MAX_KEY = 4_000;

/**
 * Only reads are kept: a write seldom recurs word for word (a ballot, a post, a mark is
 * written once), and kept it would only push out the reads that do recur. These are the
 * names the compiler sees (a `count` arrives as `aggregate`); the same reads, by the names a
 * client extension sees, are listed in app/db-gate.server.ts.
 */
const READS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "aggregate",
  "groupBy",
]);
const ACTION = /"action":"(\w+)"/g;
/**
 * Every action named in the query (one, or each of a batch's) is a read. A field called
 * "action" in a filter only makes a read look like a write: compiled each time, no harm.
 */
export function onlyReads(query: string): boolean {
  let any = false;
  for (const [, action] of query.matchAll(ACTION)) {
    if (!READS.has(action)) return false;
    any = true;
  }
  return any;
}

type Compiler = { compile(query: string): unknown; compileBatch(query: string): unknown };
type Runtime = { QueryCompiler: { prototype: Compiler } };

/** Over every compiler of the process: for the tests and the benchmark's report. */
const totals = { hits: 0, misses: 0 };
export function planCacheStats(): { hits: number; misses: number } {
  return { ...totals };
}

class PlanCache {
  readonly #plans = new Map<string, unknown>();
  /** Least recently used first out: a hit moves its plan to the end of the Map's order. */
  get(key: string): unknown {
    const plan = this.#plans.get(key);
    if (plan === undefined) return undefined;
    this.#plans.delete(key);
    this.#plans.set(key, plan);
    totals.hits++;
    return plan;
  }
  put(key: string, plan: unknown): unknown {
    totals.misses++;
    if (key.length > MAX_KEY || !onlyReads(key)) return plan;
    // Under test a plan is frozen: were Prisma's executor ever to change a plan while running
    // it, reusing the plan would be wrong, and every test would fail on the attempt.
    if (process.env.NODE_ENV === "test") deepFreeze(plan);
    this.#plans.set(key, plan);
    if (this.#plans.size > LIMIT) this.#plans.delete(this.#plans.keys().next().value!);
    return plan;
  }
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
}

const caches = new WeakMap<object, PlanCache>();
const installed = new WeakSet<object>();

function cacheOf(compiler: object): PlanCache {
  let cache = caches.get(compiler);
  if (!cache) caches.set(compiler, (cache = new PlanCache()));
  return cache;
}

/**
 * Wraps the compiler of a generated client (`.prisma/client`, `.prisma/postgresql-client`):
 * each generated client loads its own copy of the WebAssembly compiler's module. Each
 * compiler instance (one per PrismaClient) gets a cache of its own.
 */
export function cachePlansOf(generatedClient: string): void {
  const runtime = createRequire(import.meta.url)(
    `${generatedClient}/query_compiler_bg.js`,
  ) as Runtime;
  const proto = runtime.QueryCompiler.prototype;
  if (installed.has(proto)) return;
  installed.add(proto);
  for (const [method, tag] of [
    ["compile", "1"],
    ["compileBatch", "n"],
  ] as const) {
    const compile = proto[method];
    proto[method] = function (this: object, query: string) {
      const cache = cacheOf(this);
      const key = tag + query;
      return cache.get(key) ?? cache.put(key, compile.call(this, query));
    };
  }
}
