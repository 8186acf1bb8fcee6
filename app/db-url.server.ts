import { mkdirSync } from "node:fs";
import path from "node:path";

/**
 * The database the portal uses. `DATABASE_URL` overrides the default SQLite file, which lives
 * in ./data so it stays out of git (the folder is created if missing). A `postgresql://` (or
 * `postgres://`) URL runs the same portal on PostgreSQL.
 */
export function databaseUrl(): string {
  const url = configuredUrl();
  if (isPostgresql(url)) return url;
  const file = url.replace(/^file:/, "");
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return url;
}

export type DatabaseProvider = "sqlite" | "postgresql";

export function isPostgresql(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

function configuredUrl(): string {
  return process.env.DATABASE_URL ?? "file:./data/minga.db";
}

/**
 * Which database a URL names: everything that is not PostgreSQL is a SQLite file. Asked on
 * every raw query (sqlBuilders): it reads the setting and touches no file.
 */
export function databaseProvider(url = configuredUrl()): DatabaseProvider {
  return isPostgresql(url) ? "postgresql" : "sqlite";
}
