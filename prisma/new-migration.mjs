#!/usr/bin/env node
// Writes the new migrations, for SQLite and for PostgreSQL, from the changes to
// prisma/schema.prisma. Usage: npm run db:migration:new -- add_meetings
//
// SQLite: `prisma migrate dev` cannot run here (it needs a shadow database), so we diff the
// schema as of the last migration (kept beside it as schema.snapshot) against the current
// schema and save the SQL.
// PostgreSQL: its schema is generated from SQLite's (prisma/postgresql-schema.mjs), and its
// migrations are diffed from what prisma/postgresql/migrations give, applied to a scratch
// database on a PostgreSQL server: PG_MIGRATION_URL (a role that may create databases), or
// the throwaway cluster (npm run pg:start), started here if PostgreSQL is installed. Either
// side is written only when it has something to do, so after merging branches that added
// SQLite migrations, this writes PostgreSQL's catch-up migration alone.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("Usage: npm run db:migration:new -- <name>");
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const changes = (sql) => /CREATE|ALTER|DROP|INSERT|PRAGMA/i.test(sql);
// The SQLite diff must not pick PostgreSQL's config from a DATABASE_URL set in the shell.
const baseEnv = { ...process.env };
delete baseEnv.DATABASE_URL;
const prisma = (args, env = {}) =>
  execFileSync("npx", ["prisma", ...args], {
    encoding: "utf8",
    env: { ...baseEnv, CHECKPOINT_DISABLE: "1", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });

execFileSync("node", ["prisma/postgresql-schema.mjs"], { stdio: "inherit" });

// SQLite
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
const sql = prisma(["migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"]);
if (changes(sql)) {
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  mkdirSync(dir);
  writeFileSync(path.join(dir, "migration.sql"), sql);
  copyFileSync(schema, path.join(dir, "schema.snapshot"));
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql (SQLite).`);
} else console.log("SQLite: the schema has not changed since the last migration; nothing written.");

// PostgreSQL
let server = process.env.PG_MIGRATION_URL;
if (!server) {
  try {
    server = execFileSync("npx", ["tsx", "app/cli/pg-cluster.ts", "start"], { encoding: "utf8" })
      .trim()
      .split("\n")
      .at(-1);
  } catch (e) {
    console.error(
      `PostgreSQL's migration needs a PostgreSQL server: install postgresql (apt-get install ` +
        `postgresql) or set PG_MIGRATION_URL.\n${e.stderr ?? e.message}`,
    );
    process.exit(1);
  }
}
const pgMigrations = path.resolve("prisma/postgresql/migrations");
const pgSql = prisma(
  [
    ...["migrate", "diff", "--script", "--from-migrations", pgMigrations],
    ...["--to-schema-datamodel", path.resolve("prisma/postgresql/schema.prisma")],
  ],
  { DATABASE_URL: server },
);
if (changes(pgSql)) {
  const dir = path.join(pgMigrations, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), pgSql);
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql (PostgreSQL).`);
} else console.log("PostgreSQL: its migrations are up to date; nothing written.");

// Both clients, for the new schema.
execFileSync("npm", ["run", "--silent", "postinstall"], { stdio: "inherit" });
console.log("Apply with npm run db:migrate (DATABASE_URL picks SQLite or PostgreSQL).");
