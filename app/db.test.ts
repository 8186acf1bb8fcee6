import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { db, GlobalClientInTransaction } from "~/db.server";

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("database access from concurrent requests", () => {
  it("keeps other requests out of a transaction: no dirty reads, no lost writes", async () => {
    const failing = db
      .$transaction(async (tx) => {
        await tx.loginAttempt.create({
          data: { email: "inside@example.org", ip: "1", success: false },
        });
        await sleep(50); // another request arrives meanwhile
        throw new Error("roll back");
      })
      .catch((e: Error) => e.message);
    await sleep(5);
    const seenDuring = await db.loginAttempt.count({ where: { email: "inside@example.org" } });
    await db.loginAttempt.create({
      data: { email: "outside@example.org", ip: "2", success: false },
    });
    expect(await failing).toBe("roll back");
    expect(seenDuring).toBe(0);
    expect(await db.loginAttempt.count({ where: { email: "inside@example.org" } })).toBe(0);
    expect(await db.loginAttempt.count({ where: { email: "outside@example.org" } })).toBe(1);
  });

  it("refuses the shared client inside a transaction, and rolls the transaction back", async () => {
    // On PostgreSQL such a query would run outside the transaction: it must never be written.
    const outcome = await db
      .$transaction(async (tx) => {
        await tx.loginAttempt.create({ data: { email: "a@example.org", ip: "3", success: true } });
        // eslint-disable-next-line no-restricted-syntax -- the mistake this test makes on purpose
        return db.loginAttempt.count({ where: { ip: "3" } });
      })
      .catch((e: unknown) => e);
    expect(outcome).toBeInstanceOf(GlobalClientInTransaction);
    expect(await db.loginAttempt.count({ where: { ip: "3" } })).toBe(0);
    // Outside a transaction, and through the transaction's own client, all is as usual.
    const inside = await db.$transaction(async (tx) => {
      await tx.loginAttempt.create({ data: { email: "a@example.org", ip: "3", success: true } });
      return tx.loginAttempt.count({ where: { ip: "3" } });
    });
    expect(inside).toBe(1);
  });

  it("waits for another process's write instead of failing a transaction that read first", async () => {
    // A second process on the same file, as a command-line tool or a second server would be.
    const file = process.env.DATABASE_URL!.replace(/^file:/, "");
    const script = `
      const db = require("better-sqlite3")(process.argv[1], { timeout: 5000 });
      db.prepare(\`INSERT INTO "LoginAttempt" ("id", "email", "ip", "success", "createdAt")
        VALUES ('x1', 'other@example.org', '5', 0, 0)\`).run();`;
    let other: Promise<unknown> | undefined;
    const mine = db.$transaction(async (tx) => {
      await tx.loginAttempt.count();
      other = run(process.execPath, ["-e", script, file]);
      // The other process writes meanwhile (or, once it waits for us, we stop waiting for it).
      await Promise.race([other, sleep(3000)]);
      return tx.loginAttempt.create({
        data: { email: "mine@example.org", ip: "4", success: true },
      });
    });
    await expect(mine).resolves.toMatchObject({ email: "mine@example.org" });
    await other;
    expect(await db.loginAttempt.count({ where: { ip: { in: ["4", "5"] } } })).toBe(2);
  });
});
