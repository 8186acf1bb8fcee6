import { db } from "~/db.server";
import {
  CHARACTERS,
  MAX_KEY,
  PlanCache,
  fillIn,
  Template,
  onlyReads,
  planCacheStats,
  valuesAsParameters,
} from "~/db-plan-cache.server";

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

  it("shares one plan between queries that differ only in their instants, each with its own", async () => {
    const email = `plan-t-${Date.now()}@example.org`;
    const since = (at: Date) => db.loginAttempt.count({ where: { email, createdAt: { gte: at } } });
    await db.loginAttempt.create({
      data: { email, ip: "1", success: false, createdAt: new Date("2026-06-01T12:00:00Z") },
    });
    expect(await since(new Date("2026-05-01T00:00:00Z"))).toBe(1);
    const before = planCacheStats();
    // Another instant: the same plan, with this instant in it (the row is not after it).
    expect(await since(new Date("2026-07-01T00:00:00Z"))).toBe(0);
    expect(await since(new Date("2026-06-01T11:59:59Z"))).toBe(1);
    const after = planCacheStats();
    expect(after.hits - before.hits).toBe(2);
    expect(after.misses).toBe(before.misses);
  });

  it("shares one plan between queries that differ only in identifiers, each with its own", async () => {
    const stamp = Date.now();
    const [a, b, c] = await Promise.all(
      ["a", "b", "c"].map((n) =>
        db.user.create({
          data: { email: `plan-id-${n}-${stamp}@example.org`, name: n, passwordHash: "-" },
        }),
      ),
    );
    const names = async (ids: string[]) =>
      (
        await db.user.findMany({
          where: { id: { in: ids }, email: { endsWith: `${stamp}@example.org` } },
          orderBy: { name: "asc" },
          select: { name: true },
        })
      ).map((u) => u.name);
    expect(await names([a.id, b.id])).toEqual(["a", "b"]);
    expect((await db.user.findUnique({ where: { id: b.id } }))?.name).toBe("b");
    const before = planCacheStats();
    // Other people, the same shape (two ids): the kept plan, with these ids in it.
    expect(await names([b.id, c.id])).toEqual(["b", "c"]);
    expect(await names([c.id, a.id])).toEqual(["a", "c"]);
    expect((await db.user.findUnique({ where: { id: c.id } }))?.name).toBe("c");
    expect((await db.user.findUnique({ where: { id: a.id } }))?.name).toBe("a");
    const after = planCacheStats();
    expect(after.hits - before.hits).toBe(4);
    expect(after.misses).toBe(before.misses);
  });

  it("keeps the plan of a raw SELECT (the post counts), and still reads the rows as they are now", async () => {
    const email = `plan-r-${Date.now()}@example.org`;
    const raw = () =>
      db.$queryRaw<{ n: number | bigint }[]>`
        SELECT COUNT(*) AS "n" FROM "LoginAttempt" WHERE "email" = ${email}`;
    expect(Number((await raw())[0].n)).toBe(0);
    await db.loginAttempt.create({ data: { email, ip: "1", success: false } });
    const before = planCacheStats();
    expect(Number((await raw())[0].n)).toBe(1);
    const after = planCacheStats();
    expect(after.hits - before.hits).toBe(1);
    expect(after.misses).toBe(before.misses);
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

describe("the plans' memory", () => {
  it("keeps long queries within a budget of characters, the oldest out first", () => {
    const cache = new PlanCache();
    const key = (n: number) => `1{"action":"findMany","n":${n},"ids":"${"x".repeat(30_000)}"}`;
    for (let n = 0; n < 20; n++) cache.put(key(n), { n });
    expect(cache.size.characters).toBeLessThanOrEqual(CHARACTERS);
    expect(cache.size.plans).toBe(Math.floor(CHARACTERS / key(0).length));
    expect(cache.get(key(19))).toEqual({ n: 19 });
    expect(cache.get(key(0))).toBeUndefined();
    const tooLong = `1{"action":"findMany","ids":"${"x".repeat(MAX_KEY)}"}`;
    cache.put(tooLong, {});
    expect(cache.get(tooLong)).toBeUndefined();
  });
});

describe("which queries count as reads", () => {
  it.each([
    ['{"modelName":"User","action":"findUnique","query":{}}', true],
    ['{"modelName":"Vote","action":"groupBy","query":{}}', true],
    ['{"modelName":"Ballot","action":"upsertOne","query":{}}', false],
    ['{"modelName":"User","action":"updateMany","query":{}}', false],
    ['{"action":"queryRaw","query":{}}', false],
    // Raw SQL: one SELECT reads (the post counts), anything else is a write.
    [
      String.raw`{"action":"queryRaw","query":{"arguments":{"query":"\n  SELECT \"a\" FROM \"Post\" WHERE \"b\" IN (?)","parameters":"[\"x\"]"},"selection":{}}}`,
      true,
    ],
    [
      String.raw`{"action":"queryRaw","query":{"arguments":{"query":"select 1","parameters":"[]"},"selection":{}}}`,
      true,
    ],
    [
      String.raw`{"action":"queryRaw","query":{"arguments":{"query":"SELECT 1; DELETE FROM \"Post\"","parameters":"[]"},"selection":{}}}`,
      false,
    ],
    [
      String.raw`{"action":"queryRaw","query":{"arguments":{"query":"PRAGMA journal_mode = WAL","parameters":"[]"},"selection":{}}}`,
      false,
    ],
    [
      String.raw`{"action":"queryRaw","query":{"arguments":{"query":"DELETE FROM \"LoginAttempt\" WHERE 0 RETURNING 1","parameters":"[]"},"selection":{}}}`,
      false,
    ],
    [
      String.raw`{"action":"executeRaw","query":{"arguments":{"query":"SELECT 1","parameters":"[]"},"selection":{}}}`,
      false,
    ],
    ['{"batch":[{"action":"findUnique"},{"action":"findUnique"}]}', true],
    ['{"batch":[{"action":"findUnique"},{"action":"deleteMany"}]}', false],
    // A filter on a field called "action" reads as a write: compiled each time, no harm.
    ['{"action":"findMany","query":{"arguments":{"where":{"action":"cast"}}}}', false],
    ["{}", false],
  ])("%s → %s", (query, read) => {
    expect(onlyReads(query)).toBe(read);
  });
});

describe("instants and identifiers as parameters", () => {
  const at = (iso: string) => `{"$type":"DateTime","value":"${iso}"}`;
  const param = (n: number) => `{"$type":"Param","value":"minga_value_${n}"}`;

  it("names each instant in order, and leaves a query without one alone", () => {
    const query = `{"action":"findMany","query":{"arguments":{"where":{"a":{"gte":${at("2026-01-01T00:00:00.000Z")}},"b":{"lt":${at("2026-02-01T00:00:00.000Z")}}}}}}`;
    expect(valuesAsParameters(query)).toEqual({
      shape: `{"action":"findMany","query":{"arguments":{"where":{"a":{"gte":${param(0)}},"b":{"lt":${param(1)}}}}}}`,
      values: ["2026-01-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z"],
    });
    expect(valuesAsParameters('{"action":"findMany","query":{}}')).toBeNull();
    // Typed text that looks like an instant is a JSON string, its quotes escaped: untouched.
    const typed = JSON.stringify({ where: { title: at("2026-01-01T00:00:00.000Z") } });
    expect(valuesAsParameters(typed)).toBeNull();
  });

  it("names the identifiers a query filters on, alone, in lists and in composite keys, and nothing else", () => {
    const query = JSON.stringify({
      modelName: "Membership",
      action: "findMany",
      query: {
        arguments: {
          where: {
            userId_platformId: { userId: "u1", platformId: "p1" },
            groupId: { in: ["g1", "g2"] },
            status: "active",
            title: "userId",
          },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: 5,
        },
        selection: { user: { arguments: { where: { id: { not: "u2" } } }, selection: {} } },
      },
    });
    const shaped = valuesAsParameters(query)!;
    expect(shaped.values).toEqual(["u1", "p1", "g1", "g2", "u2"]);
    const shape = JSON.parse(shaped.shape);
    expect(shape.query.arguments.where).toEqual({
      userId_platformId: { userId: JSON.parse(param(0)), platformId: JSON.parse(param(1)) },
      groupId: { in: [JSON.parse(param(2)), JSON.parse(param(3))] },
      status: "active",
      title: "userId",
    });
    // A sort order holds directions, not values.
    expect(shape.query.arguments.orderBy).toEqual([{ createdAt: "desc" }, { id: "desc" }]);
    expect(shape.query.selection.user.arguments.where.id).toEqual({ not: JSON.parse(param(4)) });
  });

  it("writes the values back into a plan, sharing what holds none", () => {
    const planParam = (n: number) => ({
      prisma__type: "param",
      prisma__value: { name: `minga_value_${n}`, type: "DateTime" },
    });
    const untouched = { fields: { id: { type: "field" } } };
    const plan = {
      args: ["x", planParam(1), [planParam(0)]],
      structure: untouched,
      other: planParam(9),
    };
    const other = { prisma__type: "param", prisma__value: { name: "theirs" } };
    const filled = fillIn({ ...plan, theirs: other }, ["A", "B"]) as Record<string, unknown>;
    expect(filled.args).toEqual(["x", "B", ["A"]]);
    expect(filled.structure).toBe(untouched);
    expect(filled.theirs).toBe(other);
    // The kept plan itself is not changed.
    expect(plan.args[1]).toEqual(planParam(1));
    // One template filled twice (two requests): each gets its own values, the plan neither.
    const template = new Template(plan);
    const first = template.fill(["A", "B"]) as typeof plan;
    const second = template.fill(["C", "D"]) as typeof plan;
    expect([first.args, second.args]).toEqual([
      ["x", "B", ["A"]],
      ["x", "D", ["C"]],
    ]);
    expect(second.structure).toBe(untouched);
    expect(plan.args).toEqual(["x", planParam(1), [planParam(0)]]);
    // A plan that is a parameter alone is its value.
    expect(new Template(planParam(0)).fill(["E"])).toBe("E");
  });

  it("keeps queries word for word when their shape's plan with parameters is not the query's plan", () => {
    const cache = new PlanCache();
    const compiled: string[] = [];
    // A compiler that writes the instant into the SQL text itself: no parameter to fill in.
    const compile = (json: string) => {
      compiled.push(json);
      return { sql: `WHERE t >= '${/"value":"([^"]*)"/.exec(json)![1]}'` };
    };
    const query = (iso: string) => `{"action":"findMany","query":{"where":{"t":${at(iso)}}}}`;
    for (const iso of ["2026-01-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z"]) {
      const plan = cache.plan("1", query(iso), compile);
      expect(plan).toEqual({ sql: `WHERE t >= '${iso}'` });
    }
    // First sight: the query and its shape; then each new query alone.
    expect(compiled).toHaveLength(3);
  });
});
