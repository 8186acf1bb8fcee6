import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A throwaway PostgreSQL cluster for tests and for writing migrations: Debian's `postgresql`
 * binaries, a data folder under the system's temporary folder, one role owning one database.
 * Nothing of the package's own `main` cluster is used (it may not start in a container).
 */
export interface Cluster {
  port: number;
  dir: string;
  /** postgresql://minga:minga@127.0.0.1:PORT/minga — the role may create databases. */
  url: string;
}

export const ROLE = "minga";

/** The newest installed PostgreSQL's bin folder, or null when PostgreSQL is not installed. */
export function pgBin(): string | null {
  const given = process.env.PGBIN;
  if (given) return existsSync(path.join(given, "pg_ctl")) ? given : null;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, "bin", "pg_ctl")))
    .sort((a, b) => Number(a) - Number(b));
  return versions.length ? path.join(root, versions.at(-1)!, "bin") : null;
}

export function clusterFor(port = Number(process.env.PG_PORT ?? 55432)): Cluster {
  const dir = path.join(tmpdir(), `minga-pg-${port}`);
  return { port, dir, url: `postgresql://${ROLE}:${ROLE}@127.0.0.1:${port}/${ROLE}` };
}

// PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` user.
const asRoot = process.getuid?.() === 0;
function run(bin: string, args: string[]) {
  const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  return execFileSync(cmd, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** Whether the cluster is up (false when PostgreSQL is not installed). */
export function isRunning(cluster = clusterFor()): boolean {
  const bin = pgBin();
  return !!bin && running(bin, cluster);
}

function running(bin: string, cluster: Cluster) {
  try {
    run(path.join(bin, "pg_ctl"), ["-D", path.join(cluster.dir, "data"), "status"]);
    return true;
  } catch {
    return false;
  }
}

/** Starts the cluster (creating it the first time); already running is fine. */
export function startCluster(cluster = clusterFor()): Cluster {
  const bin = pgBin();
  if (!bin) throw new Error("PostgreSQL is not installed (apt-get install postgresql).");
  const data = path.join(cluster.dir, "data");
  if (!existsSync(path.join(data, "PG_VERSION"))) {
    rmSync(cluster.dir, { recursive: true, force: true });
    mkdirSync(cluster.dir, { recursive: true });
    if (asRoot) {
      const uid = execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim();
      const gid = execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim();
      chownSync(cluster.dir, Number(uid), Number(gid));
    }
    run(path.join(bin, "initdb"), [
      ...["-D", data, "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256"],
      ...["-E", "UTF8", "--locale=C.UTF-8"],
    ]);
  }
  if (!running(bin, cluster)) {
    // Tests create and drop many databases: durability is not wanted from a throwaway cluster.
    const options = [
      "-c listen_addresses=127.0.0.1",
      `-c port=${cluster.port}`,
      `-c unix_socket_directories=${cluster.dir}`,
      "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
      "-c max_connections=200",
    ].join(" ");
    const log = path.join(cluster.dir, "server.log");
    run(path.join(bin, "pg_ctl"), ["-D", data, "-l", log, "-w", "-o", options, "start"]);
  }
  const psql = (sql: string) =>
    run(path.join(bin, "psql"), [
      ...["-h", cluster.dir, "-p", String(cluster.port), "-U", "postgres", "-d", "postgres"],
      ...["-v", "ON_ERROR_STOP=1", "-tAc", sql],
    ]).trim();
  if (psql(`SELECT 1 FROM pg_roles WHERE rolname = '${ROLE}'`) !== "1")
    psql(`CREATE ROLE ${ROLE} LOGIN CREATEDB PASSWORD '${ROLE}'`);
  if (psql(`SELECT 1 FROM pg_database WHERE datname = '${ROLE}'`) !== "1")
    psql(`CREATE DATABASE ${ROLE} OWNER ${ROLE}`);
  return cluster;
}

/** Stops the cluster and removes its files. */
export function stopCluster(cluster = clusterFor()) {
  const bin = pgBin();
  if (bin && running(bin, cluster))
    run(path.join(bin, "pg_ctl"), [
      "-D",
      path.join(cluster.dir, "data"),
      "-m",
      "fast",
      "-w",
      "stop",
    ]);
  rmSync(cluster.dir, { recursive: true, force: true });
}
