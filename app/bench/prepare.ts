import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { hashPassword } from "~/auth/password.server";
import { BENCH_PASSWORD, type BenchSizes, type BenchWorld, seedBench } from "./seed";

/** Removes a SQLite file with its WAL and shared-memory companions. */
export function removeDatabase(file: string) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
}

/** A fresh database at `file`, migrated with the project's real migrations. */
export function migrateFresh(file: string) {
  removeDatabase(file);
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    stdio: "pipe",
  });
}

/** Writes the benchmark's rows into a migrated database file; returns what to look for. */
export async function seedFile(file: string, sizes: BenchSizes): Promise<BenchWorld> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  try {
    return seedBench(sqlite, sizes, passwordHash);
  } finally {
    sqlite.close();
  }
}
