import { cachedFormatter, formatDate, formatDateTime, formatNumber, formatTime } from "./format";

const instant = new Date("2026-12-05T14:30:00Z");

describe("formatting in the reader's language and the platform's zone", () => {
  it("says what a fresh Intl formatter says, for each language and zone, however often asked", () => {
    for (const [locale, intl] of [
      ["es", "es-EC"],
      ["en", "en"],
    ])
      for (const timeZone of ["America/Guayaquil", "America/Lima", "Europe/Madrid"])
        for (let i = 0; i < 3; i++) {
          expect(formatDateTime(instant, locale, timeZone)).toBe(
            new Intl.DateTimeFormat(intl, {
              dateStyle: "full",
              timeStyle: "short",
              timeZone,
            }).format(instant),
          );
          expect(formatDate(instant, locale, timeZone)).toBe(
            new Intl.DateTimeFormat(intl, { dateStyle: "long", timeZone }).format(instant),
          );
          expect(formatTime(instant, locale, timeZone)).toBe(
            new Intl.DateTimeFormat(intl, { timeStyle: "short", timeZone }).format(instant),
          );
        }
    // Guayaquil (UTC−5) and Madrid (UTC+1) read the same instant six hours apart.
    expect(formatTime(instant, "en", "America/Guayaquil")).toMatch(/^9:30\sAM$/);
    expect(formatTime(instant, "en", "Europe/Madrid")).toMatch(/^3:30\sPM$/);
    expect(formatNumber(2000, "es")).toBe(new Intl.NumberFormat("es-EC").format(2000));
    expect(formatNumber(2000, "en")).toBe("2,000");
  });

  it("builds a formatter once per key and reuses it", () => {
    let built = 0;
    const make = () => {
      built++;
      return new Intl.NumberFormat("en");
    };
    const first = cachedFormatter("test|reuse", make);
    expect(cachedFormatter("test|reuse", make)).toBe(first);
    expect(built).toBe(1);
  });
});
