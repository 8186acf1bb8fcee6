import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const BUILD_ENTRY = path.resolve("build/index.js");

/**
 * The Node flags `npm start` runs the server with (package.json): the benchmark and the
 * browser tests that start servers of their own run what is deployed. The heap cap keeps the
 * process small under load (decision 029): without it V8 lets the heap grow to 400+ MB.
 */
export const SERVER_NODE_FLAGS: string[] = nodeFlagsOf(
  (JSON.parse(readFileSync(path.resolve("package.json"), "utf8")) as { scripts: { start: string } })
    .scripts.start,
);

/** The flags between `node` and `./build/index.js` in a command line. */
export function nodeFlagsOf(command: string): string[] {
  const m = /\bnode((?:\s+--\S+)*)\s+(?:\.\/)?build\/index\.js/.exec(command);
  if (!m) throw new Error(`no "node … ./build/index.js" in: ${command}`);
  return m[1].trim().split(/\s+/).filter(Boolean);
}

/** Whether `npm run build` has produced the production server. */
export const hasBuild = () => existsSync(BUILD_ENTRY);

export interface RunningServer {
  url: string;
  pid: number;
  process: ChildProcess;
  /** Resident and peak resident memory of the server process, in MB (Linux /proc). */
  memory(): { rssMb: number; peakMb: number };
  /**
   * With `timing`: the times (ms) its requests spent in the server since the last call, from
   * the "request" event to the last byte handed to the system (app/bench/server-timing.mjs).
   */
  serverTimes(): Promise<number[]>;
  /** Stops it (SIGTERM, or SIGKILL to simulate a crash) and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts the production build (`node build/index.js`) on a database and waits until it answers. */
export async function startServer(options: {
  port: number;
  databaseUrl: string;
  env?: Record<string, string>;
  timing?: boolean;
}): Promise<RunningServer> {
  const url = `http://localhost:${options.port}`;
  const timing = options.timing ? ["--import", path.resolve("app/bench/server-timing.mjs")] : [];
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...timing, BUILD_ENTRY], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(options.port),
      HOST: "127.0.0.1",
      DATABASE_URL: options.databaseUrl,
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let timesWanted: ((times: number[]) => void)[] = [];
  let partial = "";
  child.stdout!.on("data", (d) => {
    output += d;
    partial += d;
    const lines = partial.split("\n");
    partial = lines.pop()!;
    for (const line of lines)
      if (line.startsWith("BENCH_SERVER_TIMES ")) {
        const times = JSON.parse(line.slice("BENCH_SERVER_TIMES ".length)) as number[];
        const waiting = timesWanted;
        timesWanted = [];
        for (const resolve of waiting) resolve(times);
      }
  });
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited at start:\n${output}`);
    try {
      await fetch(`${url}/`, { redirect: "manual" });
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`server did not answer:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const pid = child.pid!;
  return {
    url,
    pid,
    process: child,
    memory() {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = (field: string) =>
        Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
      return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
    },
    serverTimes() {
      if (!options.timing) return Promise.reject(new Error("started without timing"));
      return new Promise<number[]>((resolve) => {
        timesWanted.push(resolve);
        child.kill("SIGUSR2");
      });
    },
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** Logs in through the real form (Origin header included, as a browser sends it); returns the session cookie. */
export async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl },
    body: new URLSearchParams({ email, password, redirectTo: "/" }),
  });
  const cookie = (response.headers.getSetCookie?.() ?? [])
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith("minga_session="));
  if (response.status !== 302 || !cookie) {
    throw new Error(`login of ${email} failed: ${response.status}`);
  }
  return cookie;
}

/** A form POST as a logged-in browser would send it. */
export function postForm(
  baseUrl: string,
  path: string,
  cookie: string,
  fields: Record<string, string>,
): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: baseUrl,
      Cookie: cookie,
    },
    body: new URLSearchParams(fields),
  });
}
