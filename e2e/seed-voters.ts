/**
 * Fills the database named by DATABASE_URL with one platform of N voting members (sessions
 * made directly), a coordinator, an open secret yes/no vote, and one account with a known
 * password; prints what the caller needs as JSON. Used by e2e/two-instances.spec.ts.
 */
import { db } from "../app/db.server";
import { hashPassword } from "../app/auth/password.server";
import { seedVotingPlatform } from "./voting-platform";

const MEMBERS = Number(process.argv[2] ?? 300);
const PASSWORD = process.argv[3] ?? "el río napo nos une a todos";

async function main() {
  const { tag, path, vote, members, coordinator } = await seedVotingPlatform(
    db,
    MEMBERS,
    "dos-instancias",
  );
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
      path,
      voteId: vote.id,
      options: vote.options.map((o) => o.id),
      members: members.map((p) => ({ userId: p.userId, session: p.sessionId })),
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
