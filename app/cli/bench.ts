// `npm run bench`: seeds the big database, starts the production build on it, measures the
// key pages, the ballot rate and the first-view weight, and writes docs/benchmarks.md.
// Not part of `npm test` (it takes a few minutes); app/bench/bench-pages.test.ts reuses the
// seed at a small scale. BENCH_PORT (3212), BENCH_SECONDS (5) and BENCH_DB override defaults.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type FirstView, type LoadResult, drain, firstView, load } from "~/bench/measure";
import { migrateFresh, removeDatabase, seedFile } from "~/bench/prepare";
import { BENCH_PASSWORD, FULL_SIZES } from "~/bench/seed";
import { hasBuild, login, postForm, startServer } from "~/bench/server";

const PORT = Number(process.env.BENCH_PORT ?? 3212);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const FILE = path.resolve(process.env.BENCH_DB ?? ".tmp/bench.db");
const CONNECTIONS = [20, 50];
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

const server = await startServer({ port: PORT, databaseUrl: `file:${FILE}` });
const base = server.url;
const rss = { start: server.memory().rssMb, beforeLoad: 0, afterLoad: 0, peak: 0 };

// Real logins (argon2id each), four at a time: under the per-address throttle.
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
// The floor: the 404 page, for the same logged-in member (session check included).
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

rss.beforeLoad = server.memory().rssMb;
const runs = new Map<number, Map<string, LoadResult>>();
for (const connections of CONNECTIONS) {
  const results = new Map<string, LoadResult>();
  for (const page of [floor, ...measured]) {
    const result = await load({
      url: `${base}${page.path}`,
      connections,
      seconds: SECONDS,
      headers: { Cookie: page.cookie },
    });
    results.set(page.name, result);
    await drain(`${base}${floor.path}`, { Cookie: member });
    log(
      `${connections} conn ${page.name}: ${result.perSecond.toFixed(1)} req/s, p50 ${result.p50} ms, p95 ${result.p95} ms`,
    );
  }
  runs.set(connections, results);
}

// Writes: ballots through the real vote action, rotating over logged-in members and open
// votes (each a change of a member's ballot or a first one), against the language switch.
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
const form = { "Content-Type": "application/x-www-form-urlencoded", Origin: base };
const writeConnections = 20;
const ballots = await load({
  url: base,
  connections: writeConnections,
  seconds: SECONDS * 2,
  request: (i) => {
    const proposalId = world.openProposalIds[i % world.openProposalIds.length];
    const options = optionsOf.get(proposalId)!;
    return {
      method: "POST",
      path: `/platforms/${slug}/proposals/${proposalId}`,
      headers: { ...form, Cookie: voters[i % voters.length] },
      body: new URLSearchParams({ intent: "ballot", optionId: options[(i >> 3) % 3] }).toString(),
    };
  },
});
log(`ballots: ${ballots.perSecond.toFixed(1)}/s`, ballots.statuses);
await drain(`${base}${floor.path}`, { Cookie: member });
const language = await load({
  url: base,
  connections: writeConnections,
  seconds: SECONDS * 2,
  request: (i) => ({
    method: "POST",
    path: "/language",
    headers: { ...form, Cookie: voters[i % voters.length] },
    body: new URLSearchParams({ lng: i % 2 ? "en" : "es", redirectTo: "/" }).toString(),
  }),
});
log(`language switch: ${language.perSecond.toFixed(1)}/s`, language.statuses);
rss.afterLoad = server.memory().rssMb;
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
await drain(`${base}${floor.path}`, { Cookie: member });
rss.peak = server.memory().peakMb;

