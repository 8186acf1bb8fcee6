// `npm run bench [-- --database postgresql] [-- --instances 2]`: seeds the big database,
// starts the production build on it, measures the key pages, the ballot rate and the
// first-view weight, and writes its configuration's section of docs/benchmarks.md (the
// other configurations' sections stay as they are).
//
//   --database sqlite|postgresql  (or BENCH_DATABASE; default sqlite). PostgreSQL: the rows
//       are seeded into SQLite as always, then copied with the move command
//       (app/ops/move-to-postgresql.ts) into a fresh database `minga_bench` — dropped and
//       created — on BENCH_POSTGRESQL_URL's server (a role that may create databases), or on
//       the throwaway cluster (app/ops/pg-cluster.ts, port PG_PORT), started here and stopped
//       after if it was not running.
//   --instances N  (or BENCH_INSTANCES; default 1): N servers on one database, on ports
//       BENCH_PORT, BENCH_PORT + 1, …; every load run spreads its connections over all of them.
//
// Each PostgreSQL server has a pool of BENCH_POOL_SIZE connections (20, as the two-instance
// test). Not part of `npm test` (it takes a few minutes); app/bench/bench-pages.test.ts
// reuses the seed at a small scale. BENCH_PORT (3212), BENCH_SECONDS (5), BENCH_ROUNDS (3),
// BENCH_ROUND_SECONDS (3) and BENCH_DB (the SQLite file) override defaults; BENCH_KEEP_DB=1
// keeps the databases.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  type FirstView,
  type LoadResult,
  pooled,
  ratioVerdict,
  drain,
  firstView,
  load,
  percentile,
} from "~/bench/measure";
import { dropPostgresql, preparePostgresql } from "~/bench/postgresql";
import { migrateFresh, removeDatabase, seedFile } from "~/bench/prepare";
import { replaceSection, sectionKey, sectionTitle } from "~/bench/report-sections";
import { BENCH_PASSWORD, FULL_SIZES } from "~/bench/seed";
import { type RunningServer, hasBuild, login, postForm, startServer } from "~/bench/server";
import { clusterFor, isRunning, startCluster, stopCluster } from "~/ops/pg-cluster";
import { onServer } from "~/test/postgresql";

const { values: args } = parseArgs({
  options: { database: { type: "string" }, instances: { type: "string" } },
});
const DATABASE = args.database ?? process.env.BENCH_DATABASE ?? "sqlite";
const INSTANCES = Number(args.instances ?? process.env.BENCH_INSTANCES ?? 1);
if ((DATABASE !== "sqlite" && DATABASE !== "postgresql") || !(INSTANCES >= 1 && INSTANCES <= 8)) {
  console.error("Usage: npm run bench -- [--database sqlite|postgresql] [--instances 1..8]");
  process.exit(2);
}
const POSTGRESQL = DATABASE === "postgresql";
const PORT = Number(process.env.BENCH_PORT ?? 3212);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
/** Rounds of each write, taking turns (see the writes below). */
const WRITE_ROUNDS = 2;
const FILE = path.resolve(process.env.BENCH_DB ?? ".tmp/bench.db");
const POOL_SIZE = Number(process.env.BENCH_POOL_SIZE ?? 20);
const PG_DATABASE = "minga_bench";
const KEY = sectionKey(DATABASE, INSTANCES);
const CONNECTIONS = [20, 50];
/** The connections the target is set at: measured in ROUNDS turns of ROUND_SECONDS. */
const TARGET_CONNECTIONS = 20;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 3);
const MEMBERS_LOGGED_IN = 100;

const log = (...args: unknown[]) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...args);

const loadAtStart = os.loadavg();

if (!hasBuild()) {
  log("no build/ yet: running npm run build");
  execFileSync("npm", ["run", "build"], { stdio: "inherit" });
}

let t = Date.now();
migrateFresh(FILE);
const migrateMs = Date.now() - t;
t = Date.now();
const world = await seedFile(FILE, FULL_SIZES);
const seedMs = Date.now() - t;
log(`migrated in ${migrateMs} ms, seeded in ${seedMs} ms`);

// Whatever happens from here, no server is left running, nor a cluster started here.
const servers: RunningServer[] = [];
let clusterStartedHere = false;
process.on("exit", () => {
  for (const s of servers) if (s.process.exitCode === null) s.process.kill("SIGKILL");
  if (clusterStartedHere) stopCluster(clusterFor());
});

