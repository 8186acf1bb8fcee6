import { copyFileSync, rmSync } from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll } from "vitest";

// Each test file gets its own copy of the migrated template: real SQLite, no mocks,
// and no test file sees another's rows.
const template = path.resolve(".tmp/test-template.db");
const file = path.resolve(`.tmp/test-${randomUUID()}.db`);
copyFileSync(template, file);
process.env.DATABASE_URL = `file:${file}`;
globalThis.__mingaDb = undefined;

afterAll(async () => {
  await globalThis.__mingaDb?.$disconnect();
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
});
