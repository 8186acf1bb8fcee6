import { describe, expect, it } from "vitest";
import { pooled, ratioVerdict, type LoadResult } from "~/bench/measure";

const known = (p95: number, p95AtMost: number | null = p95) => ({ p95, p95AtMost });

describe("a page's p95 over its floor's, within the bounds each is known to", () => {
  it.each([
    // page, floor, shown, verdict
    [known(120), known(80), "1.5", "pass"],
    [known(121), known(80), "1.5", "fail"], // 1.5125: shown rounded, judged exact
    [known(97, 98), known(74), "1.3", "pass"], // a request left waiting: at most 98
    [known(97, null), known(74), "≥ 1.3", "undetermined"], // could be anything above
    [known(130, null), known(80), "≥ 1.6", "fail"], // already past the target at least
    [known(110), known(70, null), "≤ 1.6", "undetermined"], // floor unbounded above
    [known(100), known(80, null), "≤ 1.3", "pass"],
    [known(100, 130), known(80), "1.3–1.6", "undetermined"],
    [known(100, null), known(80, null), "?", "undetermined"],
  ] as const)("%o over %o: %s, %s", (page, floor, text, verdict) => {
    expect(ratioVerdict(page, floor)).toEqual({ text, verdict });
  });

  it("says nothing without figures", () => {
    expect(ratioVerdict({ p95: null, p95AtMost: null }, known(80))).toBeNull();
  });
});

describe("the highest a pooled p95 can be", () => {
  const run = (answered: number[], waiting: number[] = []): LoadResult => ({
    ...pooled([]),
    latencies: [...answered, ...waiting].sort((a, b) => a - b),
    waiting,
  });

  it("is the p95 itself when nothing was left waiting", () => {
    const r = pooled([run(Array.from({ length: 100 }, (_, i) => i + 1))]);
    expect([r.p95, r.p95AtMost]).toEqual([95, 95]);
  });

  it("takes each wait counted as endless", () => {
    // 99 answers of 1..99 ms and one request still waiting at 50 ms: p95 says 94 (the wait
    // counted at 50, below it), and that request may take forever: the rank moves up by one.
    const r = pooled([
      run(
        Array.from({ length: 99 }, (_, i) => i + 1),
        [50],
      ),
    ]);
    expect([r.p95, r.p95AtLeast, r.p95AtMost]).toEqual([94, true, 95]);
  });

  it("is unbounded when the waits reach the percentile", () => {
    const r = pooled([run([10, 10, 10], [400, 400])]);
    expect(r.p95AtMost).toBeNull();
  });
});
