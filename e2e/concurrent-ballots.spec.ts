import { expect, test } from "./fixtures";
import { seedVotingPlatform } from "./voting-platform";

/**
 * 300 members each send two different ballots at the same moment, through the real HTTP
 * action of the production server: exactly one ballot per member must remain, none lost.
 */
const MEMBERS = 300;

test("300 members voting twice at the same moment leave exactly 300 ballots", async ({
  baseURL,
}) => {
  test.setTimeout(120_000);
  process.env.DATABASE_URL ??= "file:./.tmp/e2e.db";
  const { db } = await import("../app/db.server");
  const seeded = await seedVotingPlatform(db, MEMBERS, "concurrencia");
  const { platform, proposal, vote } = seeded;
  const sessions = seeded.members.map((p) => ({
    userId: p.userId,
    cookie: `minga_session=${p.sessionId}`,
  }));
  const coordinator = {
    userId: seeded.coordinator.userId,
    cookie: `minga_session=${seeded.coordinator.sessionId}`,
  };
  const [yes, no, abstain] = vote.options.map((o) => o.id);
  const url = `${baseURL}/platforms/${platform.slug}/proposals/${proposal.id}`;
  const post = (cookie: string, fields: Record<string, string>) =>
    fetch(url, {
      method: "POST",
      redirect: "manual",
      headers: {
        Cookie: cookie,
        Origin: baseURL!,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams(fields),
    });
  const ballot = (cookie: string, optionId: string) => post(cookie, { intent: "ballot", optionId });

  // Two different ballots per member, all 600 in flight together.
  const first = await Promise.all(
    sessions.flatMap((s, i) => [
      ballot(s.cookie, i % 2 ? yes : no),
      ballot(s.cookie, i % 2 ? no : yes),
    ]),
  );
  expect(first.map((r) => r.status).filter((s) => s !== 302)).toEqual([]);
  const afterBurst = await db.ballot.findMany({ where: { voteId: vote.id } });
  expect(afterBurst).toHaveLength(MEMBERS);
  expect(new Set(afterBurst.map((b) => b.userId)).size).toBe(MEMBERS);
  expect(afterBurst.every((b) => b.optionId === yes || b.optionId === no)).toBe(true);

  // Each member's last choice is the one counted: one more ballot each, again all at once.
  const last = (i: number) => (i % 3 === 0 ? abstain : i % 3 === 1 ? yes : no);
  const second = await Promise.all(sessions.map((s, i) => ballot(s.cookie, last(i))));
  expect(second.map((r) => r.status).filter((s) => s !== 302)).toEqual([]);
  const final = await db.ballot.findMany({ where: { voteId: vote.id } });
  expect(final).toHaveLength(MEMBERS);
  const byUser = new Map(final.map((b) => [b.userId, b.optionId]));
  expect(sessions.every((s, i) => byUser.get(s.userId) === last(i))).toBe(true);

  // Closing counts every ballot once.
  const closed = await post(coordinator.cookie, {
    intent: "closeVote",
    reason: "Fin de la prueba",
  });
  expect(closed.status).toBe(302);
  const csv = await (
    await fetch(`${url}/result.csv`, { headers: { "Accept-Language": "en" } })
  ).text();
  expect(csv).toContain("Yes,100,0,100");
  expect(csv).toContain("No,100,0,100");
  expect(csv).toContain("Abstain,100,0,100");
  expect(csv).toContain("Participation,300");
});
