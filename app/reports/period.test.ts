import { periodFromSearch } from "./period";

const tz = "America/Guayaquil";
const now = new Date("2026-11-22T15:00:00Z");
const read = (q: string) => periodFromSearch(new URLSearchParams(q), tz, now);

describe("report period", () => {
  it("defaults to the last twelve months up to today, in the platform's time zone", () => {
    const p = read("");
    expect(p.values).toEqual({ from: "2025-12-01", to: "2026-11-22" });
    expect(p.period?.from.toISOString()).toBe("2025-12-01T05:00:00.000Z");
    // "to" includes the whole day.
    expect(p.period?.to.toISOString()).toBe("2026-11-23T05:00:00.000Z");
  });

  it.each([
    ["from=2026-02-30&to=2026-03-01", { from: "reports:errors.date" }],
    ["from=hoy&to=2026-03-01", { from: "reports:errors.date" }],
    ["from=2026-05-01&to=2026-04-01", { to: "reports:errors.toBeforeFrom" }],
    ["from=2020-01-01&to=2026-04-01", { to: "reports:errors.tooLong" }],
  ])("refuses %s beside the field, keeping what was typed", (q, errors) => {
    const p = read(q);
    expect(p.errors).toEqual(errors);
    expect(p.period).toBeNull();
    expect(p.values.from).toBe(new URLSearchParams(q).get("from"));
  });
});
