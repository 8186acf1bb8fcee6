import { describe, expect, it } from "vitest";
import { completeSample } from "~/bench/measure";

const at = (sentAt: number, latency: number) => ({ sentAt, latency });

describe("the requests a run's percentiles count", () => {
  it("are all the answers when none is left in flight", () => {
    const sample = completeSample([at(0, 30), at(10, 10), at(20, 20)], [], 3000);
    expect(sample).toEqual({ latencies: [10, 20, 30], waiting: [] });
  });

  it("leave out the requests sent after the earliest one that had not waited long, whatever their latency", () => {
    // Answers' p95 is 400. In flight at the end (3000): one sent at 2800, one at 2950, both
    // short waits. An answer sent at 2850 came back quickly; had it been slow it would be in
    // flight and left out: counting it only when quick would flatter the run, so it never
    // counts. Everything sent before 2800 was answered and counts.
    const answers = [at(0, 50), at(100, 400), at(2700, 90), at(2850, 5), at(2900, 40)];
    const sample = completeSample(answers, [2800, 2950], 3000);
    expect(sample).toEqual({ latencies: [50, 90, 400], waiting: [] });
  });

  it("count a request stuck since early on at its wait so far, and leave nothing else out for it", () => {
    const answers = Array.from({ length: 20 }, (_, i) => at(i * 100, 20));
    // One sent at 200 and never answered (2800 ms so far); one sent at 2990, a short wait.
    const sample = completeSample(answers, [200, 2990], 3000);
    expect(sample.waiting).toEqual([2800]);
    expect(sample.latencies).toEqual([...Array.from({ length: 20 }, () => 20), 2800]);
  });

  it("count every wait when nothing was answered", () => {
    expect(completeSample([], [0, 0], 3000)).toEqual({
      latencies: [3000, 3000],
      waiting: [3000, 3000],
    });
  });
});
