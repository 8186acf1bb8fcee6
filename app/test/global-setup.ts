import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import {
  dropDatabase,
  onServer,
  TEMPLATE_DATABASE,
  testPostgresqlUrl,
  withDatabase,
} from "./postgresql";

export const TEMPLATE_DB = path.resolve(".tmp/test-template.db");

const migrate = (url: string) =>
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" },
    stdio: "pipe",
  });

/**
 * Migrates one template database with the real migrations, once per test run: a SQLite file,
 * or with TEST_DATABASE=postgresql a PostgreSQL database that each test file's database is
 * created from (app/test/setup-database.ts).
 */
export default async function setup() {
  mkdirSync(path.dirname(TEMPLATE_DB), { recursive: true });
  if (process.env.TEST_DATABASE === "postgresql") {
    const server = testPostgresqlUrl();
    if (!server) throw new Error("TEST_DATABASE=postgresql, but PostgreSQL is not installed.");
    await dropDatabase(server, TEMPLATE_DATABASE);
    await onServer(server, (c) => c.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`));
    migrate(withDatabase(server, TEMPLATE_DATABASE));
    return;
  }
  for (const suffix of ["", "-wal", "-shm", "-journal"])
    rmSync(TEMPLATE_DB + suffix, { force: true });
  migrate(`file:${TEMPLATE_DB}`);
}
