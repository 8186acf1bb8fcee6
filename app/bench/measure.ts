import autocannon from "autocannon";
import { gzipSync } from "node:zlib";

export interface LoadResult {
  /** Answers received within the run, by status. */
  statuses: Record<number, number>;
  requests: number;
  /** Seconds the run took. */
  elapsed: number;
  perSecond: number;
  p50: number | null;
  p95: number | null;
  /** Mean body bytes per answer, as sent (uncompressed: autocannon asks for no encoding). */
  bytes: number;
  errors: number;
  timeouts: number;
  /**
   * Requests still unanswered when the run ended; those that had waited long count in the
   * percentiles at their waits so far (see `completeSample`), and may make p50/p95 lower
   * bounds (marked ≥).
   */
  unanswered: number;
  /** A request counted at its wait so far is at or below p50 / p95: the figure may be higher. */
  p50AtLeast: boolean;
  p95AtLeast: boolean;
  /**
   * The highest p95 could be: with every request counted at its wait taking forever (null:
   * unbounded). Equal to p95 when nothing was left waiting.
   */
  p95AtMost: number | null;
  /** The latencies counted (answers, and the waits of `completeSample`), ascending (ms). */
  latencies: number[];
  /** The waits so far counted among them: requests unanswered at the end that had waited long (ms). */
  waiting: number[];
}

/**
 * Percentiles, and whether a request still waiting makes them lower bounds: one counted at its
 * wait so far leaves a percentile exact while that wait is above it (its latency is above it
 * too); at or below it, its latency may be above, and the figure is a lower bound.
 */
function summary(latencies: number[], waiting: number[]) {
  const p50 = percentile(latencies, 50);
  const p95 = percentile(latencies, 95);
  const atLeast = (p: number | null) => p !== null && waiting.some((w) => w <= p);
  // The waits as unbounded: the same latencies with each wait (once) taken out and put last.
  const left = [...waiting];
  const answered = latencies.filter((l) => {
    const i = left.indexOf(l);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
  const atMost = percentile([...answered, ...waiting.map(() => Infinity)], 95);
  return {
    p50,
    p95,
    p50AtLeast: atLeast(p50),
    p95AtLeast: atLeast(p95),
    p95AtMost: atMost === null || atMost === Infinity ? null : atMost,
  };
}

/** A page's p95 over its floor's, as bounds, and the target's verdict on it. */
export interface RatioVerdict {
  /** The ratio as the table shows it: exact, a range, or a bound. */
  text: string;
  verdict: "pass" | "fail" | "undetermined";
}

/**
 * p95 ÷ the floor's p95, each known within bounds (`p95` ≤ true ≤ `p95AtMost`): the target is
 * met when the highest the ratio can be is within it, missed when the lowest is past it, and
 * undetermined in between.
 */
export function ratioVerdict(
  page: Pick<LoadResult, "p95" | "p95AtMost">,
  floor: Pick<LoadResult, "p95" | "p95AtMost">,
  target = 1.5,
): RatioVerdict | null {
  if (page.p95 === null || floor.p95 === null) return null;
  const lowest = floor.p95AtMost === null ? 0 : page.p95 / floor.p95AtMost;
  const highest = page.p95AtMost === null ? Infinity : page.p95AtMost / floor.p95;
  const shown = (x: number) => x.toFixed(1);
  const text =
    shown(lowest) === shown(highest)
      ? shown(lowest)
      : highest === Infinity
        ? lowest === 0
          ? "?"
          : `≥ ${shown(lowest)}`
        : lowest === 0
          ? `≤ ${shown(highest)}`
          : `${shown(lowest)}–${shown(highest)}`;
  const verdict = highest <= target ? "pass" : lowest > target ? "fail" : "undetermined";
  return { text, verdict };
}

/**
 * Several runs of one page as one: their requests pooled, so the percentiles are over all of
 * them (a run of a few seconds on a shared machine is at the mercy of its neighbours' load;
 * runs taking turns with the floor's share that drift with it).
 */
export function pooled(runs: LoadResult[]): LoadResult {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const waiting = runs.flatMap((r) => r.waiting);
  const statuses: Record<number, number> = {};
  for (const r of runs)
    for (const [status, n] of Object.entries(r.statuses))
      statuses[Number(status)] = (statuses[Number(status)] ?? 0) + n;
  const sum = (f: (r: LoadResult) => number) => runs.reduce((t, r) => t + f(r), 0);
  const requests = sum((r) => r.requests);
  const elapsed = sum((r) => r.elapsed);
  return {
    statuses,
    requests,
    elapsed,
    perSecond: elapsed ? requests / elapsed : 0,
    ...summary(latencies, waiting),
    bytes: requests ? Math.round(sum((r) => r.bytes * r.requests) / requests) : 0,
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    unanswered: sum((r) => r.unanswered),
    latencies,
    waiting,
  };
}

/** An answered request: when it was sent and how long its answer took (ms). */
export interface Answer {
  sentAt: number;
  latency: number;
}

/**
 * The latencies a run's percentiles are taken over, and the waits among them (requests still
 * unanswered, counted at their wait so far: lower bounds of their latencies).
 *
 * A run stops at a set time with a request in flight on every connection. Counting all of
 * them at their waits so far made a figure a lower bound at random. Instead:
 * - a request in flight that has already waited longer than the answers' p95 counts, at its
 *   wait: it took at least that, above the figure either way (a request stuck for seconds is
 *   never left out);
 * - the others, which have not waited long, are left out, and with them every request sent
 *   after the earliest of them: whether a request counts then depends on when it was sent,
 *   not on how long it took, and every request sent before is counted, answered or waiting.
 * The sample loses only the run's last moments.
 */
export function completeSample(
  answers: readonly Answer[],
  unansweredSentAt: readonly number[],
  ended: number,
): { latencies: number[]; waiting: number[] } {
  const answered = answers.map((a) => a.latency).sort((a, b) => a - b);
  const long = percentile(answered, 95) ?? 0;
  const waiting = unansweredSentAt.map((t) => ended - t).filter((w) => w >= long);
  const cutoff = Math.min(Infinity, ...unansweredSentAt.filter((t) => ended - t < long));
  return {
    latencies: [...answers.filter((a) => a.sentAt < cutoff).map((a) => a.latency), ...waiting].sort(
      (a, b) => a - b,
    ),
    waiting,
  };
}

export function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);
}

