/**
 * Fills the database named by DATABASE_URL with one platform of N voting members (sessions
 * made directly), a coordinator, an open secret yes/no vote, and one account with a known
 * password; prints what the caller needs as JSON. Used by e2e/two-instances.spec.ts.
 */
import { randomBytes } from "node:crypto";
import { db } from "../app/db.server";
import { hashPassword } from "../app/auth/password.server";

const MEMBERS = Number(process.argv[2] ?? 300);
const PASSWORD = process.argv[3] ?? "el río napo nos une a todos";

async function main() {
  const tag = randomBytes(4).toString("hex");
  const platform = await db.platform.create({
    data: {
      slug: `dos-instancias-${tag}`,
      name: `Dos instancias ${tag}`,
      descriptionEs: "Prueba",
      descriptionEn: "Test",
      country: "EC",
      region: "Sucumbíos",
      timeZone: "America/Guayaquil",
    },
  });
  const people = Array.from({ length: MEMBERS + 1 }, (_, i) => ({
    userId: `u${tag}${i}`,
    participantId: `p${tag}${i}`,
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
  const coordinator = people[MEMBERS];
  const proposal = await db.proposal.create({
    data: {
      platformId: platform.id,
      authorId: coordinator.userId,
      title: "Propuesta de dos instancias",
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
  const login = await db.user.create({
    data: {
      email: `acceso-${tag}@example.org`,
      name: "Acceso",
      passwordHash: await hashPassword(PASSWORD),
    },
  });
  const guessed = await db.user.create({
    data: {
      email: `adivinada-${tag}@example.org`,
      name: "Adivinada",
      passwordHash: await hashPassword(PASSWORD),
    },
  });
  console.log(
    JSON.stringify({
      path: `/platforms/${platform.slug}/proposals/${proposal.id}`,
      voteId: vote.id,
      options: vote.options.map((o) => o.id),
      members: people.slice(0, MEMBERS).map((p) => ({ userId: p.userId, session: p.sessionId })),
      coordinator: coordinator.sessionId,
      loginEmail: login.email,
      guessedEmail: guessed.email,
      password: PASSWORD,
    }),
  );
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
