/**
 * A vote closed before its planned closing time: its pages say so and show the planned time
 * only as "planned", never as if it still applied.
 */
export function closedEarly(vote: { closedAt: Date | null; closesAt: Date }): boolean {
  return vote.closedAt !== null && vote.closedAt < vote.closesAt;
}
