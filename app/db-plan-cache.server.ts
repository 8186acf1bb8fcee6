import { createRequire } from "node:module";
import { tidyTemplates } from "./db-plan-templates.server";

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
/**
 * A plan weighs about 16 bytes of memory per character of its query (a list of 600 ids: a
 * 10,000-character query, a 156 KB plan). Long queries are kept too — the attendance
 * roster's lists of the expected people recur on every view of that meeting's roster and
 * took ~10 ms each to compile — but the kept queries' lengths may not pass `CHARACTERS`
 * (about 6 MB of plans), and a longer query than `MAX_KEY` is compiled each time.
 */
export const CHARACTERS = 400_000;
export const MAX_KEY = 40_000;

/**
 * Only reads are kept (raw SQL too when it is one SELECT): a write seldom recurs word for word
 * (a ballot, a post, a mark is written once), and kept it would only push out the reads that
 * do recur. These are the
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
 * Raw SQL that is one SELECT (the post and unread counts: app/db-gate.server.ts reads raw SQL
 * the same way). Its JSON names the action, then the SQL text as a JSON string.
 */
const RAW_SELECT =
  /"action":"queryRaw","query":\{"arguments":\{"query":"(?:\s|\\[nt])*SELECT\b(?:[^"\\;]|\\.)*"/i;
/**
 * Every action named in the query (one, or each of a batch's) is a read. A field called
 * "action" in a filter only makes a read look like a write: compiled each time, no harm.
 */
