import { unitePeriods, type Period } from "./periods";

const day = (n: number) => new Date(Date.UTC(2026, 0, n, 12));
const p = (id: string, from: number, to: number | null): Period => ({
  id,
  startedAt: day(from),
  endedAt: to === null ? null : day(to),
});
const activeAt = (periods: Period[], n: number) =>
  periods.some((q) => q.startedAt <= day(n) && (q.endedAt === null || day(n) < q.endedAt));

describe("unitePeriods", () => {
  it.each([
    { name: "nothing", periods: [], keep: [], drop: [] },
    { name: "one", periods: [p("a", 1, 5)], keep: [p("a", 1, 5)], drop: [] },
    {
      name: "apart, in any order",
      periods: [p("b", 7, null), p("a", 1, 5)],
      keep: [p("a", 1, 5), p("b", 7, null)],
      drop: [],
    },
    {
      name: "touching: no instant in common, two periods",
      periods: [p("a", 1, 5), p("b", 5, 9)],
      keep: [p("a", 1, 5), p("b", 5, 9)],
      drop: [],
    },
    {
      name: "overlapping: one, the earliest's id, to the later end",
      periods: [p("b", 3, 9), p("a", 1, 5)],
      keep: [p("a", 1, 9)],
      drop: ["b"],
    },
    {
      name: "one inside another",
      periods: [p("a", 1, 20), p("b", 3, 4)],
      keep: [p("a", 1, 20)],
      drop: ["b"],
    },
    {
      name: "an open one swallows those after its start",
      periods: [p("a", 1, 3), p("b", 2, null), p("c", 6, 8)],
      keep: [p("a", 1, null)],
      drop: ["b", "c"],
    },
    {
      name: "two open ones (two person records merged): the earliest",
      periods: [p("b", 4, null), p("a", 2, null)],
      keep: [p("a", 2, null)],
      drop: ["b"],
    },
    {
      name: "the same start: the longer one stays",
      periods: [p("a", 2, 4), p("b", 2, null)],
      keep: [p("b", 2, null)],
      drop: ["a"],
    },
    {
      name: "a chain, each overlapping the next",
      periods: [p("a", 1, 4), p("b", 3, 6), p("c", 5, 8), p("d", 8, 9)],
      keep: [p("a", 1, 8), p("d", 8, 9)],
      drop: ["b", "c"],
    },
  ])("$name", ({ periods, keep, drop }) => {
    expect(unitePeriods(periods)).toEqual({ keep, drop });
  });

  it("never changes whether the membership was active on a day, and leaves no overlap", () => {
    // Every combination of three periods over ten days.
    const spans: [number, number | null][] = [];
    for (let a = 1; a <= 6; a++) for (let b = a + 1; b <= 7; b++) spans.push([a, b]);
    for (let a = 1; a <= 6; a++) spans.push([a, null]);
    for (const s1 of spans)
      for (const s2 of spans)
        for (const s3 of [s1, [3, 5] as [number, number]]) {
          const periods = [p("x", ...s1), p("y", ...s2), p("z", ...s3)];
          const { keep } = unitePeriods(periods);
          for (let n = 0; n <= 9; n++) expect(activeAt(keep, n)).toBe(activeAt(periods, n));
          for (let i = 1; i < keep.length; i++)
            expect(keep[i]!.startedAt >= keep[i - 1]!.endedAt!).toBe(true);
        }
  });
});