let databaseUrl = `file:${FILE}`;
let postgresql: {
  serverUrl: string;
  version: string;
  migrateMs: number;
  copyMs: number;
  analyzeMs: number;
  rows: number;
} | null = null;
if (POSTGRESQL) {
  let serverUrl = process.env.BENCH_POSTGRESQL_URL;
  if (!serverUrl) {
    const cluster = clusterFor();
    clusterStartedHere = !isRunning(cluster);
    serverUrl = startCluster(cluster).url;
    log(`PostgreSQL cluster on port ${cluster.port}${clusterStartedHere ? " (started)" : ""}`);
  }
  const ready = await preparePostgresql({ serverUrl, database: PG_DATABASE, sqliteFile: FILE });
  const version = await onServer(
    serverUrl,
    async (c) => (await c.query("SHOW server_version")).rows[0].server_version as string,
  );
  databaseUrl = ready.url;
  postgresql = { serverUrl, version, ...ready };
  log(
    `PostgreSQL ${version}: migrated in ${ready.migrateMs} ms, ${ready.rows} rows copied in ${ready.copyMs} ms, analyzed in ${ready.analyzeMs} ms`,
  );
}

for (let i = 0; i < INSTANCES; i++)
  servers.push(
    await startServer({
      port: PORT + i,
      databaseUrl,
      env: POSTGRESQL ? { DATABASE_POOL_SIZE: String(POOL_SIZE) } : {},
      timing: true,
    }),
  );
const base = servers[0].url;
const bases = servers.map((s) => s.url);
/** The servers' resident and peak memory now, for the log: which load raised the peak. */
const memoryNow = () =>
  servers
    .map((s) => s.memory())
    .map((m) => `RSS ${m.rssMb.toFixed(0)} MB, peak ${m.peakMb.toFixed(0)} MB`)
    .join(" / ");
const rss = servers.map((s) => ({
  start: s.memory().rssMb,
  beforeLoad: 0,
  afterLoad: 0,
  peak: 0,
}));
const drainAll = async (cookie: string) => {
  for (const b of bases) await drain(`${b}${floor.path}`, { Cookie: cookie });
};

// Real logins (argon2id each), four at a time: under the per-address throttle. On the first
// instance: sessions live in the database, so every instance knows them.
t = Date.now();
const member = await login(base, world.memberEmails[0], BENCH_PASSWORD);
const facilitator = await login(base, world.facilitatorEmail, BENCH_PASSWORD);
const coordinator = await login(base, world.coordinatorEmail, BENCH_PASSWORD);
const voters: string[] = [];
for (let i = 0; i < MEMBERS_LOGGED_IN; i += 4) {
  const batch = world.memberEmails.slice(1 + i, 1 + Math.min(i + 4, MEMBERS_LOGGED_IN));
  voters.push(...(await Promise.all(batch.map((e) => login(base, e, BENCH_PASSWORD)))));
}
const loginMs = Date.now() - t;
log(`${voters.length + 3} logins in ${loginMs} ms`);

const slug = world.bigSlug;
const pages = [
  { name: "home", path: "/", cookie: member },
  { name: "platform page", path: `/platforms/${slug}`, cookie: member },
  { name: "proposal list", path: `/platforms/${slug}/proposals`, cookie: member },
  {
    name: "proposal with open vote",
    path: `/platforms/${slug}/proposals/${world.proposalWithVoteId}`,
    cookie: member,
  },
  { name: "meeting list", path: `/platforms/${slug}/meetings`, cookie: member },
  {
    name: "meeting page (member)",
    path: `/platforms/${slug}/meetings/${world.upcomingMeetingId}`,
    cookie: member,
  },
  {
    name: "attendance form (facilitator)",
    path: `/platforms/${slug}/meetings/${world.todayMeetingId}/attendance`,
    cookie: facilitator,
  },
  { name: "member directory", path: `/platforms/${slug}/members`, cookie: member },
  { name: "course page", path: `/courses/${world.courseId}`, cookie: member },
  {
    name: "course attendance matrix",
    path: `/courses/${world.courseId}/matrix`,
    cookie: facilitator,
  },
  {
    name: "training-session attendance form",
    path: `/courses/${world.courseId}/sessions/${world.courseSessionId}/attendance`,
    cookie: facilitator,
  },
  { name: "forum thread list", path: `/platforms/${slug}/groups/${world.groupId}`, cookie: member },
  {
    name: "forum thread",
    path: `/platforms/${slug}/groups/${world.groupId}/threads/${world.threadId}`,
    cookie: member,
  },
];
// The floor: the 404 page, for the same logged-in members (session check included).
const floor = { name: "floor (404 page)", path: "/bench-no-such-page", cookie: member };

