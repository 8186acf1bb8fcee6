/**
 * Who may use SQLite's one connection at a time: any number of reads together, or one write
 * or transaction alone. Waiters are served in arrival order, so a write is not starved by a
 * stream of reads, and reads that arrived behind a write wait for it.
 *
 * Why reads may share: each is a single query of Prisma's (no transaction of its own), and
 * better-sqlite3 runs each statement to its end before returning, so reads of several
 * requests interleaving on the connection only interleave whole statements. A write may run
 * Prisma's own transaction (nested writes), and an interactive transaction spans many
 * statements: either must have the connection alone, or another request's statement would
 * run inside it (and be lost if it rolls back).
 */
export type Access = "read" | "exclusive";

export class Gate {
  #readers = 0;
  #exclusive = false;
  readonly #queue: { access: Access; grant: () => void }[] = [];

  run<T>(access: Access, work: () => Promise<T>): Promise<T> {
    if (this.#queue.length === 0 && this.#free(access)) {
      this.#take(access);
      return this.#finally(access, work);
    }
    return new Promise<void>((grant) => this.#queue.push({ access, grant })).then(() =>
      this.#finally(access, work),
    );
  }

  /** For tests: how the connection is held now. */
  get state() {
    return { readers: this.#readers, exclusive: this.#exclusive, waiting: this.#queue.length };
  }

  #free(access: Access): boolean {
    return access === "read" ? !this.#exclusive : !this.#exclusive && this.#readers === 0;
  }

  #take(access: Access): void {
    if (access === "read") this.#readers++;
    else this.#exclusive = true;
  }

  async #finally<T>(access: Access, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } finally {
      if (access === "read") this.#readers--;
      else this.#exclusive = false;
      this.#serve();
    }
  }

  /** Grants the head of the queue while it may go: a run of reads together, or one write. */
  #serve(): void {
    while (this.#queue.length > 0 && this.#free(this.#queue[0].access)) {
      const next = this.#queue.shift()!;
      this.#take(next.access);
      next.grant();
      if (next.access === "exclusive") return;
    }
  }
}

/**
 * Single queries that only read: they may share the connection. The same reads by the names
 * Prisma's compiler sees are in app/db-plan-cache.server.ts (reads only are kept there).
 */
const READ_OPERATIONS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
]);

/** How a query outside a transaction uses the connection, by its Prisma operation. */
export function accessFor(operation: string, args: unknown): Access {
  if (READ_OPERATIONS.has(operation)) return "read";
  // Raw SQL reads when it is one SELECT (the post and unread counts); anything else, PRAGMAs
  // included, has the connection alone.
  if (operation !== "$queryRaw") return "exclusive";
  const sql = (args as { strings?: string[] } | null)?.strings?.join("?") ?? "";
  return /^\s*SELECT\b/i.test(sql) && !sql.includes(";") ? "read" : "exclusive";
}
