/**
 * Small-cell suppression for participation reports. Donor reports break small communities
 * down by gender, age, people and community; a cell of 1–4 people can point at a person.
 *
 * - Any count under MIN_CELL (zero included: "none of the 12 are men" says something about each
 *   of the 12) is shown as "< 5".
 * - The total of a breakdown is shown, so a lone suppressed cell could be recovered by
 *   subtraction, and so could several suppressed cells that sum to zero. Then the smallest
 *   shown cell is suppressed too (complementary suppression), until at least two cells are
 *   hidden and their sum is at least MIN_CELL — or every cell is hidden.
 * - A total under MIN_CELL hides the whole breakdown.
 * Shares (percentages) are shown only when both their counts are.
 * See docs/decisions/022-participation-reports.md.
 */
export const MIN_CELL = 5;

/** A count as it may be published: its value, or null when it must read "< 5". */
export type Shown = number | null;

export interface Breakdown<K extends string = string> {
  total: Shown;
  cells: { key: K; value: Shown }[];
}

/**
 * Suppresses one breakdown of `total` people into categories that add up to it (every
 * person in exactly one category: "not stated" is a category).
 */
export function suppressBreakdown<K extends string>(
  total: number,
  cells: { key: K; value: number }[],
): Breakdown<K> {
  if (total < MIN_CELL)
    return { total: null, cells: cells.map((c) => ({ key: c.key, value: null })) };
  const hidden = new Set<number>();
  cells.forEach((c, i) => {
    if (c.value < MIN_CELL) hidden.add(i);
  });
  const hiddenSum = () => [...hidden].reduce((s, i) => s + cells[i].value, 0);
  while (hidden.size > 0 && (hidden.size < 2 || hiddenSum() < MIN_CELL)) {
    const next = cells
      .map((c, i) => ({ i, value: c.value }))
      .filter(({ i }) => !hidden.has(i))
      .sort((a, b) => a.value - b.value || a.i - b.i)[0];
    if (!next) break;
    hidden.add(next.i);
  }
  return {
    total,
    cells: cells.map((c, i) => ({ key: c.key, value: hidden.has(i) ? null : c.value })),
  };
}

/** A lone count (no breakdown beside it): shown only from MIN_CELL up. */
export function suppressCount(value: number): Shown {
  return value < MIN_CELL ? null : value;
}

/** A share in percent, only when both counts are published. */
export function shareOf(part: Shown, whole: Shown): Shown {
  if (part === null || whole === null || whole === 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}
