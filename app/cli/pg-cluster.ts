// `npm run pg:start` / `npm run pg:stop`: a throwaway PostgreSQL cluster on PG_PORT (55432)
// for tests and for writing migrations. `start` prints the DATABASE_URL to use.
import { clusterFor, startCluster, stopCluster } from "~/ops/pg-cluster";

const command = process.argv[2];
const cluster = clusterFor();
if (command === "start") {
  startCluster(cluster);
  console.log(cluster.url);
} else if (command === "stop") {
  stopCluster(cluster);
  console.log(`Stopped the cluster on port ${cluster.port} and removed ${cluster.dir}.`);
} else {
  console.error("Usage: tsx app/cli/pg-cluster.ts start|stop   (PG_PORT picks the port)");
  process.exit(2);
}
