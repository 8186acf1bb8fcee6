import { execFileSync } from "node:child_process";
import { testPostgresqlUrl } from "~/test/postgresql";

// PostgreSQL's migrations are kept beside SQLite's; applied in order (to a scratch database
// the CLI creates), they must give exactly the schema generated from prisma/schema.prisma.
// Runs in the SQLite pass of `npm test` (once is enough), against the throwaway cluster.
const server = process.env.TEST_DATABASE === "postgresql" ? null : testPostgresqlUrl();
if (!server && process.env.TEST_DATABASE !== "postgresql")
  console.warn("SKIPPED: PostgreSQL is not installed, its migrations were not checked.");

describe.runIf(server)("PostgreSQL's migrations", () => {
  it("give the schema generated from prisma/schema.prisma (else: npm run db:migration:new)", () => {
    const diff = () =>
      execFileSync(
        "npx",
        [
          ...["prisma", "migrate", "diff", "--exit-code", "--script"],
          ...["--from-migrations", "prisma/postgresql/migrations"],
          ...["--to-schema-datamodel", "prisma/postgresql/schema.prisma"],
        ],
        { env: { ...process.env, DATABASE_URL: server!, CHECKPOINT_DISABLE: "1" }, stdio: "pipe" },
      );
    try {
      diff();
    } catch (e) {
      const { status, stdout, stderr } = e as { status: number; stdout: Buffer; stderr: Buffer };
      // --exit-code: 2 when they differ (stdout is the missing SQL), 1 on an error.
      throw new Error(
        status === 2
          ? `The migrations miss this:\n${stdout}`
          : `prisma migrate diff failed:\n${stderr}`,
      );
    }
  });
});
