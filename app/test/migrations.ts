import Database from "better-sqlite3";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";

const dir = path.resolve("prisma/migrations");
const all = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const sql = (name: string) => readFileSync(path.join(dir, name, "migration.sql"), "utf8");

/**
 * A database file at the state just before the migration named `…_<name>`, as an existing
 * installation would be, to fill with rows and then migrate the rest of the way.
 */
export function databaseBefore(name: string) {
  const target = all.findIndex((m) => m.endsWith(`_${name}`));
  if (target < 0) throw new Error(`no migration named ${name}`);
  const file = path.resolve(`.tmp/migration-${randomUUID()}.db`);
  const db = new Database(file);
  for (const m of all.slice(0, target)) db.exec(sql(m));
  return {
    db,
    /** Applies that migration and every later one. */
    migrateRest() {
      for (const m of all.slice(target)) db.exec(sql(m));
    },
    remove() {
      db.close();
      rmSync(file, { force: true });
    },
  };
}
