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
const VOTERS = 200;

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
  const expires = new Date(Date.now() + 24 * 3600_000).toISOString().replace("Z", "+00:00");
  const insert = sqlite.prepare(
    `INSERT INTO "Session" ("id", "userId", "expiresAt", "createdAt") VALUES (?, ?, ?, ?)`,
  );
  const voters = users.map((u) => {
    const sessionId = randomBytes(20).toString("hex");
    insert.run(sessionId, u.id, expires, expires);
    return { userId: u.id, cookie: `minga_session=${sessionId}` };
  });
  sqlite.close();

  let server: RunningServer | null = await startServer({
    port: PORT,
    databaseUrl: `file:${FILE}`,
  });
  const target = `/platforms/${world.bigSlug}/proposals/${proposalId}`;
  // Per member: the last choice acknowledged, and the one in flight when the server died.
  const acknowledged = new Map<string, string>();
  const unanswered = new Map<string, string>();
  let successes = 0;
  let killed = false;

  const voteLoop = async (voter: (typeof voters)[number], index: number) => {
    for (let round = 0; !killed; round++) {
      const optionId = options[(index + round) % options.length];
      try {
        const response = await postForm(server!.url, target, voter.cookie, {
          intent: "ballot",
          optionId,
        });
        await response.arrayBuffer();
        if (response.status === 302) {
          acknowledged.set(voter.userId, optionId);
          successes++;
        } else if (!killed) {
          throw new Error(`ballot refused: ${response.status}`);
        }
      } catch (error) {
        if (!killed) throw error;
        // Cut off by the crash: it may or may not have been committed.
        unanswered.set(voter.userId, optionId);
        return;
      }
    }
  };
  const loops = voters.map((v, i) => voteLoop(v, i));
  // Kill in the middle of the load, once a good number of ballots were acknowledged.
  while (successes < 400) await new Promise((r) => setTimeout(r, 20));
  killed = true;
  await server.stop("SIGKILL");
  await Promise.all(loops);
  const acknowledgedBeforeKill = successes;
  expect(acknowledgedBeforeKill).toBeGreaterThanOrEqual(400);

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
    // choice or the one cut off by the crash; no ballot from anyone else.
    expect(acknowledged.size).toBeGreaterThan(VOTERS / 2);
    for (const [userId, optionId] of acknowledged) {
      const held = byUser.get(userId) ?? [];
      expect(held, userId).toHaveLength(1);
      expect([optionId, unanswered.get(userId)]).toContain(held[0]);
    }
    const known = new Set([...acknowledged.keys(), ...unanswered.keys()]);
    expect([...byUser.keys()].filter((u) => !known.has(u))).toEqual([]);
  } finally {
    await server.stop();
    removeDatabase(FILE);
  }
});
