import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { onServer, testPostgresqlUrl, withDatabase } from "../app/test/postgresql";
import { SERVER_NODE_FLAGS } from "../app/bench/server";

/**
 * Two app instances on one PostgreSQL database, as behind a reverse proxy: the 300-voter
 * burst split across both leaves exactly one ballot per member, each member's last choice;
 * a login throttled on one is throttled on the other; a session made on one is valid on the
 * other. Needs PostgreSQL, as the PostgreSQL pass of the unit tests does.
 */
const MEMBERS = 300;
const PORTS = [
  Number(process.env.E2E_PORT ?? 3100) + 301,
  Number(process.env.E2E_PORT ?? 3100) + 302,
];

interface Seeded {
  path: string;
  voteId: string;
  options: string[];
  members: { userId: string; session: string }[];
  coordinator: string;
  loginEmail: string;
  guessedEmail: string;
  password: string;
}

async function waitUntilUp(base: string, child: ChildProcess) {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`instance at ${base} exited (${child.exitCode})`);
    try {
      if ((await fetch(`${base}/`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`instance at ${base} did not start`);
}

test("two instances on one PostgreSQL database: ballots, throttling and sessions agree", async () => {
  test.setTimeout(240_000);
  // As `npm run test:postgresql`: PostgreSQL is required, unless SKIP_POSTGRESQL=1 (local runs).
  test.skip(process.env.SKIP_POSTGRESQL === "1", "SKIP_POSTGRESQL=1");
  const server = testPostgresqlUrl();
  if (!server) throw new Error("This test needs PostgreSQL: apt-get install postgresql");
  const name = `minga_two_${randomBytes(4).toString("hex")}`;
  await onServer(server, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = withDatabase(server, name);
  const env = { ...process.env, DATABASE_URL: url, NODE_ENV: "production" as const };
  const instances: ChildProcess[] = [];
  const logs: string[] = [];
  try {
    execFileSync("npx", ["prisma", "migrate", "deploy"], { env, stdio: "ignore" });
    const seeded = JSON.parse(
      execFileSync("npx", ["tsx", "e2e/seed-voters.ts", String(MEMBERS)], { env, encoding: "utf8" })
        .trim()
        .split("\n")
        .pop()!,
    ) as Seeded;
    const bases = PORTS.map((port) => `http://localhost:${port}`);
    for (const port of PORTS) {
      const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, "build/index.js"], {
        env: { ...env, PORT: String(port), DATABASE_POOL_SIZE: "20" },
        stdio: ["ignore", "ignore", "pipe"],
      });
      child.stderr!.on("data", (chunk: Buffer) => logs.push(`[${port}] ${chunk.toString()}`));
      instances.push(child);
    }
    await Promise.all(bases.map((base, i) => waitUntilUp(base, instances[i])));

    const post = (base: string, path: string, cookie: string, fields: Record<string, string>) =>
      fetch(`${base}${path}`, {
        method: "POST",
        redirect: "manual",
        headers: {
          Cookie: cookie,
          Origin: base,
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams(fields),
      });
    const ballot = (base: string, session: string, optionId: string) =>
      post(base, seeded.path, `minga_session=${session}`, { intent: "ballot", optionId });
    const [yes, no, abstain] = seeded.options;

    // Every member sends two different ballots at once, one to each instance.
    const burst = await Promise.all(
      seeded.members.flatMap((m, i) => [
        ballot(bases[i % 2], m.session, i % 2 ? yes : no),
        ballot(bases[(i + 1) % 2], m.session, i % 2 ? no : yes),
      ]),
    );
    expect(burst.map((r) => r.status).filter((s) => s !== 302)).toEqual([]);
    // Then a last choice each, again split across both.
    const last = (i: number) => (i % 3 === 0 ? abstain : i % 3 === 1 ? yes : no);
    const second = await Promise.all(
      seeded.members.map((m, i) => ballot(bases[(i + 1) % 2], m.session, last(i))),
    );
    expect(second.map((r) => r.status).filter((s) => s !== 302)).toEqual([]);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const rows = (
        await client.query<{ userId: string; optionId: string }>(
          'SELECT "userId", "optionId" FROM "Ballot" WHERE "voteId" = $1',
          [seeded.voteId],
        )
      ).rows;
      expect(rows).toHaveLength(MEMBERS);
      const byUser = new Map(rows.map((r) => [r.userId, r.optionId]));
      expect(seeded.members.filter((m, i) => byUser.get(m.userId) !== last(i))).toEqual([]);
    } finally {
      await client.end();
    }

    // Closed on one instance, the result read on the other counts every ballot once.
    const closed = await post(bases[1], seeded.path, `minga_session=${seeded.coordinator}`, {
      intent: "closeVote",
      reason: "Fin de la prueba",
    });
    expect(closed.status).toBe(302);
    const csv = await (
      await fetch(`${bases[0]}${seeded.path}/result.csv`, { headers: { "Accept-Language": "en" } })
    ).text();
    expect(csv).toContain("Yes,100,0,100");
    expect(csv).toContain("No,100,0,100");
    expect(csv).toContain("Abstain,100,0,100");
    expect(csv).toContain("Participation,300");

    // Five wrong passwords on the first instance: the second refuses the sixth try.
    const login = (base: string, email: string, password: string) =>
      post(base, "/login", "", { _form: "login", email, password, redirectTo: "/" });
    for (let i = 0; i < 5; i++) {
      expect((await login(bases[0], seeded.guessedEmail, `mal ${i} contraseña`)).status).toBe(400);
    }
    expect((await login(bases[1], seeded.guessedEmail, seeded.password)).status).toBe(429);

    // A session made by logging in on one instance is valid on the other.
    const signedIn = await login(bases[0], seeded.loginEmail, seeded.password);
    expect(signedIn.status).toBe(302);
    const cookie = signedIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .find((c) => c.startsWith("minga_session="));
    expect(cookie).toBeTruthy();
    const account = await fetch(`${bases[1]}/account`, {
      headers: { Cookie: cookie! },
      redirect: "manual",
    });
    expect(account.status).toBe(200);
    // …and logging out on the second ends it on the first.
    expect((await post(bases[1], "/logout", cookie!, {})).status).toBe(302);
    const after = await fetch(`${bases[0]}/account`, {
      headers: { Cookie: cookie! },
      redirect: "manual",
    });
    expect(after.status).toBe(302);
  } catch (error) {
    console.error(logs.join(""));
    throw error;
  } finally {
    for (const child of instances) child.kill("SIGTERM");
    await onServer(server, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(
      () => undefined,
    );
  }
});
