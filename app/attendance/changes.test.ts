import { describe, expect, it } from "vitest";
import { changedMarks } from "./changes";

describe("changedMarks", () => {
  it.each([
    ["nothing sent", {}, {}, {}],
    ["a new mark (nothing shown)", { a: "present" }, {}, { a: "present" }],
    ["a mark left as shown", { a: "present" }, { a: "present" }, {}],
    ["a mark changed from what was shown", { a: "excused" }, { a: "present" }, { a: "excused" }],
    [
      "a page of rows: only the changed ones stay",
      { a: "present", b: "late", c: "absent" },
      { a: "present", b: "present", d: "absent" },
      { b: "late", c: "absent" },
    ],
    [
      "a shown value that is no status never matches",
      { a: "present" },
      { a: "PRESENT" },
      { a: "present" },
    ],
  ] as const)("%s", (_label, sent, shown, expected) => {
    expect(changedMarks({ ...sent }, { ...shown })).toEqual(expected);
  });
});
