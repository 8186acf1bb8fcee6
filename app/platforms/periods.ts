/**
 * A membership's periods of activity never overlap: at any instant a membership is active
 * through one period at most, so counting a platform's periods covering an instant counts its
 * members (decision 036). Every write that adds periods to a membership (approving, making a
 * member again, merging two person records) goes through `unitePeriods`.
 */
export interface Period<Id = string> {
  id: Id;
  startedAt: Date;
  /** null while the membership is still active. */
  endedAt: Date | null;
}

const end = (p: Period<unknown>) => p.endedAt?.getTime() ?? Infinity;

/**
 * The union of the periods, as few as the spans need: overlapping ones become one, which keeps
 * the id of the earliest (periods that only touch — one ending as the next starts — stay two,
 * they share no instant). Pure: whether the membership was active at any instant is unchanged.
 */
export function unitePeriods<Id>(periods: Period<Id>[]): { keep: Period<Id>[]; drop: Id[] } {
  const sorted = [...periods].sort(
    (a, b) => a.startedAt.getTime() - b.startedAt.getTime() || end(b) - end(a),
  );
  const keep: Period<Id>[] = [];
  const drop: Id[] = [];
  for (const p of sorted) {
    const last = keep.at(-1);
    if (last && p.startedAt.getTime() < end(last)) {
      if (end(p) > end(last)) keep[keep.length - 1] = { ...last, endedAt: p.endedAt };
      drop.push(p.id);
    } else {
      keep.push({ ...p });
    }
  }
  return { keep, drop };
}
