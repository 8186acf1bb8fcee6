import { db } from "~/db.server";
import { planCacheStats } from "~/db-plan-cache.server";

// Runs on both databases: each generated client has its own compiler to wrap.
describe("query plans kept between identical queries", () => {
  const count = (email: string) => db.loginAttempt.count({ where: { email } });

  it("compiles a query once, and still reads the rows as they are now", async () => {
    const email = `plan-${Date.now()}@example.org`;
    expect(await count(email)).toBe(0);
    const before = planCacheStats();
    await db.loginAttempt.create({ data: { email, ip: "1", success: false } });
    const afterWrite = planCacheStats();
    // The same count again: its plan is reused, its answer is not.
    expect(await count(email)).toBe(1);
    const after = planCacheStats();
    expect(afterWrite.hits).toBe(before.hits);
    expect(after.hits).toBe(afterWrite.hits + 1);
    expect(after.misses).toBe(afterWrite.misses);
  });

  it("never answers one query with another's plan: any value differing is another query", async () => {
    const a = `plan-a-${Date.now()}@example.org`;
    const b = `plan-b-${Date.now()}@example.org`;
    await db.loginAttempt.createMany({
      data: [
        { email: a, ip: "1", success: false },
        { email: b, ip: "1", success: false },
        { email: b, ip: "2", success: false },
      ],
    });
    const before = planCacheStats();
    expect([await count(a), await count(b), await count(a), await count(b)]).toEqual([1, 2, 1, 2]);
    const after = planCacheStats();
    expect(after.misses - before.misses).toBe(2);
    expect(after.hits - before.hits).toBe(2);
  });

  it("keeps the plans of batched lookups (findUnique in one tick) apart too", async () => {
    const users = await Promise.all(
      ["x", "y"].map((n) =>
        db.user.create({
          data: { email: `plan-${n}-${Date.now()}@example.org`, name: n, passwordHash: "-" },
        }),
      ),
    );
    const read = () => Promise.all(users.map((u) => db.user.findUnique({ where: { id: u.id } })));
    const first = await read();
    const again = await read();
    expect(first.map((u) => u?.name)).toEqual(["x", "y"]);
    expect(again.map((u) => u?.name)).toEqual(["x", "y"]);
  });
});
