import Database from "better-sqlite3";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { db, prepareDatabase } from "~/db.server";
import { makeWorld } from "~/test/world";
import { backupDatabase, backupName, databaseFile, rowCounts } from "./backup";

const folder = mkdtempSync(path.resolve(".tmp/backup-test-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/**
 * Another connection (a worker thread, like the running portal) commits pairs of rows —
 * a user and its participant in one transaction — until told to stop. A torn copy would
 * hold one without the other.
 */
function startWriter(file: string) {
  const worker = new Worker(
    `
    const { parentPort, workerData } = require("node:worker_threads");
    const Database = require(workerData.module);
    const sqlite = new Database(workerData.file);
    sqlite.pragma("busy_timeout = 5000");
    const now = new Date().toISOString();
    const user = sqlite.prepare('INSERT INTO "User" (id, email, name, passwordHash, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)');
    const participant = sqlite.prepare('INSERT INTO "Participant" (id, userId, name, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)');
    const pair = sqlite.transaction((i) => {
      user.run("w-u-" + i, "writer" + i + "@example.org", "Writer " + i, "x", now, now);
      participant.run("w-p-" + i, "w-u-" + i, "Writer " + i, now, now);
    });
    let i = 0;
    let stop = false;
    parentPort.on("message", () => (stop = true));
    function loop() {
      for (let k = 0; k < 20; k++) pair(i++);
      parentPort.postMessage(i);
      if (stop) { sqlite.close(); parentPort.postMessage("done"); } else setImmediate(loop);
    }
    loop();
    `,
    {
      eval: true,
      workerData: { file, module: createRequire(import.meta.url).resolve("better-sqlite3") },
    },
  );
  let committed = 0;
  const finished = new Promise<number>((resolve) =>
    worker.on("message", (m) => (m === "done" ? resolve(committed) : (committed = m))),
  );
  return {
    committed: () => committed,
    /** Resolves once it has committed at least `n` pairs. */
    async reach(n: number) {
      while (committed < n) await new Promise((r) => setTimeout(r, 5));
    },
    async stop() {
      worker.postMessage("stop");
      const total = await finished;
      await worker.terminate();
      return total;
    },
  };
}

describe("npm run db:backup", () => {
  it("copies the live database consistently while another connection writes, and the copy restores", async () => {
    await prepareDatabase();
    const source = databaseFile(process.env.DATABASE_URL!);
    // Rows written through the app before the backup, in several tables.
    for (let i = 0; i < 5; i++) await makeWorld();
    const before = rowCounts(source);
    expect(before.User).toBeGreaterThanOrEqual(30);

    const writer = startWriter(source);
    await writer.reach(200);
    const atStart = writer.committed();
    const file = backupDatabase(source, folder, new Date("2026-11-22T19:05:00Z"));
    // The writer only adds: what the live database holds right after is an upper bound.
    const atEnd = rowCounts(source).User - before.User;
    await writer.reach(atEnd + 100);
    const total = await writer.stop();
    const written = readdirSync(folder);

    // Restore as the README says: the backup file becomes the database (no -wal/-shm left).
    const restored = path.join(folder, "restored.db");
    copyFileSync(file, restored);
    expect(existsSync(`${restored}-wal`)).toBe(false);
    const counts = rowCounts(restored);
    const writerRows = (counts.User ?? 0) - before.User;

    // Whole transactions only, none lost from before the backup, none invented after it.
    expect(counts.Participant - before.Participant).toBe(writerRows);
    expect(writerRows).toBeGreaterThanOrEqual(atStart);
    expect(writerRows).toBeLessThanOrEqual(atEnd);
    expect(total).toBeGreaterThan(writerRows);
    for (const [table, n] of Object.entries(before)) {
      if (table !== "User" && table !== "Participant") expect(counts[table], table).toBe(n);
    }

    // One file, named by its time, nothing half-written beside it.
    expect(path.basename(file)).toBe(backupName(new Date("2026-11-22T19:05:00Z")));
    expect(written).toEqual([path.basename(file)]);

    // The live database went on: it holds every pair the writer committed.
    const live = rowCounts(source);
    expect(live.User - before.User).toBe(total);

    // The restored file opens as a database the app's tables read from.
    const check = new Database(restored, { readonly: true });
    expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
    const migrations = check.prepare(`SELECT COUNT(*) AS n FROM "_prisma_migrations"`).get() as {
      n: number;
    };
    check.close();
    expect(migrations.n).toBeGreaterThan(0);
    expect(await db.user.count()).toBe(live.User);
  });
});
