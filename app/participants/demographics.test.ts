import { ageGroupOf, ageGroupOfPerson } from "./demographics";

const at = new Date("2026-11-22T12:00:00Z");

describe("ageGroupOf: youth 15–29, adult 30–59, elder 60+", () => {
  it.each([
    [2012, null], // 14
    [2011, "youth"], // 15
    [1997, "youth"], // 29
    [1996, "adult"], // 30
    [1967, "adult"], // 59
    [1966, "elder"], // 60
    [1930, "elder"],
    [null, null],
    [undefined, null],
    [2030, null], // not born yet: a typing mistake, not a group
  ])("born %s → %s", (year, group) => {
    expect(ageGroupOf(year, at)).toBe(group);
  });

  it("moves with the date: the same person is youth in 2026 and adult in 2027", () => {
    expect(ageGroupOf(1997, at)).toBe("youth");
    expect(ageGroupOf(1997, new Date("2027-01-15T12:00:00Z"))).toBe("adult");
  });
});

describe("ageGroupOfPerson", () => {
  it("prefers the birth year over a recorded group", () => {
    expect(ageGroupOfPerson({ birthYear: 1950, ageGroup: "youth" }, at)).toBe("elder");
  });
  it("falls back to the recorded group of a walk-in", () => {
    expect(ageGroupOfPerson({ birthYear: null, ageGroup: "youth" }, at)).toBe("youth");
    expect(ageGroupOfPerson({ birthYear: null, ageGroup: "nonsense" }, at)).toBeNull();
    expect(ageGroupOfPerson({ birthYear: null, ageGroup: null }, at)).toBeNull();
  });
});
