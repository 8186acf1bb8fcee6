import { db } from "~/db.server";
import { membersActiveAt } from "~/platforms/membership.server";

export interface Quorum {
  /** Members whose membership was active when the meeting started. */
  eligible: number;
  /** Of those, how many were present. */
  present: number;
  /** Present members needed: the platform's share of `eligible`, rounded up. */
  required: number;
  quorumPercent: number;
  reached: boolean;
  /** Present people who do not count toward quorum: walk-ins and later members. */
  otherParticipants: number;
  /** No attendance taken yet and the meeting not over: what is needed, not a failure. */
  pending: boolean;
}

/**
 * Before any attendance is taken (status still "scheduled" or "cancelled") and before the end,
 * "0 present, quorum not reached" would read as a failure ten days ahead: the quorum is pending.
 */
export function quorumPending(meeting: { status: string; endsAt: Date }, now: Date): boolean {
  return meeting.status !== "held" && now < meeting.endsAt;
}

/** The quorum rule: at least `quorumPercent` % of eligible members present. */
export function computeQuorum(eligible: number, present: number, quorumPercent: number) {
  const required = Math.ceil((eligible * quorumPercent) / 100);
  return {
    eligible,
    present,
    required,
    quorumPercent,
    reached: eligible > 0 && present >= required,
  };
}

/** The platform's current rule applies until the minutes are published, then the frozen one. */
export async function quorumForMeeting(
  meeting: {
    id: string;
    platformId: string;
    startsAt: Date;
    endsAt: Date;
    status: string;
    quorumPercent?: number | null;
  },
  platformQuorumPercent: number,
  now = new Date(),
): Promise<Quorum> {
  const quorumPercent = meeting.quorumPercent ?? platformQuorumPercent;
  const [eligibleMembers, presentRows] = await Promise.all([
    membersActiveAt(meeting.platformId, meeting.startsAt),
    db.attendance.findMany({
      where: { meetingId: meeting.id, status: "present" },
      select: { participantId: true, walkIn: true },
    }),
  ]);
  const eligibleIds = new Set(eligibleMembers.map((m) => m.participantId).filter(Boolean));
  // Counted as they were recorded: someone written down at the door stays outside the
  // quorum even if their record is later joined to a member's (a merge changes no count).
  const present = presentRows.filter((r) => !r.walkIn && eligibleIds.has(r.participantId)).length;
  return {
    ...computeQuorum(eligibleIds.size, present, quorumPercent),
    otherParticipants: presentRows.length - present,
    pending: quorumPending(meeting, now),
  };
}
