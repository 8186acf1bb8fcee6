import type { MANUAL_TARGETS } from "./schemas";

/** A state a person moves a proposal to by hand; votes decide the rest. */
export type ManualMove = (typeof MANUAL_TARGETS)[number];

/** Who is asking, as far as moving a proposal goes. */
export interface Mover {
  isAuthor: boolean;
  canCoordinate: boolean;
}

/**
 * The moves people make by hand: authors send their draft to discussion or withdraw it
 * before the vote; coordinators may also send it to discussion or back to draft. One table
 * for the buttons the proposal page offers and for what changeProposalState accepts.
 */
const MOVES: Record<ManualMove, { from: readonly string[]; who: (m: Mover) => boolean }> = {
  discussion: { from: ["draft"], who: (m) => m.isAuthor || m.canCoordinate },
  draft: { from: ["discussion"], who: (m) => m.canCoordinate },
  withdrawn: { from: ["draft", "discussion"], who: (m) => m.isAuthor },
};

/**
 * Why this move is refused: "forbidden" (not this person's to make), "badTransition" (not
 * from the proposal's state), or null when it is allowed.
 */
export function moveRefusal(
  to: ManualMove,
  state: string,
  mover: Mover,
): "forbidden" | "badTransition" | null {
  const move = MOVES[to];
  if (!move.who(mover)) return "forbidden";
  return move.from.includes(state) ? null : "badTransition";
}

/** The moves this person may make from this state, in the page's order. */
export function allowedMoves(state: string, mover: Mover): ManualMove[] {
  return (Object.keys(MOVES) as ManualMove[]).filter(
    (to) => moveRefusal(to, state, mover) === null,
  );
}
