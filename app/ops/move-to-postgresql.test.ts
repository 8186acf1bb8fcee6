import { execFileSync } from "node:child_process";
import { createClient, db, type Db } from "~/db.server";
import { seedDemoContent } from "~/demo/demo-content.server";
import { makeWorld } from "~/test/world";
import { dropDatabase, onServer, testPostgresqlUrl, withDatabase } from "~/test/postgresql";
import { MODELS, moveToPostgresql } from "./move-to-postgresql";

// Runs in the SQLite pass (its database is the source), against the throwaway cluster.
const server = process.env.TEST_DATABASE === "postgresql" ? null : testPostgresqlUrl();
const count = (client: unknown, model: string) =>
  (client as Record<string, { count(): Promise<number> }>)[
    model[0].toLowerCase() + model.slice(1)
  ].count();

describe.runIf(server)("npm run db:move-to-postgresql", () => {
  const database = `minga_move_${process.pid}`;
  const url = server ? withDatabase(server, database) : "";
  beforeAll(async () => {
    await dropDatabase(server!, database);
    await onServer(server!, (c) => c.query(`CREATE DATABASE ${database}`));
    execFileSync("npx", ["prisma", "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" },
      stdio: "pipe",
    });
  }, 120_000);
  afterAll(() => dropDatabase(server!, database));

  it("copies every row of every table, values intact, and refuses a database with rows", async () => {
    // The demo: nearly every table, replies that point at other posts, audit events.
    expect(await seedDemoContent()).toEqual({ seeded: true });
    await makeWorld();
    const target = createClient(url);
    try {
      const copied = await moveToPostgresql(db, target);
      for (const model of MODELS) {
        const rows = await count(db, model);
        expect({ model, rows: copied[model] }).toEqual({ model, rows });
        expect({ model, rows: await count(target, model) }).toEqual({ model, rows });
      }
      const filled = MODELS.filter((m) => copied[m] > 0);
      expect(filled.length, `tables with rows: ${filled.join(", ")}`).toBeGreaterThan(25);
      for (const read of [
        (c: Db) => c.user.findMany({ orderBy: { id: "asc" } }),
        (c: Db) => c.post.findMany({ orderBy: { id: "asc" } }),
        (c: Db) => c.ballot.findMany({ orderBy: { id: "asc" } }),
      ])
        expect(await read(target)).toEqual(await read(db));
      await expect(moveToPostgresql(db, target)).rejects.toThrow(/not empty/);
    } finally {
      await target.$disconnect();
    }
  });
});