export function onlyReads(query: string): boolean {
  let any = false;
  for (const [, action] of query.matchAll(ACTION)) {
    if (!READS.has(action) && !(action === "queryRaw" && RAW_SELECT.test(query))) return false;
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

/**
 * Instants (`now`, the start of a day, a meeting's start) and identifiers (the member's own
 * id, their session's, a platform's) are the values that change from one view of a page, or
 * one reader, to the next. Keyed with them, "meetings after now" was compiled on every view
 * (4–6 ms each on the attendance roster), and each member's own queries once per member: with
 * thousands of members, the kept plans never held theirs. A read's instants and identifiers
 * are turned into named parameters, one plan is kept for that shape, and each use gets a copy
 * with its own values written back. Whether that copy is exactly the plan the compiler makes
 * from the query as it came is checked the first time a shape is seen; a shape that fails the
 * check, or that the compiler refuses with parameters, is kept word for word, as before.
 */
const PARAMETER = "minga_value_";
/** A field holding an identifier: `id`, `userId`, `platformId`… */
const IDENTIFIER = /^(?:id|\w+Id)$/;
/** Nothing in a sort order is a value (`"id": "desc"` is a direction). */
const NOT_VALUES = new Set(["orderBy"]);
const MAYBE_VALUES = /"\$type":"DateTime"|Id":|"id":/;

/**
 * The query with its instants and identifiers as parameters, and those values in order; null
 * if it has none. Identifiers are the strings a field named like one holds, alone or in an
 * operator (`in`, `not`…); typed text is never one (a title is not an identifier field).
 */
export function valuesAsParameters(query: string): { shape: string; values: string[] } | null {
  if (!MAYBE_VALUES.test(query)) return null;
  const values: string[] = [];
  const parameter = (value: string) => ({
    $type: "Param",
    value: `${PARAMETER}${values.push(value) - 1}`,
  });
  const walk = (node: unknown, identifier: boolean): unknown => {
    if (typeof node === "string") return identifier ? parameter(node) : node;
    if (node === null || typeof node !== "object") return node;
    if (Array.isArray(node)) return node.map((inner) => walk(inner, identifier));
    const typed = node as { $type?: unknown; value?: unknown };
    if (typed.$type !== undefined)
      return typed.$type === "DateTime" && typeof typed.value === "string"
        ? parameter(typed.value)
        : node;
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(node)) {
      out[key] = NOT_VALUES.has(key) ? inner : walk(inner, identifier || IDENTIFIER.test(key));
    }
    return out;
  };
  const shape = JSON.stringify(walk(JSON.parse(query), false));
  return values.length ? { shape, values } : null;
}

type Key = string | number;
type Container = Record<Key, unknown>;

/**
 * A shape's plan with where each of its parameters sits, found once when it is kept: each
 * use copies only the objects on the way to a parameter (a plan is a tree of hundreds of
 * objects, a handful of them holding values), and shares the rest with the kept plan (under
 * test it is frozen).
 */
export class Template {
  readonly #slots: { path: Key[]; index: number }[] = [];
  constructor(readonly plan: unknown) {
    this.#find(plan, []);
  }
  #find(node: unknown, path: Key[]): void {
    if (node === null || typeof node !== "object") return;
    const parameter = node as { prisma__type?: unknown; prisma__value?: { name?: unknown } };
    if (parameter.prisma__type === "param") {
      const name = parameter.prisma__value?.name;
      if (typeof name === "string" && name.startsWith(PARAMETER))
        this.#slots.push({ path, index: Number(name.slice(PARAMETER.length)) });
      return;
    }
    const entries = Array.isArray(node) ? node.entries() : Object.entries(node);
    for (const [key, inner] of entries) this.#find(inner, [...path, key]);
  }
  /** The plan with each parameter replaced by its value. */
  fill(values: string[]): unknown {
    if (this.#slots.length === 0) return this.plan;
    const copies = new Set<unknown>();
    const copy = (node: unknown) => {
      const made = Array.isArray(node) ? [...node] : { ...(node as Container) };
      copies.add(made);
      return made as Container;
    };
    const root = this.#slots[0].path.length === 0 ? null : copy(this.plan);
    for (const { path, index } of this.#slots) {
      if (!root) return values[index];
      let at = root;
      for (const key of path.slice(0, -1)) {
        const inner = at[key];
        at = (copies.has(inner) ? inner : (at[key] = copy(inner))) as Container;
      }
      at[path[path.length - 1]] = values[index];
    }
    return root;
  }
}

/** The plan with each parameter replaced by its value (see Template). */
export function fillIn(plan: unknown, values: string[]): unknown {
  return new Template(plan).fill(values);
}

/** Kept for a shape whose plan cannot be shared: its queries are kept word for word. */
const UNSHARED = Symbol("kept word for word");

export class PlanCache {
  readonly #plans = new Map<string, unknown>();
  #characters = 0;
  get size(): { plans: number; characters: number } {
    return { plans: this.#plans.size, characters: this.#characters };
  }
  /** Least recently used first out: a hit moves its plan to the end of the Map's order. */
  get(key: string): unknown {
    const plan = this.#touch(key);
    if (plan !== undefined) totals.hits++;
    return plan;
  }
  #touch(key: string): unknown {
    const plan = this.#plans.get(key);
    if (plan === undefined) return undefined;
    this.#plans.delete(key);
    this.#plans.set(key, plan);
    return plan;
  }
  put(key: string, plan: unknown): unknown {
    totals.misses++;
    if (key.length > MAX_KEY || !onlyReads(key)) return plan;
    this.keep(key, plan);
    return plan;
  }
  keep(key: string, plan: unknown): void {
    // Under test a plan is frozen: were Prisma's executor ever to change a plan while running
    // it, reusing the plan would be wrong, and every test would fail on the attempt.
    if (process.env.NODE_ENV === "test") deepFreeze(plan);
    if (!this.#plans.has(key)) this.#characters += key.length;
    this.#plans.set(key, plan);
    while (this.#plans.size > LIMIT || this.#characters > CHARACTERS) {
      const oldest = this.#plans.keys().next().value!;
      this.#plans.delete(oldest);
      this.#characters -= oldest.length;
    }
  }
  /**
   * The plan of a query (`tag` tells a single query from a batch): by its shape if it has
   * instants or identifiers and the shape's plan may be shared, else by its JSON word for
   * word.
   */
  plan(tag: string, query: string, compile: (query: string) => unknown): unknown {
    // Only reads are kept: a write's values are not worth a walk.
    const parameters = onlyReads(query) ? valuesAsParameters(query) : null;
    const shapeKey = parameters && tag + parameters.shape;
    if (parameters && shapeKey && shapeKey.length <= MAX_KEY) {
      const kept = this.#touch(shapeKey);
      if (kept === undefined) return this.#firstOfShape(shapeKey, parameters, tag, query, compile);
      if (kept !== UNSHARED) {
        totals.hits++;
        const plan = (kept as Template).fill(parameters.values);
        if (process.env.NODE_ENV === "test") deepFreeze(plan);
        return plan;
      }
    }
    const key = tag + query;
    return this.get(key) ?? this.put(key, compile(query));
  }
  /**
   * Compiles the query and its shape; the shape's plan is kept if it gives the same plan,
   * else the query's own plan is kept word for word.
   */
  #firstOfShape(
    shapeKey: string,
    parameters: { shape: string; values: string[] },
    tag: string,
    query: string,
    compile: (query: string) => unknown,
  ): unknown {
    const plan = compile(query);
    let template: Template | null = null;
    try {
      const candidate = new Template(compile(parameters.shape));
      if (JSON.stringify(candidate.fill(parameters.values)) === JSON.stringify(plan))
        template = candidate;
    } catch {
      // The compiler refused a parameter there: this shape's queries are kept word for word.
    }
    if (template) {
      totals.misses++;
      this.keep(shapeKey, template);
      return plan;
    }
    this.keep(shapeKey, UNSHARED);
    return this.put(tag + query, plan);
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
    // Every plan, kept or not, has its SQL templates tidied (db-plan-templates.server.ts).
    proto[method] = function (this: object, query: string) {
      return cacheOf(this).plan(tag, query, (json) => tidyTemplates(compile.call(this, json)));
    };
  }
}
