import { describe, expect, it } from "vitest";
import { completeSample, percentile } from "~/bench/measure";

const at = (sentAt: number, latency: number) => ({ sentAt, latency });

describe("the requests a run's percentiles count", () => {
  it("are all the answers when none is left in flight", () => {
    const sample = completeSample([at(0, 30), at(10, 10), at(20, 20)], [], 0, 3000);
    expect(sample).toEqual({ latencies: [10, 20, 30], waiting: [] });
  });

  it("are those sent before the earliest request still in flight, whatever their latency", () => {
    // In flight at the end (3000): one sent at 2800, one at 2950. An answer sent at 2850 came
    // back quickly; its slow neighbour did not come back at all: counting the quick one and
    // not the slow one would flatter the run, so neither counts.
    const answers = [at(0, 50), at(100, 400), at(2700, 90), at(2850, 5), at(2900, 40)];
    const sample = completeSample(answers, [2800, 2950], 0, 3000);
    expect(sample).toEqual({ latencies: [50, 90, 400], waiting: [] });
  });

  it("fall back to lower bounds when a request stuck since early on would leave less than half the run", () => {
    const answers = Array.from({ length: 10 }, (_, i) => at(1000 + i * 100, 20));
    const sample = completeSample(answers, [200, 2990], 0, 3000);
    // The waits so far count, and say the figures are lower bounds.
    expect(sample.waiting).toEqual([2800, 10]);
    expect(sample.latencies).toHaveLength(12);
    expect(percentile(sample.latencies, 95)).toBe(2800);
  });
});
