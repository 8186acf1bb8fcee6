#!/usr/bin/env node
// Writes a new migration from the changes to prisma/schema.prisma.
// `prisma migrate dev` cannot run here (it needs a shadow database), so we diff the
// schema as of the last migration (kept beside it as schema.snapshot) against the
// current schema and save the SQL. Usage: npm run db:migration:new -- add_meetings
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("Usage: npm run db:migration:new -- <name>");
  process.exit(2);
}
const migrationsDir = path.resolve("prisma/migrations");
const schema = path.resolve("prisma/schema.prisma");
mkdirSync(migrationsDir, { recursive: true });
const previous = readdirSync(migrationsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()
  .at(-1);
const snapshot = previous ? path.join(migrationsDir, previous, "schema.snapshot") : null;
if (snapshot && !existsSync(snapshot)) {
  console.error(`The last migration (${previous}) has no schema.snapshot to diff from.`);
  process.exit(1);
}
const from = snapshot ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"],
  { encoding: "utf8" },
);
if (!/CREATE|ALTER|DROP|INSERT|PRAGMA/i.test(sql)) {
  console.log("The schema has not changed since the last migration; nothing written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir);
writeFileSync(path.join(dir, "migration.sql"), sql);
copyFileSync(schema, path.join(dir, "schema.snapshot"));
console.log(
  `Wrote ${path.relative(process.cwd(), dir)}/migration.sql — apply it with npm run db:migrate.`,
);
