import { Prisma } from "@prisma/client";
import type { Db } from "~/db.server";

type Delegate = {
  findMany(args: object): Promise<Record<string, unknown>[]>;
  createMany(args: { data: Record<string, unknown>[] }): Promise<{ count: number }>;
  count(): Promise<number>;
};
const delegate = (client: unknown, model: string) =>
  (client as Record<string, Delegate>)[model[0].toLowerCase() + model.slice(1)];

/** Every model of the schema, by name. */
export const MODELS = Prisma.dmmf.datamodel.models.map((m) => m.name);

// A stable order to page through: the id, or every column of a table keyed by several.
const ORDER = Object.fromEntries(
  Prisma.dmmf.datamodel.models.map((m) => {
    const scalars = m.fields.filter((f) => f.kind === "scalar").map((f) => f.name);
    const by = scalars.includes("id") ? ["id"] : scalars;
    return [m.name, by.map((f) => ({ [f]: "asc" }))];
  }),
);

const PAGE = 2000;

/**
 * Copies every row of a SQLite database into an empty, migrated PostgreSQL one, in one
 * PostgreSQL transaction: all or nothing. Rows are read and written through each database's
 * own Prisma client, so every value keeps its type. Tables reference each other (and
 * themselves: replies), so the foreign keys are checked at the end rather than row by row —
 * made deferrable for the copy and restored before it commits.
 * Returns the rows copied per model.
 */
export async function moveToPostgresql(from: Db, to: Db): Promise<Record<string, number>> {
  for (const model of MODELS)
    if ((await delegate(to, model).count()) > 0)
      throw new Error(`The PostgreSQL database is not empty (${model} has rows).`);
  const copied: Record<string, number> = {};
  await to.$transaction(
    async (tx) => {
      const keys = await tx.$queryRawUnsafe<{ tbl: string; name: string }[]>(
        `SELECT conrelid::regclass::text AS tbl, conname::text AS name FROM pg_constraint
         WHERE contype = 'f' AND connamespace = 'public'::regnamespace`,
      );
      const alter = (k: { tbl: string; name: string }, how: string) =>
        tx.$executeRawUnsafe(`ALTER TABLE ${k.tbl} ALTER CONSTRAINT "${k.name}" ${how}`);
      for (const k of keys) await alter(k, "DEFERRABLE INITIALLY DEFERRED");
      for (const model of MODELS) {
        copied[model] = 0;
        for (let skip = 0; ; skip += PAGE) {
          const rows = await delegate(from, model).findMany({
            orderBy: ORDER[model],
            skip,
            take: PAGE,
          });
          if (rows.length === 0) break;
          copied[model] += (await delegate(tx, model).createMany({ data: rows })).count;
          if (rows.length < PAGE) break;
        }
      }
      await tx.$executeRawUnsafe("SET CONSTRAINTS ALL IMMEDIATE");
      for (const k of keys) await alter(k, "NOT DEFERRABLE");
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
  return copied;
}
