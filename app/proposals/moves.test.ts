import { allowedMoves, moveRefusal } from "./moves";

const author = { isAuthor: true, canCoordinate: false };
const coordinator = { isAuthor: false, canCoordinate: true };
const authorCoordinator = { isAuthor: true, canCoordinate: true };
const member = { isAuthor: false, canCoordinate: false };

describe("moving a proposal by hand", () => {
  it.each([
    ["draft", author, ["discussion", "withdrawn"]],
    ["draft", coordinator, ["discussion"]],
    ["draft", authorCoordinator, ["discussion", "withdrawn"]],
    ["draft", member, []],
    ["discussion", author, ["withdrawn"]],
    ["discussion", coordinator, ["draft"]],
    ["discussion", authorCoordinator, ["draft", "withdrawn"]],
    ["discussion", member, []],
    // Once in vote, only the vote moves it.
    ["voting", authorCoordinator, []],
    ["approved", authorCoordinator, []],
    ["rejected", authorCoordinator, []],
    ["withdrawn", authorCoordinator, []],
  ] as const)("from %s, %o may move it to %o", (state, mover, moves) => {
    expect(allowedMoves(state, mover)).toEqual(moves);
  });

  it("tells a move that is not theirs from one that is not from this state", () => {
    expect(moveRefusal("withdrawn", "draft", coordinator)).toBe("forbidden");
    expect(moveRefusal("draft", "draft", member)).toBe("forbidden");
    expect(moveRefusal("discussion", "discussion", coordinator)).toBe("badTransition");
    expect(moveRefusal("withdrawn", "voting", author)).toBe("badTransition");
    expect(moveRefusal("discussion", "draft", author)).toBeNull();
  });
});
