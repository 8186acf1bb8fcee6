import { MIN_CELL, shareOf, suppressBreakdown, suppressCount } from "./suppression";

const cells = (...values: number[]) => values.map((value, i) => ({ key: `k${i}`, value }));
const shown = (b: ReturnType<typeof suppressBreakdown>) => b.cells.map((c) => c.value);

/**
 * Whether some hidden cell's exact value follows from the total and the cells shown: true
 * when one cell is hidden, or when the hidden ones must all be zero. (With two or more hidden
 * cells summing to at least one, each could take more than one value.)
 */
function recoverable(total: number | null, values: (number | null)[]) {
  if (total === null) return false;
  const hidden = values.filter((v) => v === null).length;
  if (hidden === 0) return false;
  const rest = total - values.reduce<number>((s, v) => s + (v ?? 0), 0);
  return hidden === 1 || rest === 0;
}

describe("small-cell suppression", () => {
  it.each([
    // [values, expected shown]
    [
      [10, 8, 7],
      [10, 8, 7],
    ],
    [
      [20, 3, 9],
      [20, null, null],
    ], // the 3 alone could be subtracted: the next smallest goes too
    [
      [20, 3, 2, 9],
      [20, null, null, 9],
    ], // two hidden cells adding up to 5: enough
    [
      [20, 1, 1, 9],
      [20, null, null, null],
    ], // 1 + 1 < 5: one more
    [
      [12, 0, 0, 0],
      [null, null, null, null],
    ], // "all 12 are women" is itself a disclosure
    [
      [30, 0, 25],
      [30, null, null],
    ],
  ])("%j → %j", (values, expected) => {
    const total = values.reduce((s, v) => s + v, 0);
    const b = suppressBreakdown(total, cells(...values));
    expect(b.total).toBe(total);
    expect(shown(b)).toEqual(expected);
    expect(recoverable(b.total, shown(b))).toBe(false);
  });

  it("hides a whole breakdown whose total is under five", () => {
    const b = suppressBreakdown(4, cells(2, 2));
    expect(b).toEqual({
      total: null,
      cells: [
        { key: "k0", value: null },
        { key: "k1", value: null },
      ],
    });
  });

  it("never leaves a hidden cell recoverable, over every small breakdown", () => {
    // Exhaustive over breakdowns of up to four categories of 0–9 people.
    for (let a = 0; a < 10; a++)
      for (let b = 0; b < 10; b++)
        for (let c = 0; c < 10; c++)
          for (let d = 0; d < 10; d++) {
            const values = [a, b, c, d];
            const total = a + b + c + d;
            const out = suppressBreakdown(total, cells(...values));
            const view = shown(out);
            expect(recoverable(out.total, view)).toBe(false);
            view.forEach((v, i) => {
              if (v !== null) expect(v).toBe(values[i]);
              if (values[i] < MIN_CELL) expect(v).toBeNull();
            });
          }
  });

  it("shows lone counts and shares only from five up", () => {
    expect([suppressCount(4), suppressCount(5)]).toEqual([null, 5]);
    expect(shareOf(6, 10)).toBe(60);
    expect(shareOf(null, 10)).toBeNull();
    expect(shareOf(2, null)).toBeNull();
  });
});
