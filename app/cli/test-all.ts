// `npm test`: every check of the project, in stages, with each step's time at the end. Steps
// of one stage do not depend on each other and run at once: tsc and ESLint use one core each,
// and the build mostly waits on files, so on two cores the first stage takes the time of its
// longest step. Later stages each need the whole machine (Vitest's forks, the browsers).
// A failing step stops the run after its stage; its output is printed whole.
import { spawn } from "node:child_process";

const STAGES: string[][] = [
  ["typecheck", "lint", "build"],
  ["test:unit"],
  ["test:postgresql"],
  ["test:e2e"],
  ["test:instances"],
];

interface Step {
  script: string;
  ok: boolean;
  seconds: number;
}

function run(script: string, alone: boolean): Promise<Step> {
  const started = Date.now();
  return new Promise((resolve) => {
    // Alone, the step writes straight to the terminal; beside others, its output is kept and
    // printed in one piece when it ends, so the logs do not interleave.
    const child = spawn("npm", ["run", "--silent", script], {
      stdio: alone ? "inherit" : ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    child.on("close", (code) => {
      if (!alone) process.stdout.write(`\n── ${script} ──\n${output}`);
      resolve({ script, ok: code === 0, seconds: (Date.now() - started) / 1000 });
    });
  });
}

const done: Step[] = [];
const began = Date.now();
let failed = false;
for (const stage of STAGES) {
  console.log(`\n▶ ${stage.join(" + ")}`);
  const steps = await Promise.all(stage.map((s) => run(s, stage.length === 1)));
  done.push(...steps);
  if (steps.some((s) => !s.ok)) {
    failed = true;
    break;
  }
}
console.log("\nstep                 seconds");
for (const s of done)
  console.log(
    `${s.script.padEnd(20)} ${s.seconds.toFixed(0).padStart(7)}${s.ok ? "" : "  FAILED"}`,
  );
console.log(`${"all".padEnd(20)} ${((Date.now() - began) / 1000).toFixed(0).padStart(7)}`);
process.exit(failed ? 1 : 0);
