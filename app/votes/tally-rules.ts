import { ATTENDANCE_OPENS_BEFORE_MS } from "~/attendance/window";
/**
 * Which assemblies a vote's show-of-hands count may come from, and how many hands an
 * assembly can give. Pure, so the tally form (what it offers) and the recording (what it
 * accepts) apply the same rule. See docs/decisions/008-governance-records-openings-hands-attendance.md.
 */

export interface TallyVote {
  opensAt: Date;
  closesAt: Date;
  /** When the vote was opened in the portal: nothing before it can be part of it. */
  createdAt: Date;
}
export interface TallyMeeting {
  status: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * Hands count only at an assembly held while the vote was open: one that was still going on
 * when the vote opened (votes are often opened "now", in the middle of the assembly) or that
 * began afterwards, and began before the close. The opening is never earlier than the moment
 * the vote was created, so an assembly over before the vote existed never counts, even for a
 * vote whose opening was backdated before backdating was refused. Hands are raised at the
 * assembly itself: nothing is counted before its attendance opens (the same window as the
 * attendance sheet, from six hours before the start).
 */
export function meetingCountsForVote(meeting: TallyMeeting, vote: TallyVote, now: Date): boolean {
  if (meeting.status === "cancelled") return false;
  if (now.getTime() < meeting.startsAt.getTime() - ATTENDANCE_OPENS_BEFORE_MS) return false;
  const opened = Math.max(vote.opensAt.getTime(), vote.createdAt.getTime());
  return meeting.endsAt.getTime() > opened && meeting.startsAt.getTime() < vote.closesAt.getTime();
}

/**
 * How the hands of one count split between members and people who are not members.
 * Only members present may raise a hand, unless the platform admits non-members; then the
 * hands not attributed to a marked member are taken as non-members' first (up to how many
 * were present), so the members' share, which decides the quorum, is never overstated.
 */
export function splitHands(input: {
  total: number;
  /** Members present at the assembly (active members of the platform). */
  membersPresent: number;
  /** Present people who are not active members (walk-ins, former members). */
  othersPresent: number;
  /** Members the facilitator marked as voting by hand. */
  markedMembers: number;
  nonMembersMayVote: boolean;
}): { ok: true; members: number; nonMembers: number } | { ok: false; mayVote: number } {
  const others = input.nonMembersMayVote ? input.othersPresent : 0;
  const mayVote = input.membersPresent + others;
  if (input.total > mayVote) return { ok: false, mayVote };
  const nonMembers = Math.min(others, input.total - input.markedMembers);
  return { ok: true, members: input.total - nonMembers, nonMembers };
}
