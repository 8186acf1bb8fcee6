import { mkdirSync } from "node:fs";
import path from "node:path";

/**
 * The SQLite file the portal uses. `DATABASE_URL` (file:…) overrides the default,
 * which lives in ./data so it stays out of git. The folder is created if missing.
 */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL ?? "file:./data/minga.db";
  const file = url.replace(/^file:/, "");
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return url;
}
