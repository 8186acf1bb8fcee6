// `DATABASE_URL=postgresql://… npm run db:move-to-postgresql [-- file:./data/minga.db]`: copies
// a SQLite installation's database (default data/minga.db) into an empty PostgreSQL database.
// Both are first brought to the latest migrations. Stop the portal first; copy UPLOADS_DIR too.
import { execFileSync } from "node:child_process";
import { createClient } from "~/db.server";
import { databaseProvider } from "~/db-url.server";
import { moveToPostgresql } from "~/ops/move-to-postgresql";

const target = process.env.DATABASE_URL ?? "";
const source = process.argv[2] ?? "file:./data/minga.db";
if (databaseProvider(target) !== "postgresql" || databaseProvider(source) !== "sqlite") {
  console.error(
    "Usage: DATABASE_URL=postgresql://… npm run db:move-to-postgresql [-- file:path/to/minga.db]",
  );
  process.exit(2);
}
for (const url of [source, target]) {
  try {
    execFileSync("npx", ["prisma", "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" },
      stdio: "pipe",
    });
  } catch (e) {
    console.error(
      `Could not migrate ${url.replace(/:[^:@/]*@/, ":…@")}:\n${(e as { stderr?: Buffer }).stderr}`,
    );
    process.exit(1);
  }
}
const from = createClient(source);
const to = createClient(target);
try {
  const started = Date.now();
  const copied = await moveToPostgresql(from, to);
  const total = Object.values(copied).reduce((a, b) => a + b, 0);
  console.log(`Copied ${total} rows in ${Math.round((Date.now() - started) / 1000)} s:`);
  for (const [model, rows] of Object.entries(copied)) if (rows) console.log(`  ${model}: ${rows}`);
  console.log("Start the portal with this DATABASE_URL.");
} catch (e) {
  console.error(`Nothing was copied: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await from.$disconnect();
  await to.$disconnect();
}
