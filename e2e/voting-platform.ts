import { randomBytes } from "node:crypto";
import type { Db } from "../app/db.server";

/**
 * One platform of `members` voting members and a coordinator, each with a session made
 * directly (no login), and an open secret yes/no vote on a proposal: the load the
 * concurrent-ballot tests send. Bulk inserts, each a single short write: a running server
 * may share the database, and a long transaction here would keep its writes waiting.
 */
export async function seedVotingPlatform(db: Db, members: number, slugPrefix: string) {
  const tag = randomBytes(4).toString("hex");
  const platform = await db.platform.create({
    data: {
      slug: `${slugPrefix}-${tag}`,
      name: `Plataforma de prueba ${tag}`,
      descriptionEs: "Prueba",
      descriptionEn: "Test",
      country: "EC",
      region: "Sucumbíos",
      timeZone: "America/Guayaquil",
    },
  });
  const people = Array.from({ length: members + 1 }, (_, i) => ({
    userId: `u${tag}${i}`,
    participantId: `p${tag}${i}`,
    membershipId: `m${tag}${i}`,
    sessionId: randomBytes(20).toString("hex"),
    name: `Votante ${i}`,
    role: i === members ? "coordinator" : "member",
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
    data: people.map((p) => ({ id: p.participantId, userId: p.userId, name: p.name })),
  });
  await db.membership.createMany({
    data: people.map((p) => ({
      id: p.membershipId,
      userId: p.userId,
      participantId: p.participantId,
      platformId: platform.id,
      status: "active",
      role: p.role,
    })),
  });
  await db.membershipPeriod.createMany({
    data: people.map((p) => ({
      membershipId: p.membershipId,
      platformId: platform.id,
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
  const coordinator = people[members];
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
  return {
    tag,
    platform,
    proposal,
    vote,
    members: people.slice(0, members),
    coordinator,
    path: `/platforms/${platform.slug}/proposals/${proposal.id}`,
  };
}