// Probe each page once: a forum route that is not built yet answers 404 and is skipped.
const probes = new Map<string, { status: number; bytes: number; ms: number }>();
for (const page of [...pages, floor]) {
  const started = Date.now();
  const response = await fetch(`${base}${page.path}`, {
    headers: { Cookie: page.cookie },
    redirect: "manual",
  });
  const body = await response.arrayBuffer();
  probes.set(page.name, {
    status: response.status,
    bytes: body.byteLength,
    ms: Date.now() - started,
  });
  log(
    `probe ${page.name}: ${response.status}, ${body.byteLength} bytes, ${Date.now() - started} ms`,
  );
}
const notBuilt = (name: string) => name.startsWith("forum") && probes.get(name)!.status === 404;
const measured = pages.filter((p) => !notBuilt(p.name));

servers.forEach((s, i) => (rss[i].beforeLoad = s.memory().rssMb));
// The seed and PostgreSQL's copy load the CPU themselves: the load when the measurements
// begin is reported too (the busy warning reads the one before the run, others' work).
const loadAtMeasure = os.loadavg();
const runs = new Map<number, Map<string, LoadResult>>();
// Each page's ratio is to a floor measured just before it: on a shared machine the load of
// other processes drifts over the minutes of a run, and a ratio of two figures taken minutes
// apart measured that drift as much as the page.
const floorsBefore = new Map<number, Map<string, LoadResult>>();
// The same requests' p95 as the server saw them (app/bench/server-timing.mjs): from the
// request's arrival to its last byte sent. What autocannon adds on top is the wait of a
// request for the server to read it and of the answer for autocannon to read it, on the same
// two cores.
const serverP95 = new Map<string, number | null>();
for (const connections of CONNECTIONS) {
  const results = new Map<string, LoadResult>();
  const floors = new Map<string, LoadResult>();
  // At the target's 20 connections the floor and the page take turns, ROUNDS times, and each
  // figure is over all of its runs' requests: one run of a few seconds moved a ratio by ±0.4
  // from one benchmark to the next on this shared machine.
  const rounds = connections === TARGET_CONNECTIONS ? ROUNDS : 1;
  const seconds = rounds > 1 ? ROUND_SECONDS : SECONDS;
  const measure = async (page: (typeof pages)[number]) => {
    // A member's page is asked for by the logged-in members in turn, as many people would:
    // what differs per person (their session, membership, ballot) is read and compiled anew.
    const asMembers = page.cookie === member;
    await Promise.all(servers.map((s) => s.serverTimes())); // what came before is not this page's
    const result = await load({
      url: bases.map((b) => `${b}${page.path}`),
      connections,
      seconds,
      headers: { Cookie: page.cookie },
      request: asMembers
        ? (i) => ({ path: page.path, headers: { Cookie: voters[i % voters.length] } })
        : undefined,
    });
    const inServer = (await Promise.all(servers.map((s) => s.serverTimes()))).flat();
    await drainAll(member);
    log(
      `${connections} conn ${page.name}: ${result.perSecond.toFixed(1)} req/s, p50 ${result.p50} ms, p95 ${result.p95} ms (in the server ${percentile(
        [...inServer].sort((x, y) => x - y),
        95,
      )} ms); ${memoryNow()}`,
    );
    return { result, inServer };
  };
  /** The page's runs pooled, and the same requests' p95 in the server. */
  const keep = (name: string, taken: Awaited<ReturnType<typeof measure>>[]) => {
    const inServer = taken.flatMap((t) => t.inServer).sort((x, y) => x - y);
    serverP95.set(`${connections} ${name}`, percentile(inServer, 95));
    return pooled(taken.map((t) => t.result));
  };
  results.set(floor.name, keep(floor.name, [await measure(floor)]));
  for (const page of measured) {
    const floorRuns: Awaited<ReturnType<typeof measure>>[] = [];
    const pageRuns: Awaited<ReturnType<typeof measure>>[] = [];
    for (let round = 0; round < rounds; round++) {
      floorRuns.push(await measure(floor));
      pageRuns.push(await measure(page));
    }
    floors.set(page.name, pooled(floorRuns.map((t) => t.result)));
    results.set(page.name, keep(page.name, pageRuns));
  }
  runs.set(connections, results);
  floorsBefore.set(connections, floors);
}

