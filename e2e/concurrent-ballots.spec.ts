import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";

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
  const tag = randomBytes(4).toString("hex");

  const platform = await db.platform.create({
    data: {
      slug: `concurrencia-${tag}`,
      name: `Plataforma de prueba ${tag}`,
      descriptionEs: "Prueba de concurrencia",
      descriptionEn: "Concurrency test",
      country: "EC",
      region: "Sucumbíos",
      timeZone: "America/Guayaquil",
    },
  });
  // Bulk inserts, each a single short write: the running server shares this SQLite file,
  // and a long transaction here would keep its writes waiting.
  const people = Array.from({ length: MEMBERS + 1 }, (_, i) => ({
    userId: `u${tag}${i}`,
    membershipId: `m${tag}${i}`,
    sessionId: randomBytes(20).toString("hex"),
    name: `Votante ${i}`,
    role: i === MEMBERS ? "coordinator" : "member",
  }));
  await db.user.createMany({
    data: people.map((p, i) => ({
      id: p.userId,
      email: `votante-${tag}-${i}@example.org`,
      name: p.name,
      passwordHash: "not-used",
    })),
  });
  await db.participant.createMany({
    data: people.map((p) => ({ id: p.userId, userId: p.userId, name: p.name })),
  });
  await db.membership.createMany({
    data: people.map((p) => ({
      id: p.membershipId,
      // Each person record was given its account's id above.
      participantId: p.userId,
      userId: p.userId,
      platformId: platform.id,
      status: "active",
      role: p.role,
    })),
  });
  await db.membershipPeriod.createMany({
    data: people.map((p) => ({
      membershipId: p.membershipId,
      startedAt: new Date("2026-01-01T00:00:00Z"),
    })),
  });
  await db.session.createMany({
    data: people.map((p) => ({
      id: p.sessionId,
      userId: p.userId,
      expiresAt: new Date(Date.now() + 24 * 3600_000),
    })),
  });
  const sessions = people.map((p) => ({
    userId: p.userId,
    cookie: `minga_session=${p.sessionId}`,
  }));
  const coordinator = sessions.pop()!;
  const proposal = await db.proposal.create({
    data: {
      platformId: platform.id,
      authorId: coordinator.userId,
      title: "Propuesta muy votada",
      summary: "Prueba",
      state: "voting",
    },
  });
  const vote = await db.vote.create({
    data: {
      proposalId: proposal.id,
      platformId: platform.id,
      kind: "yesNo",
      secret: true,
      opensAt: new Date(Date.now() - 60_000),
      closesAt: new Date(Date.now() + 3600_000),
      quorumPercent: 50,
      approvalRule: "simple",
      options: {
        create: ["yes", "no", "abstain"].map((code, position) => ({ code, label: code, position })),
      },
    },
    include: { options: { orderBy: { position: "asc" } } },
  });
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