const views = new Map<string, FirstView>();
for (const page of measured) views.set(page.name, await firstView(base, page.path, page.cookie));
await server.stop();

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
const lines: string[] = [];
const cpu = os.cpus();
lines.push(
  "# Benchmarks",
  "",
  "Written by `npm run bench` (app/cli/bench.ts): it seeds the big database, starts the",
  "production build on it and measures it with autocannon from the same machine. Do not edit",
  "by hand; run it again. Figures from a shared 2-core machine are noisy: compare ratios",
  "within one run, not absolute numbers across runs.",
  "",
  "## Machine and run",
  "",
  `- date: ${new Date().toISOString()}, commit ${commit}`,
  `- CPU: ${cpu.length} × ${cpu[0]?.model ?? "?"}; RAM ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; load average (1, 5, 15 min) at the start ${loadAtStart.map((l) => l.toFixed(2)).join(" ")}, at the end ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
  `- Node ${process.version}, ${os.platform()} ${os.release()}`,
  `- the load generator (autocannon) shares the machine with the server; ${SECONDS} s per page and connection count`,
  ...(loadAtStart[0] > cpu.length
    ? [
        `- **the machine was busy**: a load average of ${loadAtStart[0].toFixed(1)} on ${cpu.length} cores at the start means other processes took most of the CPU, so these figures show saturation more than the portal's own speed; the 404 floor itself could saturate, leaving ratios undetermined`,
      ]
    : []),
  "",
  "## Database",
  "",
  `Migrated in ${(migrateMs / 1000).toFixed(1)} s, seeded in ${(seedMs / 1000).toFixed(1)} s (app/bench/seed.ts: one transaction of prepared statements).`,
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
  "## Pages",
  "",
  "Each page is requested by a logged-in member, or by a facilitator (attendance forms, matrix).",
  "The floor is the 404 page for the same member. Target: p95 ≤ 1.5 × the floor's p95 at 20",
  "connections. Bytes are the uncompressed HTML of one answer. A request still unanswered at",
  "the end of a run counts with the time it had waited; where one of those had waited as long",
  "as the figure, the figure is a lower bound (≥): the page could not keep up within the run.",
  "",
);
for (const [connections, results] of runs) {
  const floorRun = results.get(floor.name)!;
  const floorP95 = floorRun.p95 ?? 1;
  lines.push(
    `### ${connections} connections`,
    "",
    "| page | answers | HTML bytes | req/s | p50 ms | p95 ms | p95 / floor | target ≤ 1.5 |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
  );
  for (const page of [floor, ...pages]) {
    if (notBuilt(page.name)) {
      lines.push(`| ${page.name} | not built yet (404) | | | | | | |`);
      continue;
    }
    const r = results.get(page.name)!;
    const statuses = Object.entries(r.statuses)
      .map(([s, n]) => `${s}×${n}`)
      .join(" ");
    // A lower-bound p95 over an exact floor is a lower-bound ratio, and the other way round;
    // with both bounded the ratio says nothing.
    const ratio = r.p95 === null ? null : r.p95 / floorP95;
    const pageBound = r.p95AtLeast;
    const floorBound = floorRun.p95AtLeast && page !== floor;
    const ratioText =
      ratio === null
        ? "–"
        : pageBound && floorBound
          ? "? (both saturated)"
          : `${pageBound ? "≥ " : floorBound ? "≤ " : ""}${ratio.toFixed(1)}`;
    // A lower bound above the target fails; one below it, or an upper bound above it, is
    // undetermined.
    const allOk = (r.statuses[200] ?? 0) === r.requests;
    const passes = ratio !== null && allOk && !pageBound && ratio <= 1.5;
    const undetermined =
      ratio !== null &&
      allOk &&
      ((pageBound && floorBound) || (pageBound && ratio <= 1.5) || (floorBound && ratio > 1.5));
    const verdict =
      page === floor
        ? ""
        : undetermined
          ? "undetermined"
          : connections === 20
            ? ok(passes)
            : passes
              ? "(pass)"
              : "(fail)";
    const p50 = `${r.p50AtLeast ? "≥ " : ""}${ms(r.p50)}`;
    const p95 = `${r.p95AtLeast ? "≥ " : ""}${ms(r.p95)}`;
    lines.push(
      `| ${page.name} | ${statuses || "none answered"}${r.errors ? `, ${r.errors} errors` : ""} | ${probes.get(page.name)!.bytes.toLocaleString("en")} | ${r.perSecond.toFixed(1)} | ${p50} | ${p95} | ${ratioText} | ${verdict} |`,
    );
  }
  lines.push("");
}
const ballotRate = good(ballots, 302) / ballots.elapsed;
const languageRate = good(language, 302) / language.elapsed;
const writeRatio = languageRate ? ballotRate / languageRate : 0;
lines.push(
  "## Writes",
  "",
  `${writeConnections} connections for ${SECONDS * 2} s each, rotating over ${voters.length} logged-in members; a success is the`,
  "action's redirect (302). Ballots go through the proposal page's real action (role check,",
  `validation, one transaction) over the ${world.openProposalIds.length} open votes.`,
  "",
  "| write | successes/s | p50 ms | p95 ms | answers |",
  "| --- | ---: | ---: | ---: | --- |",
  `| ballot | ${ballotRate.toFixed(1)} | ${ms(ballots.p50)} | ${ms(ballots.p95)} | ${JSON.stringify(ballots.statuses)}${ballots.errors ? `, ${ballots.errors} errors` : ""} |`,
  `| language switch | ${languageRate.toFixed(1)} | ${ms(language.p50)} | ${ms(language.p95)} | ${JSON.stringify(language.statuses)}${language.errors ? `, ${language.errors} errors` : ""} |`,
  "",
  `Ballots / language switch: **${writeRatio.toFixed(2)}** (target ≥ 0.5: ${ok(writeRatio >= 0.5)}).`,
  "",
  `Closing one open vote of the 2,000-member platform (coordinator, real action, after the`,
  `load): ${closing.status}${closing.location ? ` → ${closing.location.split("?")[0]}` : ""} in ${closing.ms} ms: ${ok(closing.status === 302 && !closing.location.startsWith("/login"))}.`,
  "",
  "## Memory",
  "",
  "| server RSS | MB |",
  "| --- | ---: |",
  `| at start | ${rss.start.toFixed(0)} |`,
  `| before the load | ${rss.beforeLoad.toFixed(0)} |`,
  `| after the load | ${rss.afterLoad.toFixed(0)} |`,
  `| peak (VmHWM) | ${rss.peak.toFixed(0)} |`,
  "",
  `Target: under load < 300 MB: ${ok(rss.peak < 300)}.`,
  "",
  "## First view",
  "",
  "Gzip bytes of what a browser loads for each page's first view: the HTML, its stylesheets",
  "and its scripts (module preloads and imports). Targets: HTML + CSS ≤ 30 KB, JS ≤ 90 KB, no",
  "translations fetched after start-up, no validation library on pages without forms.",
  "",
  "| page | HTML KB | CSS KB | HTML+CSS | JS KB | JS ≤ 90 | translations fetched | form | zod shipped |",
  "| --- | ---: | ---: | --- | ---: | --- | --- | --- | --- |",
);
for (const page of measured) {
  const v = views.get(page.name)!;
  const htmlCss = v.htmlGzip + v.cssGzip;
  lines.push(
    `| ${page.name} | ${kb(v.htmlGzip)} | ${kb(v.cssGzip)} | ${kb(htmlCss)} ${ok(htmlCss <= 30 * 1024)} | ${kb(v.jsGzip)} | ${ok(v.jsGzip <= 90 * 1024)} | ${v.fetchesTranslations ? `yes, ${kb(v.translationsGzip)} KB **FAIL**` : `no (${kb(v.translationsGzip)} KB in the page)`} | ${v.hasForm ? "yes" : "no"} | ${v.shipsZod ? (v.hasForm ? "yes" : "yes **FAIL**") : "no"} |`,
  );
}
lines.push("");
writeFileSync("docs/benchmarks.md", lines.join("\n"));
execFileSync("npx", ["prettier", "--write", "docs/benchmarks.md"], { stdio: "ignore" });
log("wrote docs/benchmarks.md");
if (!process.env.BENCH_KEEP_DB) removeDatabase(FILE);
