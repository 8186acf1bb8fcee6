import { execFileSync } from "node:child_process";
import { createClient } from "~/db.server";
import { moveToPostgresql } from "~/ops/move-to-postgresql";
import { onServer, withDatabase } from "~/test/postgresql";

/**
 * The benchmark's PostgreSQL database: `database` dropped and created afresh on the server of
 * `serverUrl` (a role that may create databases), migrated with the project's PostgreSQL
 * migrations, then filled with the rows of the seeded SQLite file through the tested move
 * command (so both databases hold the same rows, the same ids), then ANALYZEd: right after a
 * bulk load PostgreSQL has no statistics and would plan every query as for empty tables.
 */
export async function preparePostgresql(options: {
  serverUrl: string;
  database: string;
  sqliteFile: string;
}) {
  const url = withDatabase(options.serverUrl, options.database);
  let t = Date.now();
  await onServer(options.serverUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${options.database} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${options.database}`);
  });
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" },
    stdio: "pipe",
  });
  const migrateMs = Date.now() - t;
  const from = createClient(`file:${options.sqliteFile}`);
  const to = createClient(url);
  try {
    t = Date.now();
    const copied = await moveToPostgresql(from, to);
    const copyMs = Date.now() - t;
    t = Date.now();
    await to.$executeRawUnsafe("ANALYZE");
    const analyzeMs = Date.now() - t;
    const rows = Object.values(copied).reduce((a, b) => a + b, 0);
    return { url, migrateMs, copyMs, analyzeMs, rows };
  } finally {
    await from.$disconnect();
    await to.$disconnect();
  }
}

/** Drops the benchmark's database (its server stays up). */
export function dropPostgresql(serverUrl: string, database: string) {
  return onServer(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
}