// Writes: ballots through the real vote action, rotating over logged-in members and open
// votes (each a change of a member's ballot or a first one), against the language switch.
// The options are read from the seeded SQLite file in every configuration: PostgreSQL's
// rows are its copy, ids included.
const optionsOf = new Map<string, string[]>();
{
  const Database = (await import("better-sqlite3")).default;
  const sqlite = new Database(FILE, { readonly: true });
  const rows = sqlite
    .prepare(
      `SELECT v."proposalId" AS proposalId, o."id" AS optionId FROM "Vote" v JOIN "VoteOption" o ON o."voteId" = v."id" WHERE v."proposalId" IN (${world.openProposalIds.map(() => "?").join(",")}) ORDER BY o."position"`,
    )
    .all(...world.openProposalIds) as { proposalId: string; optionId: string }[];
  for (const r of rows)
    optionsOf.set(r.proposalId, [...(optionsOf.get(r.proposalId) ?? []), r.optionId]);
  sqlite.close();
}
// Each POST carries its own server's origin, as a browser on that instance would send it.
const form = { "Content-Type": "application/x-www-form-urlencoded" };
const writeConnections = 20;
const ballotRound = () =>
  load({
    url: bases,
    connections: writeConnections,
    seconds: SECONDS,
    request: (i, origin) => {
      const proposalId = world.openProposalIds[i % world.openProposalIds.length];
      const options = optionsOf.get(proposalId)!;
      return {
        method: "POST",
        path: `/platforms/${slug}/proposals/${proposalId}`,
        headers: { ...form, Origin: origin, Cookie: voters[i % voters.length] },
        body: new URLSearchParams({ intent: "ballot", optionId: options[(i >> 3) % 3] }).toString(),
      };
    },
  });
const languageRound = () =>
  load({
    url: bases,
    connections: writeConnections,
    seconds: SECONDS,
    request: (i, origin) => ({
      method: "POST",
      path: "/language",
      headers: { ...form, Origin: origin, Cookie: voters[i % voters.length] },
      body: new URLSearchParams({ lng: i % 2 ? "en" : "es", redirectTo: "/" }).toString(),
    }),
  });
// The two writes take turns, twice each: the machine's other load drifts over a run, and
// measuring one write after the other gave the second whatever that drift was.
const ballots: LoadResult[] = [];
const language: LoadResult[] = [];
for (let round = 0; round < WRITE_ROUNDS; round++) {
  ballots.push(await ballotRound());
  log(`ballots: ${ballots[round].perSecond.toFixed(1)}/s; ${memoryNow()}`, ballots[round].statuses);
  await drainAll(member);
  language.push(await languageRound());
  log(
    `language switch: ${language[round].perSecond.toFixed(1)}/s; ${memoryNow()}`,
    language[round].statuses,
  );
  await drainAll(member);
}
servers.forEach((s, i) => (rss[i].afterLoad = s.memory().rssMb));
// Closing one of the open votes through the coordinator's real action: it counts the
// ballots of the platform's 2,000 members.
const closing = { status: 0, ms: 0, location: "" };
{
  const closedProposal = world.openProposalIds[world.openProposalIds.length - 1];
  const started = Date.now();
  const response = await postForm(
    base,
    `/platforms/${slug}/proposals/${closedProposal}`,
    coordinator,
    {
      intent: "closeVote",
      reason: "Cierre de la medición",
    },
  );
  await response.arrayBuffer();
  closing.ms = Date.now() - started;
  closing.status = response.status;
  closing.location = response.headers.get("location") ?? "";
  log(`closing a vote: ${closing.status} in ${closing.ms} ms`);
}
await drainAll(member);
servers.forEach((s, i) => (rss[i].peak = s.memory().peakMb));

const views = new Map<string, FirstView>();
for (const page of measured) views.set(page.name, await firstView(base, page.path, page.cookie));
for (const s of servers) await s.stop();

