import { describe, expect, it } from "vitest";
import { type CompletionSession, completionOf, foldMarks, meetsShare } from "./completion";

const H = 3600_000;
const T0 = new Date("2026-03-02T14:00:00Z").getTime();

/** n sessions a week apart, three hours each; the first `held` are held, the rest scheduled. */
function sessions(n: number, held: number, extra: Partial<CompletionSession>[] = []) {
  return Array.from({ length: n }, (_, i) => ({
    id: `s${i + 1}`,
    startsAt: new Date(T0 + i * 7 * 24 * H),
    endsAt: new Date(T0 + i * 7 * 24 * H + 3 * H),
    status: i < held ? "held" : "scheduled",
    ...extra[i],
  }));
}

const before = new Date(T0 - 24 * H);
const marks = (...list: (string | undefined)[]) =>
  Object.fromEntries(list.map((m, i) => [`s${i + 1}`, m]));

describe("completion rule", () => {
  const cases: {
    name: string;
    input: Parameters<typeof completionOf>[0];
    attended: number;
    counted: number;
    complete: boolean;
    onTrack?: boolean;
    hours?: number;
    remaining?: number;
  }[] = [
    {
      name: "late counts as attended",
      input: {
        sessions: sessions(4, 4),
        enrolledAt: before,
        marks: marks("late", "late", "present", "absent"),
        completionPercent: 75,
      },
      attended: 3,
      counted: 4,
      complete: true,
      hours: 9,
    },
    {
      name: "excused is out of the denominator",
      input: {
        sessions: sessions(4, 4),
        enrolledAt: before,
        marks: marks("present", "present", "present", "excused"),
        completionPercent: 100,
      },
      attended: 3,
      counted: 3,
      complete: true,
    },
    {
      name: "absent counts against, and so does no mark at a held session",
      input: {
        sessions: sessions(4, 4),
        enrolledAt: before,
        marks: marks("present", "present", "absent", undefined),
        completionPercent: 75,
      },
      attended: 2,
      counted: 4,
      complete: false,
      onTrack: false,
      hours: 6,
    },
    {
      name: "sessions not yet held are ignored (but keep the person on track)",
      input: {
        sessions: sessions(6, 2),
        enrolledAt: before,
        marks: marks("present", "absent"),
        completionPercent: 75,
      },
      attended: 1,
      counted: 2,
      complete: false,
      onTrack: true,
      remaining: 4,
    },
    {
      name: "cancelled sessions are ignored",
      input: {
        sessions: sessions(3, 3, [{}, { status: "cancelled" }, {}]),
        enrolledAt: before,
        marks: marks("present", undefined, "present"),
        completionPercent: 100,
      },
      attended: 2,
      counted: 2,
      complete: true,
    },
    {
      name: "late enrolment: sessions held before are not counted against the person",
      input: {
        sessions: sessions(4, 4),
        enrolledAt: new Date(T0 + 8 * 24 * H),
        marks: marks(undefined, "absent", "present", "present"),
        completionPercent: 75,
      },
      attended: 2,
      counted: 2,
      complete: true,
    },
    {
      name: "late enrolment: a session before enrolment that they attended still counts for them",
      input: {
        sessions: sessions(4, 4),
        enrolledAt: new Date(T0 + 8 * 24 * H),
        marks: marks("present", undefined, "present", "present"),
        completionPercent: 75,
      },
      attended: 3,
      counted: 3,
      complete: true,
    },
    {
      name: "boundary: exactly 75 % completes",
      input: {
        sessions: sessions(4, 4),
        enrolledAt: before,
        marks: marks("present", "present", "present", "absent"),
        completionPercent: 75,
      },
      attended: 3,
      counted: 4,
      complete: true,
    },
    {
      name: "boundary: just under 75 % does not (5 of 7 = 71 %)",
      input: {
        sessions: sessions(7, 7),
        enrolledAt: before,
        marks: marks("present", "present", "present", "present", "present", "absent", "absent"),
        completionPercent: 75,
      },
      attended: 5,
      counted: 7,
      complete: false,
    },
    {
      name: "no float surprises: 7 of 10 at 70 % completes",
      input: {
        sessions: sessions(10, 10),
        enrolledAt: before,
        marks: marks(...Array(7).fill("present"), "absent", "absent", "absent"),
        completionPercent: 70,
      },
      attended: 7,
      counted: 10,
      complete: true,
    },
    {
      name: "no held sessions: nothing is complete, but everyone is on track",
      input: { sessions: sessions(3, 0), enrolledAt: before, marks: {}, completionPercent: 75 },
      attended: 0,
      counted: 0,
      complete: false,
      onTrack: true,
      hours: 0,
      remaining: 3,
    },
    {
      name: "no sessions at all: not complete, not on track",
      input: { sessions: [], enrolledAt: before, marks: {}, completionPercent: 75 },
      attended: 0,
      counted: 0,
      complete: false,
      onTrack: false,
    },
    {
      name: "only excused: counted 0, never complete",
      input: {
        sessions: sessions(2, 2),
        enrolledAt: before,
        marks: marks("excused", "excused"),
        completionPercent: 75,
      },
      attended: 0,
      counted: 0,
      complete: false,
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const r = completionOf(c.input);
      expect({ attended: r.attended, counted: r.counted, complete: r.complete }).toEqual({
        attended: c.attended,
        counted: c.counted,
        complete: c.complete,
      });
      if (c.onTrack !== undefined) expect(r.onTrack).toBe(c.onTrack);
      if (c.hours !== undefined) expect(r.hours).toBe(c.hours);
      if (c.remaining !== undefined) expect(r.remaining).toBe(c.remaining);
    });
  }

  it("spells out what is needed: ceil(75 % of 9) = 7", () => {
    const r = completionOf({
      sessions: sessions(9, 9),
      enrolledAt: before,
      marks: marks(...Array(7).fill("present"), "absent", "excused"),
      completionPercent: 75,
    });
    expect([r.attended, r.counted, r.required, r.percent]).toEqual([7, 8, 6, 87]);
    expect(r.standings.s9).toBe("excused");
  });

  it("meetsShare uses integers at every percent", () => {
    for (let counted = 1; counted <= 40; counted++)
      for (let attended = 0; attended <= counted; attended++)
        for (const percent of [50, 66, 67, 70, 75, 80, 90, 100])
          expect(meetsShare(attended, counted, percent)).toBe(attended * 100 >= percent * counted);
    expect(meetsShare(0, 0, 0)).toBe(false);
  });
});

describe("merged participants", () => {
  it("two records of one person: the same arithmetic on the union of their marks", () => {
    const all = sessions(4, 4);
    const enrolled = { enrolledAt: before, marks: marks("present", undefined, "absent") };
    const walkIn = { enrolledAt: null, marks: { s2: "late", s3: "present" } };
    const folded = foldMarks(enrolled, walkIn);
    const r = completionOf({ sessions: all, ...folded, completionPercent: 75 });
    expect(folded.marks).toEqual({ s1: "present", s2: "late", s3: "present" });
    expect([r.attended, r.counted, r.complete]).toEqual([3, 4, true]);
    // Neither record alone completes; nothing is counted twice.
    const alone = [enrolled, walkIn].map(
      (w) => completionOf({ sessions: all, ...w, completionPercent: 75 }).complete,
    );
    expect(alone).toEqual([false, false]);
  });

  it("folding takes the earliest enrolment", () => {
    const late = new Date(T0 + 8 * 24 * H);
    expect(
      foldMarks({ enrolledAt: late, marks: {} }, { enrolledAt: before, marks: {} }).enrolledAt,
    ).toEqual(before);
  });
});
