import { execFile } from "node:child_process";
import { promisify } from "node:util";
import {
  db,
  GlobalClientInTransaction,
  isUniqueViolation,
  provider,
  serializeOn,
  uniqueViolationFields,
} from "~/db.server";
import { PREPARED_MAX_LENGTH, poolSizeFromEnv, statementName } from "~/db-postgresql.server";

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

  it.skipIf(provider() === "postgresql")(
    "waits for another process's write instead of failing a transaction that read first",
    async () => {
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
    },
  );
});

describe.runIf(provider() === "postgresql")("PostgreSQL", () => {
  it("runs transactions side by side on the pool, no process-wide lock", async () => {
    // Each transaction waits until the other has started: with one lock, neither would.
    let started = 0;
    const bothStarted = async () => {
      started++;
      for (let i = 0; i < 200 && started < 2; i++) await sleep(10);
      return started;
    };
    const run = (ip: string) =>
      db.$transaction(async (tx) => {
        await tx.loginAttempt.create({ data: { email: `${ip}@example.org`, ip, success: true } });
        return bothStarted();
      });
    expect(await Promise.all([run("p1"), run("p2")])).toEqual([2, 2]);
  });

  it("keeps a second transaction on the same key out until the first ends (serializeOn)", async () => {
    const order: string[] = [];
    const first = db.$transaction(async (tx) => {
      await serializeOn(tx, "k");
      order.push("first in");
      await sleep(200);
      order.push("first out");
    });
    await sleep(50);
    const second = db.$transaction(async (tx) => {
      await serializeOn(tx, "k");
      order.push("second in");
    });
    await Promise.all([first, second]);
    expect(order).toEqual(["first in", "first out", "second in"]);
  });

  // A transaction keeps one connection of the pool: what it runs is prepared on that one.
  const preparedHere = (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0]) =>
    tx.$queryRawUnsafe<{ name: string; statement: string }[]>(
      `SELECT name, statement FROM pg_prepared_statements WHERE name LIKE 'minga\\_%'`,
    );

  it("prepares each statement once per connection, under a name taken from its text", async () => {
    const found = await db.$transaction(async (tx) => {
      const find = () =>
        tx.platform.findFirst({
          where: { slug: "nowhere", region: "prepared-test" },
          select: { id: true },
        });
      await find();
      const once = await preparedHere(tx);
      await find();
      await find();
      return { once, thrice: await preparedHere(tx) };
    });
    const platformReads = found.once.filter(
      (s) => /"region"/.test(s.statement) && /"slug"/.test(s.statement),
    );
    expect(platformReads).toHaveLength(1);
    expect(platformReads[0].name).toBe(statementName(platformReads[0].statement));
    // Run twice more: the same statement, not a new one each time.
    expect(
      found.thrice.filter((s) => /"region"/.test(s.statement) && /"slug"/.test(s.statement)),
    ).toEqual(platformReads);
  });

  it("plans each run of a prepared statement for its own values", async () => {
    const [setting] =
      await db.$queryRawUnsafe<{ plan_cache_mode: string }[]>("SHOW plan_cache_mode");
    expect(setting.plan_cache_mode).toBe("force_custom_plan");
  });

  it("sends a statement longer than the limit unnamed, and its answer is the same", async () => {
    const ids = Array.from({ length: 1_000 }, (_, i) => `missing-${i}`);
    const { rows, prepared } = await db.$transaction(async (tx) => {
      const rows = await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true } });
      return { rows, prepared: await preparedHere(tx) };
    });
    expect(rows).toEqual([]);
    expect(prepared.every((s) => s.statement.length <= PREPARED_MAX_LENGTH)).toBe(true);
    expect(prepared.some((s) => s.statement.includes("$1000"))).toBe(false);
  });
});

describe("other requests' turn", () => {
  it.runIf(provider() === "sqlite")(
    "lets the server read other requests before each query (SQLite answers synchronously)",
    async () => {
      const order: string[] = [];
      // Stands for another request's socket, ready to be read.
      setImmediate(() => order.push("another request read"));
      await db.platform.count();
      order.push("first query answered");
      expect(order).toEqual(["another request read", "first query answered"]);
    },
  );
});

describe("unique violations", () => {
  it("are recognised by code and field, whichever client raised them", async () => {
    await db.user.create({ data: { email: "same@example.org", name: "A", passwordHash: "x" } });
    const error = await db.user
      .create({ data: { email: "same@example.org", name: "B", passwordHash: "x" } })
      .catch((e: unknown) => e);
    expect(uniqueViolationFields(error)).toEqual(["email"]);
    expect(isUniqueViolation(error, "email")).toBe(true);
    expect(isUniqueViolation(error, "slug")).toBe(false);
  });

  it.each([
    [{ code: "P2002", meta: { target: ["slug"] } }, ["slug"]],
    [{ code: "P2002", meta: { target: "User_email_key" } }, ["User_email_key"]],
    [
      {
        code: "P2002",
        meta: { driverAdapterError: { cause: { constraint: { fields: ['"email"'] } } } },
      },
      ["email"],
    ],
    [{ code: "P2025", meta: {} }, null],
    [new Error("other"), null],
    [null, null],
  ])("reads the fields of %j", (error, fields) => {
    expect(uniqueViolationFields(error)).toEqual(fields);
  });
});

describe("DATABASE_POOL_SIZE", () => {
  it.each([
    [undefined, 10],
    ["", 10],
    ["3", 3],
  ])("%j gives a pool of %i", (value, size) => expect(poolSizeFromEnv(value)).toBe(size));

  it.each(["0", "-1", "2.5", "many"])("refuses %j", (value) => {
    expect(() => poolSizeFromEnv(value)).toThrow(/DATABASE_POOL_SIZE/);
  });
});
