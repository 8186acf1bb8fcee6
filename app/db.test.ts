import { db } from "~/db.server";

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

  it("lets queries inside a transaction run without waiting for themselves", async () => {
    const count = await db.$transaction(async (tx) => {
      await tx.loginAttempt.create({ data: { email: "a@example.org", ip: "3", success: true } });
      // A domain helper that uses the shared client inside the transaction sees its writes.
      return db.loginAttempt.count({ where: { ip: "3" } });
    });
    expect(count).toBe(1);
  });
});
