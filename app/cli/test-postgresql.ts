// `npm run test:postgresql [-- vitest filters]`: the Vitest suite again, on PostgreSQL. Uses
// TEST_POSTGRESQL_URL (a role that may create databases) or the throwaway cluster, started
// here (and stopped after, if it was not running). Without PostgreSQL it fails — CI must run
// it — unless SKIP_POSTGRESQL=1, for a quick local run.
import { spawnSync } from "node:child_process";
import { clusterFor, isRunning, pgBin, startCluster, stopCluster } from "~/ops/pg-cluster";

if (process.env.SKIP_POSTGRESQL === "1") {
  console.warn("SKIPPED the PostgreSQL pass (SKIP_POSTGRESQL=1).");
  process.exit(0);
}
let url = process.env.TEST_POSTGRESQL_URL;
let startedHere = false;
if (!url) {
  if (!pgBin()) {
    console.error(
      "The PostgreSQL pass needs PostgreSQL: apt-get install postgresql (as .ci/run does), " +
        "or TEST_POSTGRESQL_URL=postgresql://… (a role that may create databases). " +
        "SKIP_POSTGRESQL=1 skips it for a local run.",
    );
    process.exit(1);
  }
  const cluster = clusterFor();
  startedHere = !isRunning(cluster);
  url = startCluster(cluster).url;
}
const started = Date.now();
const run = spawnSync("npx", ["vitest", "run", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, TEST_DATABASE: "postgresql", TEST_POSTGRESQL_URL: url },
});
console.log(`PostgreSQL pass: ${Math.round((Date.now() - started) / 1000)} s.`);
if (startedHere) stopCluster();
process.exit(run.status ?? 1);