/**
 * Waits until the server has worked off what a run left in flight (autocannon stops
 * sending at the end of its time, the server does not stop answering): until `path` answers
 * within `quickMs` twice in a row, or `maxSeconds` pass. Otherwise one slow page's backlog
 * would be charged to the next page measured.
 */
export async function drain(
  url: string,
  headers: Record<string, string>,
  quickMs = 100,
  maxSeconds = 120,
) {
  const deadline = Date.now() + maxSeconds * 1000;
  let quick = 0;
  while (quick < 2 && Date.now() < deadline) {
    const started = Date.now();
    await (await fetch(url, { headers })).arrayBuffer();
    quick = Date.now() - started <= quickMs ? quick + 1 : 0;
    if (quick < 2) await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Runs autocannon for `seconds` and computes p50/p95 from every answer's own latency
 * (autocannon's summary has p90 and p97.5, not p95). `request(i, origin)` shapes the i-th
 * request, so a run can rotate through logged-in members and targets; `origin` is the server
 * that request goes to (a form POST must carry it as its Origin header).
 *
 * Several URLs (the same page on several instances): autocannon shares the connections out
 * among them (connection i goes to url[i % n]), so one run's percentiles cover them all.
 */
export async function load(options: {
  url: string | string[];
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  request?: (
    i: number,
    origin: string,
  ) => {
    method?: "GET" | "POST";
    path: string;
    headers?: Record<string, string>;
    body?: string;
  };
}): Promise<LoadResult> {
  const answers: Answer[] = [];
  const statuses: Record<number, number> = {};
  let bytes = 0;
  let n = 0;
  const started = Date.now();
  let done!: (result: autocannon.Result) => void;
  let failed!: (error: unknown) => void;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    done = resolve;
    failed = reject;
  });
  const instance = autocannon(
    {
      // An array is supported by autocannon (README: "More than one URL is allowed"), not
      // by its type definitions.
      url: options.url as string,
      connections: options.connections,
      duration: options.seconds,
      timeout: 20,
      headers: options.headers,
      requests: options.request
        ? [
            {
              setupRequest: (req) => {
                // autocannon passes the target's parsed URL fields along: host is "name:port".
                const host = (req as { host?: string }).host;
                const r = options.request!(n++, `http://${host}`);
                return {
                  ...req,
                  method: r.method ?? "GET",
                  path: r.path,
                  headers: { ...req.headers, ...r.headers },
                  body: r.body,
                };
              },
            },
          ]
        : undefined,
    },
    (error, result) => (error ? failed(error) : done(result)),
  );
  // One request in flight per connection (no pipelining): an unanswered one was sent when
  // its connection's previous answer arrived, or at the start.
  const lastAnswer = new Map<unknown, number>();
  instance.on("response", (client, statusCode, resBytes, responseTime) => {
    const now = Date.now();
    lastAnswer.set(client, now);
    answers.push({ sentAt: now - responseTime, latency: responseTime });
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    bytes += resBytes;
  });
  const result = await finished;
  const ended = Date.now();
  const elapsed = (ended - started) / 1000;
  const answered = answers.length;
  // Autocannon stops with a request in flight on each connection: sent when its previous
  // answer arrived, or at the start.
  const unansweredSentAt = [
    ...lastAnswer.values(),
    ...Array.from({ length: options.connections - lastAnswer.size }, () => started),
  ];
  const { latencies, waiting } = completeSample(answers, unansweredSentAt, ended);
  return {
    statuses,
    requests: answered,
    elapsed,
    perSecond: answered / Math.max(elapsed, options.seconds),
    ...summary(latencies, waiting),
    bytes: answered ? Math.round(bytes / answered) : 0,
    errors: result.errors,
    timeouts: result.timeouts,
    unanswered: unansweredSentAt.length,
    latencies,
    waiting,
  };
}

export interface FirstView {
  htmlGzip: number;
  cssGzip: number;
  /** Scripts loaded from files plus the text of the page's inline scripts (also in the HTML). */
  jsGzip: number;
  /** Of which the page's inline scripts. */
  inlineJsGzip: number;
  /**
   * The page's scripts fetch translations (/locales/…) at start-up: it would need them before it
   * could hydrate. No page hydrates since decision 040; this catches a return of it.
   */
  fetchesTranslations: boolean;
  /** Gzip bytes of the translations: the block inside the HTML, or the fetched bundle. */
  translationsGzip: number;
  /** The page has a form of its own (the chrome's language switch and logout do not count). */
  hasForm: boolean;
  /** The client code includes the zod validation library. */
  shipsZod: boolean;
  assets: number;
}

const gz = (body: Buffer | string) => gzipSync(body).length;

/** The HTML, CSS and JS a browser loads for a page's first view, each gzipped. */
export async function firstView(
  baseUrl: string,
  path: string,
  cookie?: string,
): Promise<FirstView> {
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
  const html = await (await fetch(`${baseUrl}${path}`, { headers })).text();
  const css = new Set<string>();
  const js = new Set<string>();
  for (const tag of html.match(/<(link|script)\b[^>]*>/g) ?? []) {
    const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
    if (tag.startsWith("<link")) {
      const rel = attr("rel");
      const href = attr("href");
      if (!href) continue;
      if (rel === "stylesheet") css.add(href);
      if (rel === "modulepreload") js.add(href);
    } else if (attr("src")) {
      js.add(attr("src")!);
    }
  }
  // Remix imports the entry and route modules from an inline module script.
  for (const m of html.matchAll(/import\s*(?:[^"']*from\s*)?["']([^"']+\.js)["']/g)) js.add(m[1]);
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(([, attrs, body]) => !/\bsrc=|type="application\/json"/.test(attrs) && body.trim())
    .map(([, , body]) => body)
    .join("\n");
  const fetchAll = async (urls: Set<string>) =>
    Promise.all(
      [...urls].map(async (u) =>
        Buffer.from(await (await fetch(new URL(u, baseUrl), { headers })).arrayBuffer()),
      ),
    );
  const cssBodies = await fetchAll(css);
  const jsBodies = await fetchAll(js);
  const jsText = [...jsBodies.map((b) => b.toString("utf8")), inline].join("\n");
  const carried = /<script type="application\/json" id="i18n-data"[^>]*>([^<]*)<\/script>/.exec(
    html,
  )?.[1];
  const fetchesTranslations = !carried && jsText.includes("/locales/");
  const lang = /<html[^>]*\blang="([^"]+)"/.exec(html)?.[1] ?? "es";
  const translations = fetchesTranslations
    ? Buffer.from(await (await fetch(`${baseUrl}/locales/${lang}`)).arrayBuffer())
    : Buffer.from(carried ?? "");
  return {
    htmlGzip: gz(html),
    cssGzip: cssBodies.reduce((s, b) => s + gz(b), 0),
    jsGzip: jsBodies.reduce((s, b) => s + gz(b), 0) + (inline ? gz(inline) : 0),
    inlineJsGzip: inline ? gz(inline) : 0,
    fetchesTranslations,
    translationsGzip: translations.length ? gz(translations) : 0,
    hasForm: (html.match(/<form\b[^>]*>/g) ?? []).some(
      (tag) => !/action="\/(language|logout)"/.test(tag),
    ),
    shipsZod: /ZodError|invalid_type_error/.test(jsText),
    assets: css.size + js.size,
  };
}
