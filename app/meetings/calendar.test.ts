import ICAL from "ical.js";
import { splitLines } from "./schemas";
import { buildCalendar, escapeText } from "./calendar.server";

const base = {
  id: "m1",
  description: "",
  startsAt: new Date("2027-03-15T14:00:00Z"),
  endsAt: new Date("2027-03-15T16:00:00Z"),
  place: "Casa comunal",
  onlineUrl: null,
  status: "scheduled",
  updatedAt: new Date("2027-03-01T00:00:00Z"),
  url: "https://minga.example/platforms/p/meetings/m1",
};

function events(ics: string) {
  // Some clients end lines at a bare CR: read the file the way they do.
  const asClientsSplit = ics.split(/\r\n|\r|\n/).join("\r\n");
  const root = new ICAL.Component(ICAL.parse(asClientsSplit));
  return root.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
}

describe("calendar text", () => {
  it("keeps a hostile title inside one event, text intact minus control characters", () => {
    const title = "Asamblea\rEND:VEVENT\r\nBEGIN:VEVENT\nSUMMARY:falso; a, b \\ c\u0007 ✓";
    const ics = buildCalendar({
      name: "Plataforma\rX-INJECT:1",
      timeZone: "America/Guayaquil",
      now: new Date("2027-03-01T00:00:00Z"),
      events: [{ ...base, title, description: "línea 1\rlínea 2" }],
    });
    const found = events(ics);
    expect(found).toHaveLength(1);
    expect(found[0]!.summary).toBe(
      "Asamblea\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:falso; a, b \\ c ✓",
    );
    expect(found[0]!.description).toContain("línea 1\nlínea 2");
    expect(ics).not.toMatch(/\r(?!\n)|[^\r]\n/);
    expect(ics).not.toContain("\nX-INJECT");
  });

  it("folds long lines at 75 octets, multi-byte characters whole", () => {
    const ics = buildCalendar({
      name: "P",
      timeZone: "America/Guayaquil",
      now: new Date("2027-03-01T00:00:00Z"),
      events: [{ ...base, title: "Reunión ñ ".repeat(40) }],
    });
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(events(ics)[0]!.summary).toBe("Reunión ñ ".repeat(40));
  });

  it.each([
    ["a\\b", "a\\\\b"],
    ["a;b,c", "a\\;b\\,c"],
    ["a\r\nb\rc\nd", "a\\nb\\nc\\nd"],
    ["a\u0000b\u001bc\u007f", "abc"],
  ])("escapes %j as %j", (value, expected) => {
    expect(escapeText(value)).toBe(expected);
  });
});

describe("splitLines", () => {
  it("splits on CRLF, CR and LF", () => {
    expect(splitLines("uno\r\ndos\rtres\ncuatro\r\n\r")).toEqual(["uno", "dos", "tres", "cuatro"]);
  });
});
