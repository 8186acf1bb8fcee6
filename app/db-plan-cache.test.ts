import { db } from "~/db.server";
import { onlyReads, planCacheStats } from "~/db-plan-cache.server";

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

  it("keeps no write: the same write twice is compiled twice", async () => {
    const email = `plan-w-${Date.now()}@example.org`;
    const before = planCacheStats();
    for (let i = 0; i < 2; i++) await db.loginAttempt.deleteMany({ where: { email } });
    const after = planCacheStats();
    expect(after.hits).toBe(before.hits);
    expect(after.misses - before.misses).toBe(2);
  });
});

describe("which queries count as reads", () => {
  it.each([
    ['{"modelName":"User","action":"findUnique","query":{}}', true],
    ['{"modelName":"Vote","action":"groupBy","query":{}}', true],
    ['{"modelName":"Ballot","action":"upsertOne","query":{}}', false],
    ['{"modelName":"User","action":"updateMany","query":{}}', false],
    ['{"action":"queryRaw","query":{}}', false],
    ['{"batch":[{"action":"findUnique"},{"action":"findUnique"}]}', true],
    ['{"batch":[{"action":"findUnique"},{"action":"deleteMany"}]}', false],
    // A filter on a field called "action" reads as a write: compiled each time, no harm.
    ['{"action":"findMany","query":{"arguments":{"where":{"action":"cast"}}}}', false],
    ["{}", false],
  ])("%s → %s", (query, read) => {
    expect(onlyReads(query)).toBe(read);
  });
});