// ---- the report -------------------------------------------------------------------------
const ok = (pass: boolean) => (pass ? "pass" : "**FAIL**");
const ms = (v: number | null) => (v === null ? "–" : `${v}`);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const good = (r: LoadResult, status = 200) => r.statuses[status] ?? 0;
const commit = (() => {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"]).toString().trim();
  } catch {
    return "?";
  }
})();
const header = [
  "# Benchmarks",
  "",
  "Written by `npm run bench` (app/cli/bench.ts): it seeds the big database, starts the",
  "production build on it and measures it with autocannon from the same machine. Do not edit",
  "by hand; run it again. One section per configuration (`npm run bench -- --database",
  "postgresql --instances 2`); a run rewrites only its own, so each section has its own date,",
  "commit and machine load. Figures from a shared 2-core machine are noisy: compare ratios",
  "within one run (each page against the floor measured just before it), not absolute numbers across runs.",
].join("\n");
const lines: string[] = [];
const cpu = os.cpus();
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
lines.push(
  `## ${sectionTitle(KEY)}`,
  "",
  "### Machine and run",
  "",
  `- date: ${new Date().toISOString()}, commit ${commit}`,
  `- CPU: ${cpu.length} × ${cpu[0]?.model ?? "?"}; RAM ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; load average (1, 5, 15 min) at the start ${loadAtStart.map((l) => l.toFixed(2)).join(" ")}, when the measurements began ${loadAtMeasure.map((l) => l.toFixed(2)).join(" ")}, at the end ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
  `- Node ${process.version}, ${os.platform()} ${os.release()}`,
  `- the load generator (autocannon) shares the machine with the ${plural(INSTANCES, "server", "servers")}; at ${TARGET_CONNECTIONS} connections each page ${ROUNDS} × ${ROUND_SECONDS} s, taking turns with the floor; at the others ${SECONDS} s`,
  POSTGRESQL
    ? `- PostgreSQL ${postgresql!.version}, ${process.env.BENCH_POSTGRESQL_URL ? "the server given by BENCH_POSTGRESQL_URL" : "the throwaway cluster of app/ops/pg-cluster.ts (fsync off, on the same machine)"}; each portal server has a pool of ${POOL_SIZE} connections (DATABASE_POOL_SIZE)`
    : "- SQLite in WAL mode, one file",
  INSTANCES > 1
    ? `- ${INSTANCES} portal servers (ports ${bases.map((b) => b.split(":").at(-1)).join(", ")}) on the one database; every run's connections are shared out evenly among them (autocannon's several URLs), so its percentiles cover all of them; sessions are made on the first and used on all`
    : "- one portal server",
  ...(loadAtStart[0] > cpu.length
    ? [
        `- **the machine was busy**: a load average of ${loadAtStart[0].toFixed(1)} on ${cpu.length} cores at the start means other processes took most of the CPU, so these figures show saturation more than the portal's own speed; the 404 floor itself could saturate, leaving ratios undetermined`,
      ]
    : []),
  "",
  "### Database",
  "",
  `SQLite migrated in ${(migrateMs / 1000).toFixed(1)} s, seeded in ${(seedMs / 1000).toFixed(1)} s (app/bench/seed.ts: one transaction of prepared statements).`,
  ...(postgresql
    ? [
        "",
        `PostgreSQL: \`${PG_DATABASE}\` created and migrated in ${(postgresql.migrateMs / 1000).toFixed(1)} s; the ${postgresql.rows.toLocaleString("en")} rows copied from the SQLite file by the move command (app/ops/move-to-postgresql.ts, the one \`npm run db:move-to-postgresql\` uses: pages of 2,000 rows per table through both Prisma clients, one transaction) in ${(postgresql.copyMs / 1000).toFixed(1)} s; ANALYZE in ${(postgresql.analyzeMs / 1000).toFixed(1)} s.`,
      ]
    : []),
  "",
  "| table | rows |",
  "| --- | ---: |",
  ...Object.entries(world.counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([table, n]) => `| ${table} | ${n.toLocaleString("en")} |`),
  "",
  "The big platform: 2,000 active members, 300 assemblies (269 held with ~156 marks each, one",
  "today, 30 to come with 300 RSVPs each), 200 proposals (40 with an open vote of 1,000",
  "ballots, 60 closed with 1,500), 20 groups with 2,000 threads and 20,000 posts. 20 smaller",
  "platforms of 150 members; 200 courses of 30 people and 8 weekly sessions.",
  "",
  `Logins: ${voters.length + 3} real login POSTs in ${(loginMs / 1000).toFixed(1)} s.`,
  "",
  "### Pages",
  "",
  `Each page is requested by the ${voters.length} logged-in members in turn, or by a facilitator`,
  "(attendance forms, matrix); the floor is the 404 page, for the members in turn too, measured",
  "again just before each page (the machine's other load drifts): each ratio is to that floor.",
  `At ${TARGET_CONNECTIONS} connections the floor and the page take turns ${ROUNDS} times (${ROUND_SECONDS} s each) and`,
  "each figure is over all the requests of its runs; at the others, one run each.",
  "Target: p95 ≤ 1.5 × the floor's p95 at 20 connections, as autocannon measures it. \"p95 in",
  "the server\" is the run's requests' p95 from their arrival in the server to their last byte",
  "sent: the rest is time spent waiting to be read, by the server or by autocannon, on the same",
  "cores. Bytes are the uncompressed HTML of one answer. A run ends with a request in flight on",
  "each connection: one that had waited longer than the run's p95 counts at its wait so far;",
  "the others are left out, with every request sent after the earliest of them",
  "(app/bench/measure.ts, completeSample). A figure at or above such a wait is a lower bound",
  "(≥): requests were still waiting that long. A ratio is then the range it can be in (those",
  "waits taken as endless at most): the target is met when the highest it can be is within it.",
  "",
);
for (const [connections, results] of runs) {
  lines.push(
    `#### ${connections} connections`,
    "",
    "| page | answers | HTML bytes | req/s | p50 ms | p95 ms | p95 in the server ms | floor p95 ms (just before) | p95 / floor | target ≤ 1.5 |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  );
  for (const page of [floor, ...pages]) {
    if (notBuilt(page.name)) {
      lines.push(`| ${page.name} | not built yet (404) | | | | | | |`);
      continue;
    }
    const r = results.get(page.name)!;
    const floorRun = page === floor ? r : floorsBefore.get(connections)!.get(page.name)!;
    const statuses = Object.entries(r.statuses)
      .map(([s, n]) => `${s}×${n}`)
      .join(" ");
    // Each p95 is known within bounds (requests left waiting): the ratio too (ratioVerdict).
    const bounded = page === floor ? null : ratioVerdict(r, floorRun);
    const ratioText = page === floor ? "1.0" : (bounded?.text ?? "–");
    const allOk = (r.statuses[200] ?? 0) === r.requests;
    const passes = allOk && bounded?.verdict === "pass";
    const verdict =
      page === floor
        ? ""
        : allOk && bounded?.verdict === "undetermined"
          ? "undetermined"
          : connections === 20
            ? ok(passes)
            : passes
              ? "(pass)"
              : "(fail)";
    const p50 = `${r.p50AtLeast ? "≥ " : ""}${ms(r.p50)}`;
    const p95 = `${r.p95AtLeast ? "≥ " : ""}${ms(r.p95)}`;
    lines.push(
      `| ${page.name} | ${statuses || "none answered"}${r.errors ? `, ${r.errors} errors` : ""} | ${probes.get(page.name)!.bytes.toLocaleString("en")} | ${r.perSecond.toFixed(1)} | ${p50} | ${p95} | ${ms(serverP95.get(`${connections} ${page.name}`) ?? null)} | ${page === floor ? "" : `${floorRun.p95AtLeast ? "≥ " : ""}${ms(floorRun.p95)}`} | ${ratioText} | ${verdict} |`,
    );
  }
  lines.push("");
}
/** Successes per second over all the rounds of one write. */
const rateOf = (rounds: LoadResult[]) =>
  rounds.reduce((n, r) => n + good(r, 302), 0) / rounds.reduce((t, r) => t + r.elapsed, 0);
const ballotRate = rateOf(ballots);
const languageRate = rateOf(language);
const writeRatio = languageRate ? ballotRate / languageRate : 0;
const writeRow = (name: string, rounds: LoadResult[]) =>
  rounds.map(
    (r, i) =>
      `| ${name}, round ${i + 1} | ${(good(r, 302) / r.elapsed).toFixed(1)} | ${ms(r.p50)} | ${ms(r.p95)} | ${JSON.stringify(r.statuses)}${r.errors ? `, ${r.errors} errors` : ""} |`,
  );
lines.push(
  "### Writes",
  "",
  `${writeConnections} connections, rotating over ${voters.length} logged-in members; a success is the`,
  "action's redirect (302). Ballots go through the proposal page's real action (role check,",
  `validation, one transaction) over the ${world.openProposalIds.length} open votes. The two writes take turns,`,
  `${WRITE_ROUNDS} rounds of ${SECONDS} s each; each rate is over all its rounds.`,
  "",
  "| write | successes/s | p50 ms | p95 ms | answers |",
  "| --- | ---: | ---: | ---: | --- |",
  ...writeRow("ballot", ballots),
  ...writeRow("language switch", language),
  `| ballot, all rounds | ${ballotRate.toFixed(1)} | | | |`,
  `| language switch, all rounds | ${languageRate.toFixed(1)} | | | |`,
  "",
  `Ballots / language switch: **${writeRatio.toFixed(2)}** (target ≥ 0.5: ${ok(writeRatio >= 0.5)}).`,
  "",
  `Closing one open vote of the 2,000-member platform (coordinator, real action, after the`,
  `load): ${closing.status}${closing.location ? ` → ${closing.location.split("?")[0]}` : ""} in ${closing.ms} ms: ${ok(closing.status === 302 && !closing.location.startsWith("/login"))}.`,
  "",
  "### Memory",
  "",
  INSTANCES > 1
    ? `| server RSS, MB | ${bases.map((b) => `port ${b.split(":").at(-1)}`).join(" | ")} |`
    : "| server RSS | MB |",
  `| --- | ${bases.map(() => "---:").join(" | ")} |`,
  `| at start | ${rss.map((r) => r.start.toFixed(0)).join(" | ")} |`,
  `| before the load | ${rss.map((r) => r.beforeLoad.toFixed(0)).join(" | ")} |`,
  `| after the load | ${rss.map((r) => r.afterLoad.toFixed(0)).join(" | ")} |`,
  `| peak (VmHWM) | ${rss.map((r) => r.peak.toFixed(0)).join(" | ")} |`,
  "",
  `Target: under load < 300 MB${INSTANCES > 1 ? " per server" : ""}: ${ok(rss.every((r) => r.peak < 300))}.`,
  "",
  "### First view",
  "",
  `Gzip bytes of what a browser loads for each page's first view${INSTANCES > 1 ? " (from the first server)" : ""}: the HTML, its stylesheets`,
  "and its scripts (module preloads and imports, and the text of its inline scripts, counted in",
  "the HTML too). Targets: HTML + CSS ≤ 30 KB, JS ≤ 90 KB, no translations fetched after",
  "start-up, no validation library on pages without forms.",
  "",
  "| page | HTML KB | CSS KB | HTML+CSS | JS KB | JS ≤ 90 | translations fetched | form | zod shipped |",
  "| --- | ---: | ---: | --- | ---: | --- | --- | --- | --- |",
);
for (const page of measured) {
  const v = views.get(page.name)!;
  const htmlCss = v.htmlGzip + v.cssGzip;
  lines.push(
    `| ${page.name} | ${kb(v.htmlGzip)} | ${kb(v.cssGzip)} | ${kb(htmlCss)} ${ok(htmlCss <= 30 * 1024)} | ${kb(v.jsGzip)} | ${ok(v.jsGzip <= 90 * 1024)} | ${v.fetchesTranslations ? `yes, ${kb(v.translationsGzip)} KB **FAIL**` : v.translationsGzip ? `no (${kb(v.translationsGzip)} KB in the page)` : "no (none needed)"} | ${v.hasForm ? "yes" : "no"} | ${v.shipsZod ? (v.hasForm ? "yes" : "yes **FAIL**") : "no"} |`,
  );
}
const DOC = "docs/benchmarks.md";
const before = existsSync(DOC) ? readFileSync(DOC, "utf8") : "";
writeFileSync(DOC, replaceSection(before, KEY, lines.join("\n"), header));
execFileSync("npx", ["prettier", "--write", DOC], { stdio: "ignore" });
log(`wrote the "${sectionTitle(KEY)}" section of ${DOC}`);
if (!process.env.BENCH_KEEP_DB) {
  removeDatabase(FILE);
  if (postgresql && !clusterStartedHere) await dropPostgresql(postgresql.serverUrl, PG_DATABASE);
}
