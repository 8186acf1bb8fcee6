import { copyFileSync, rmSync } from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeEach } from "vitest";
import { dropDatabase, onServer, TEMPLATE_DATABASE, withDatabase } from "./postgresql";

// Each test file gets its own copy of the migrated template: real SQLite (or PostgreSQL), no
// mocks, and no test file sees another's rows.
const postgresql = process.env.TEST_DATABASE === "postgresql";
const server = process.env.TEST_POSTGRESQL_URL!;
const database = `minga_test_${randomUUID().replace(/-/g, "")}`;
const file = path.resolve(`.tmp/test-${randomUUID()}.db`);

if (postgresql) {
  // A copy of the migrated template database: much faster than migrating every time.
  await onServer(server, (c) =>
    c.query(`CREATE DATABASE ${database} TEMPLATE ${TEMPLATE_DATABASE}`),
  );
  process.env.DATABASE_URL = withDatabase(server, database);
} else {
  copyFileSync(path.resolve(".tmp/test-template.db"), file);
  process.env.DATABASE_URL = `file:${file}`;
}
globalThis.__mingaDb = undefined;

afterAll(async () => {
  await globalThis.__mingaDb?.$disconnect();
  if (postgresql) await dropDatabase(server, database);
  else
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
});

// SQLite answers synchronously: a test file can then run on promises alone, never letting its
// worker read Vitest's replies, and past 60 s Vitest's own call times out ("Timeout calling
// onTaskUpdate") and fails the run though every test passed. A turn of the event loop before
// each test lets the worker read them (checked with a file of 70 one-second tests).
beforeEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
