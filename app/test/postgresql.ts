import pg from "pg";
import { pgBin, startCluster } from "~/ops/pg-cluster";

/**
 * The PostgreSQL server the tests use: TEST_POSTGRESQL_URL (a role that may create databases),
 * or the throwaway cluster (app/ops/pg-cluster.ts), started when PostgreSQL is installed.
 * Null when neither is available.
 */
export function testPostgresqlUrl(): string | null {
  if (process.env.TEST_POSTGRESQL_URL) return process.env.TEST_POSTGRESQL_URL;
  if (!pgBin()) return null;
  const url = startCluster().url;
  process.env.TEST_POSTGRESQL_URL = url;
  return url;
}

/** The same server, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs SQL on the server's own database (CREATE/DROP DATABASE cannot run inside one). */
export async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Drops a database, closing whatever is connected to it. An autovacuum worker busy on it may
 * not be terminated by a role that is not a superuser (42501, "must be a member of the role
 * whose process is being terminated"); it finishes within moments, so the drop is tried again
 * (a test file once failed in its teardown on it).
 */
export async function dropDatabase(url: string, database: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await onServer(url, (c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "42501" || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export const TEMPLATE_DATABASE = "minga_test_template";

/**
 * After a test writes thousands of rows at once: PostgreSQL plans queries from statistics its
 * autovacuum refreshes within a minute or so of a bulk load — too late for a timing measured
 * right after it. SQLite plans without them.
 */
export async function analyzeAfterBulkLoad(client: { $executeRawUnsafe(sql: string): unknown }) {
  if (process.env.DATABASE_URL?.startsWith("postgres")) await client.$executeRawUnsafe("ANALYZE");
}
