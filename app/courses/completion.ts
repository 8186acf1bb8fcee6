/**
 * The completion rule of a course: ONE pure function, used by the participant's progress
 * page, the facilitators' matrix and the close action that issues certificates
 * (docs/decisions/016-completion-certificates.md).
 */

export type SessionStatus = "scheduled" | "held" | "cancelled";

export interface CompletionSession {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
}

export interface CompletionInput {
  sessions: CompletionSession[];
  /** When the person was enrolled; null when they only have attendance (walk-in, never enrolled). */
  enrolledAt: Date | null;
  /** Their marks by session id: present | late | excused | absent. Unmarked at a held session = absent. */
  marks: Record<string, string | undefined>;
  completionPercent: number;
}

/** How one session stands for one person. */
export type SessionStanding =
  | "attended" // present or late at a held session
  | "absent" // held, counted, not attended (marked absent or not marked)
  | "excused" // held, excused: out of the denominator
  | "beforeEnrolment" // held before they enrolled and not attended: out of the denominator
  | "upcoming" // scheduled, not yet held
  | "cancelled";

export interface Completion {
  attended: number;
  counted: number;
  /** Attended sessions needed out of those counted so far: ceil(percent × counted / 100). */
  required: number;
  /** Hours of the held sessions attended (duration of each session). */
  hours: number;
  /** Scheduled sessions not yet held. */
  remaining: number;
  complete: boolean;
  /** Could still complete by attending every remaining scheduled session (true once complete). */
  onTrack: boolean;
  /** Whole percent attended of counted, rounded down (0 when nothing is counted). */
  percent: number;
  standings: Record<string, SessionStanding>;
}

const ATTENDED = new Set(["present", "late"]);

/** Integer arithmetic: attended/counted ≥ percent/100 without floating point. */
export function meetsShare(attended: number, counted: number, percent: number): boolean {
  return counted > 0 && attended * 100 >= percent * counted;
}

export function completionOf(input: CompletionInput): Completion {
  const { sessions, enrolledAt, marks, completionPercent } = input;
  let attended = 0;
  let counted = 0;
  let remaining = 0;
  let ms = 0;
  const standings: Record<string, SessionStanding> = {};
  for (const s of sessions) {
    const mark = marks[s.id];
    let standing: SessionStanding;
    if (s.status === "cancelled") standing = "cancelled";
    else if (s.status !== "held") {
      standing = "upcoming";
      remaining += 1;
    } else if (mark && ATTENDED.has(mark)) standing = "attended";
    else if (mark === "excused") standing = "excused";
    // A session held before the person enrolled is not counted against them.
    else if (enrolledAt && s.startsAt.getTime() < enrolledAt.getTime())
      standing = "beforeEnrolment";
    else standing = "absent";
    standings[s.id] = standing;
    if (standing === "attended") {
      attended += 1;
      counted += 1;
      ms += Math.max(0, s.endsAt.getTime() - s.startsAt.getTime());
    } else if (standing === "absent") counted += 1;
  }
  const complete = meetsShare(attended, counted, completionPercent);
  return {
    attended,
    counted,
    required: Math.ceil((completionPercent * counted) / 100),
    // Minutes are whole in practice; round to a tenth of an hour for display and storage.
    hours: Math.round(ms / 360_000) / 10,
    remaining,
    complete,
    onTrack: complete || meetsShare(attended + remaining, counted + remaining, completionPercent),
    percent: counted > 0 ? Math.floor((attended * 100) / counted) : 0,
    standings,
  };
}

/**
 * Two records of the same person folded into one (a merge not yet done, or rows of both in
 * the matrix): the union of their marks, the best mark winning where both have one, and the
 * earliest enrolment.
 */
export function foldMarks(
  ...records: { enrolledAt: Date | null; marks: Record<string, string | undefined> }[]
): { enrolledAt: Date | null; marks: Record<string, string | undefined> } {
  const rank = (m: string | undefined) =>
    m === "present" ? 4 : m === "late" ? 3 : m === "excused" ? 2 : m === "absent" ? 1 : 0;
  const marks: Record<string, string | undefined> = {};
  let enrolledAt: Date | null = null;
  for (const r of records) {
    if (r.enrolledAt && (!enrolledAt || r.enrolledAt < enrolledAt)) enrolledAt = r.enrolledAt;
    for (const [id, m] of Object.entries(r.marks)) if (rank(m) > rank(marks[id])) marks[id] = m;
  }
  return { enrolledAt, marks };
}
