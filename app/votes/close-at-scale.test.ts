import { randomUUID } from "node:crypto";
import { db } from "~/db.server";
import { makePlatform } from "~/test/world";
import { settleDueVotes } from "./settle.server";

// Found by the benchmark: closing a vote passed every member's id to one query, which fails
// past SQLite's limit of values per statement on a platform of 2,000 members.
it("closes a vote on a platform of 2,000 members, counting only members' ballots", async () => {
  const platform = await makePlatform();
  const ids = Array.from({ length: 2000 }, () => randomUUID());
  await db.user.createMany({
    data: ids.map((id) => ({ id, email: `${id}@example.org`, name: "Socio", passwordHash: "x" })),
  });
  await db.participant.createMany({ data: ids.map((id) => ({ id, userId: id, name: "Socio" })) });
  const since = new Date("2026-01-01T00:00:00Z");
  await db.membership.createMany({
    data: ids.map((userId) => ({
      id: userId,
      participantId: userId,
      userId,
      platformId: platform.id,
      status: "active",
    })),
  });
  await db.membershipPeriod.createMany({
    data: ids.map((membershipId) => ({ membershipId, platformId: platform.id, startedAt: since })),
  });
  const stranger = randomUUID();
  await db.user.create({
    data: { id: stranger, email: `${stranger}@example.org`, name: "Ajeno", passwordHash: "x" },
  });
  const closesAt = new Date(Date.now() - 60_000);
  const vote = await db.vote.create({
    data: {
      proposal: {
        create: {
          platformId: platform.id,
          authorId: ids[0],
          title: "Agua",
          summary: "x",
          state: "voting",
        },
      },
      platformId: platform.id,
      kind: "yesNo",
      secret: false,
      opensAt: new Date(closesAt.getTime() - 86400_000),
      closesAt,
      quorumPercent: 50,
      approvalRule: "simple",
      options: {
        create: [
          { position: 0, code: "yes", label: "Sí" },
          { position: 1, code: "no", label: "No" },
        ],
      },
    },
    include: { options: true },
  });
  const [yes, no] = vote.options;
  await db.ballot.createMany({
    data: [
      ...ids.slice(0, 1100).map((userId) => ({ voteId: vote.id, userId, optionId: yes.id })),
      ...ids.slice(1100, 1300).map((userId) => ({ voteId: vote.id, userId, optionId: no.id })),
      // Not a member: never counted.
      { voteId: vote.id, userId: stranger, optionId: no.id },
    ],
  });

  expect(await settleDueVotes(platform.id)).toBe(1);
  const closed = await db.vote.findUniqueOrThrow({ where: { id: vote.id } });
  expect(closed.outcome).toBe("accepted");
  const result = JSON.parse(closed.result!);
  expect(result.eligible).toBe(2000);
  expect(result.options.map((o: { online: number }) => o.online)).toEqual([1100, 200]);
}, 60_000);
