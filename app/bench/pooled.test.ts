import { pooled, type LoadResult } from "~/bench/measure";

/** A run as `load` reports it, from its answers' latencies and the waits left at the end. */
function run(answered: number[], waiting: number[] = [], seconds = 3): LoadResult {
  const latencies = [...answered, ...waiting].sort((a, b) => a - b);
  return {
    statuses: { 200: answered.length },
    requests: answered.length,
    elapsed: seconds,
    perSecond: answered.length / seconds,
    p50: null,
    p95: null,
    p50AtLeast: false,
    p95AtLeast: false,
    p95AtMost: null,
    bytes: 1000,
    errors: 0,
    timeouts: 0,
    unanswered: waiting.length,
    latencies,
    waiting,
  };
}

describe("runs of one page pooled", () => {
  it("takes the percentiles over every request of every run", () => {
    // A quiet run and a run during a neighbour's burst: each alone says 10 or 100 ms.
    const quiet = run(Array.from({ length: 90 }, () => 10));
    const busy = run(Array.from({ length: 10 }, () => 100));
    const both = pooled([quiet, busy]);
    expect(both.requests).toBe(100);
    expect(both.statuses).toEqual({ 200: 100 });
    expect(both.perSecond).toBeCloseTo(100 / 6);
    expect(both.p50).toBe(10);
    expect(both.p95).toBe(100);
    expect(both.p95AtLeast).toBe(false);
  });

  it("marks a percentile a lower bound when it falls on a request counted at its wait so far", () => {
    const answered = run(Array.from({ length: 90 }, () => 20));
    // A run whose requests were still waiting: the pooled p95 is one of their waits, and
    // their latencies are longer still.
    const saturated = run(
      [],
      Array.from({ length: 10 }, () => 400),
    );
    const both = pooled([answered, saturated]);
    expect(both.p95).toBe(400);
    expect(both.p95AtLeast).toBe(true);
    expect(both.p50AtLeast).toBe(false);
    // Waits above a percentile leave it exact: those requests took longer either way.
    const tail = pooled([answered, run([], [400, 400])]);
    expect(tail.p95).toBe(20);
    expect(tail.p95AtLeast).toBe(false);
    expect(pooled([answered]).p95AtLeast).toBe(false);
  });
});
