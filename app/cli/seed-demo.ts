// Fills an empty database with demo content and prints the demo logins.
// MINGA_DEMO=off skips it (a real deployment starts empty).
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoContent } from "~/demo/demo-content.server";
import { db, prepareDatabase } from "~/db.server";

if (process.env.MINGA_DEMO === "off") {
  console.log("MINGA_DEMO=off: no demo content.");
} else {
  await prepareDatabase();
  const { seeded } = await seedDemoContent();
  const port = process.env.PORT ?? "3000";
  console.log(seeded ? "\nDemo content created." : "\nDemo content already present.");
  console.log(
    `\nMinga: http://localhost:${port}\n\nDemo logins (password for all: ${DEMO_PASSWORD})`,
  );
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(12)} ${a.email}`);
  console.log("");
}
await db.$disconnect();
