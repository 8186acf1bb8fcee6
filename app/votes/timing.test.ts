import { closedEarly } from "./timing";

describe("a vote closed early", () => {
  const closesAt = new Date("2027-03-20T12:00:00Z");
  it.each([
    ["still open", null, false],
    ["closed a week before the planned time", new Date("2027-03-13T12:00:00Z"), true],
    ["closed at the planned time", closesAt, false],
    [
      "closed after the planned time (due vote closed later)",
      new Date("2027-03-20T13:00:00Z"),
      false,
    ],
  ])("%s", (_name, closedAt, early) => {
    expect(closedEarly({ closedAt, closesAt })).toBe(early);
  });
});
