import Database from "better-sqlite3";
import { mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";

/** The SQLite file a `file:` URL names (relative paths from the working directory). */
export function databaseFile(url: string): string {
  return path.resolve(url.replace(/^file:/, ""));
}

/** `minga-2026-11-22T19-05-00Z.db`: sorts by time, no characters a file system refuses. */
export function backupName(now: Date): string {
  return `minga-${now.toISOString().slice(0, 19).replace(/:/g, "-")}Z.db`;
}

/**
 * A consistent copy of a live database, taken while the portal keeps serving. `VACUUM INTO`
 * reads inside one read transaction, so the copy is the database as of one commit: writers
 * (WAL mode) go on meanwhile and none of their later commits leaks in half-done. The copy is
 * written under a temporary name and renamed when complete and checked, so a file named
 * like a backup is always a whole one.
 */
export function backupDatabase(sourceFile: string, folder: string, now = new Date()): string {
  mkdirSync(folder, { recursive: true });
  const target = path.join(path.resolve(folder), backupName(now));
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const source = new Database(sourceFile, { fileMustExist: true });
  try {
    // Waits (up to 5 s) instead of failing when a checkpoint holds the file for a moment.
    source.pragma("busy_timeout = 5000");
    source.prepare("VACUUM INTO ?").run(partial);
  } finally {
    source.close();
  }
  const copy = new Database(partial, { readonly: true });
  try {
    const check = copy.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new Error(`the backup failed its check: ${String(check)}`);
  } finally {
    copy.close();
  }
  renameSync(partial, target);
  return target;
}

/** Rows per table (Prisma's tables, not SQLite's own), to compare a backup with its source. */
export function rowCounts(file: string): Record<string, number> {
  const sqlite = new Database(file, { readonly: true });
  try {
    const tables = sqlite
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
      )
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        (sqlite.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n,
      ]),
    );
  } finally {
    sqlite.close();
  }
}
