import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { migrateFresh, removeDatabase, seedFile } from "../app/bench/prepare";
import type { BenchSizes } from "../app/bench/seed";
import { type RunningServer, postForm, startServer } from "../app/bench/server";

/**
 * A crash under load loses no acknowledged ballot: members vote (each one ballot after
 * another) against the production build on its own database, the server is SIGKILLed in the
 * middle, restarted on the same file, and every ballot that got its success answer (the
 * redirect) is in the database exactly once — the member's last acknowledged choice, or the
 * one whose request was cut off by the crash.
 *
 * A plain test under Playwright's runner, so it runs after `npm run build` in `npm test`.
 * Its server listens on E2E_PORT + 200 (its own port, next to the suite's).
 */
const PORT = Number(process.env.E2E_PORT ?? 3100) + 200;
const FILE = path.resolve(`.tmp/durability-${PORT}.db`);
const VOTERS = 60;

const SIZES: BenchSizes = {
  users: 260,
  bigMembers: VOTERS + 20,
  meetings: 6,
  upcomingMeetings: 2,
  attendancePerMeeting: 20,
  rsvpsPerUpcoming: 10,
  proposals: 6,
  openVotes: 2,
  closedVotes: 1,
  ballotsPerOpenVote: 0,
  ballotsPerClosedVote: 30,
  smallPlatforms: 1,
  smallMembers: 10,
  courses: 2,
  enrolledPerCourse: 5,
  sessionsPerCourse: 2,
  groups: 1,
  threads: 2,
  posts: 4,
};

test.describe.configure({ mode: "serial" });

test("ballots acknowledged before a SIGKILL are all there after the restart, once each", async () => {
  test.setTimeout(90_000);
  migrateFresh(FILE);
  const world = await seedFile(FILE, SIZES);
  const proposalId = world.proposalWithVoteId;

  // Sessions written straight into the table (logging 200 people in is not under test).
  const sqlite = new Database(FILE);
  const voteId = (
    sqlite.prepare(`SELECT "id" FROM "Vote" WHERE "proposalId" = ?`).get(proposalId) as {
      id: string;
    }
  ).id;
  const options = (
    sqlite
      .prepare(`SELECT "id" FROM "VoteOption" WHERE "voteId" = ? ORDER BY "position"`)
      .all(voteId) as { id: string }[]
  ).map((o) => o.id);
  const users = sqlite
    .prepare(
      `SELECT u."id" AS id FROM "User" u JOIN "Membership" m ON m."userId" = u."id"
       JOIN "Platform" p ON p."id" = m."platformId"
       WHERE p."slug" = ? AND m."status" = 'active' AND m."role" = 'member' ORDER BY u."id" LIMIT ?`,
    )
    .all(world.bigSlug, VOTERS) as { id: string }[];
  expect(users).toHaveLength(VOTERS);
  // 30 days, as a login gives: no renewal write on each request.
  const iso = (t: number) => new Date(t).toISOString().replace("Z", "+00:00");
  const expires = iso(Date.now() + 30 * 24 * 3600_000);
  const insert = sqlite.prepare(
    `INSERT INTO "Session" ("id", "userId", "expiresAt", "createdAt") VALUES (?, ?, ?, ?)`,
  );
  const voters = users.map((u) => {
    const sessionId = randomBytes(20).toString("hex");
    insert.run(sessionId, u.id, expires, iso(Date.now()));
    return { userId: u.id, cookie: `minga_session=${sessionId}` };
  });
  sqlite.close();

  let server: RunningServer | null = await startServer({
    port: PORT,
    databaseUrl: `file:${FILE}`,
  });
  const target = `/platforms/${world.bigSlug}/proposals/${proposalId}`;
  // Per member: the last choice acknowledged, and the choices sent after it that got no
  // answer (cut off by the crash, or a connection reset under load): each of those may or
  // may not have been committed.
  const acknowledged = new Map<string, string>();
  const uncertain = new Map<string, string[]>();
  let successes = 0;
  let sent = 0;
  let resetsBeforeKill = 0;
  let killed = false;

  const voteLoop = async (voter: (typeof voters)[number], index: number) => {
    for (let round = 0; !killed; round++) {
      const optionId = options[(index + round) % options.length];
      sent++;
      try {
        const response = await postForm(server!.url, target, voter.cookie, {
          intent: "ballot",
          optionId,
        });
        await response.arrayBuffer();
        // Success is the redirect back to the proposal (not to the login page, not a 4xx).
        const location = response.headers.get("location") ?? "";
        if (response.status === 302 && location.startsWith(target)) {
          acknowledged.set(voter.userId, optionId);
          uncertain.delete(voter.userId);
          successes++;
        } else if (!killed) {
          throw new Error(`ballot refused: ${response.status} ${location}`);
        }
      } catch (error) {
        if (error instanceof Error && error.message.startsWith("ballot refused")) throw error;
        if (!killed) resetsBeforeKill++;
        uncertain.set(voter.userId, [...(uncertain.get(voter.userId) ?? []), optionId]);
      }
    }
  };
  const loops = voters.map((v, i) => voteLoop(v, i));
  // Kill in the middle of the load, once a good number of ballots were acknowledged.
  while (successes < 150) await new Promise((r) => setTimeout(r, 20));
  killed = true;
  await server.stop("SIGKILL");
  await Promise.all(loops);
  expect(successes).toBeGreaterThanOrEqual(150);
  // Connections reset under this load (see docs/benchmarks.md) only widen what is uncertain.
  test.info().annotations.push({
    type: "load",
    description: `${sent} ballots sent, ${successes} acknowledged, ${resetsBeforeKill} connections reset before the kill`,
  });

  // Restart on the same file: SQLite recovers from its write-ahead log.
  server = await startServer({ port: PORT, databaseUrl: `file:${FILE}` });
  try {
    const page = await fetch(`${server.url}${target}`, { headers: { Cookie: voters[0].cookie } });
    expect(page.status).toBe(200);

    const check = new Database(FILE, { readonly: true });
    expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
    const rows = check
      .prepare(`SELECT "userId", "optionId" FROM "Ballot" WHERE "voteId" = ?`)
      .all(voteId) as { userId: string; optionId: string }[];
    check.close();
    const byUser = new Map<string, string[]>();
    for (const r of rows) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r.optionId]);

    // Exactly one ballot per member who got an answer, holding their last acknowledged
    // choice or one sent after it without an answer; no ballot from anyone else.
    // How many different members were answered depends on how fairly the loaded server
    // serves the connections (18 of 60 was seen on a busy machine); a handful is enough to
    // check the property, each of them exactly.
    expect(acknowledged.size).toBeGreaterThanOrEqual(5);
    for (const [userId, optionId] of acknowledged) {
      const held = byUser.get(userId) ?? [];
      expect(held, userId).toHaveLength(1);
      expect([optionId, ...(uncertain.get(userId) ?? [])]).toContain(held[0]);
    }
    const known = new Set([...acknowledged.keys(), ...uncertain.keys()]);
    expect([...byUser.keys()].filter((u) => !known.has(u))).toEqual([]);
  } finally {
    await server.stop();
    removeDatabase(FILE);
  }
});
