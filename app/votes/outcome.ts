/**
 * How a vote is decided, from online ballots and in-person counts together. Pure, so
 * that every rule can be tested on its own and the stored result is reproducible.
 */
export type ApprovalRule = "simple" | "twoThirds" | "plurality";

export interface OptionCount {
  id: string;
  code: string | null;
  label: string;
  online: number;
  inPerson: number;
}

export interface VoteResult {
  options: (OptionCount & { total: number })[];
  /** People who took part: online ballots plus hands counted in person. */
  participation: number;
  online: number;
  inPerson: number;
  /**
   * Of the participation, members (online ballots and members' hands, never more than the
   * eligible members) and people who are not members (hands at assemblies that admit them).
   * Only members count toward the quorum. Absent from results stored before they existed.
   */
  members?: number;
  nonMembers?: number;
  /** Active members when the vote closed. */
  eligible: number;
  quorumPercent: number;
  /** Participation needed: the quorum share of eligible members, rounded up. */
  required: number;
  quorumMet: boolean;
  rule: ApprovalRule;
  outcome: "accepted" | "rejected";
  /** Why, as a message key: quorumNotMet, approved, notEnoughYes, tie, plurality. */
  reason: string;
  winnerId: string | null;
}

export function decideVote(input: {
  options: OptionCount[];
  eligible: number;
  /** Hands counted in person from people who are not members (part of `inPerson`). */
  nonMemberHands?: number;
  quorumPercent: number;
  rule: ApprovalRule;
}): VoteResult {
  const options = input.options.map((o) => ({ ...o, total: o.online + o.inPerson }));
  const online = options.reduce((s, o) => s + o.online, 0);
  const inPerson = options.reduce((s, o) => s + o.inPerson, 0);
  const participation = online + inPerson;
  const nonMembers = Math.min(input.nonMemberHands ?? 0, inPerson);
  // A member counted twice (a hand not marked as theirs plus an online ballot) cannot make
  // more members take part than there are.
  const members = Math.min(participation - nonMembers, input.eligible);
  const required = Math.ceil((input.eligible * input.quorumPercent) / 100);
  // The quorum is a share of the members: hands of non-members count in the totals only.
  const quorumMet = members > 0 && members >= required;
  const base = {
    options,
    participation,
    online,
    inPerson,
    members,
    nonMembers,
    eligible: input.eligible,
    quorumPercent: input.quorumPercent,
    required,
    quorumMet,
    rule: input.rule,
  };
  if (!quorumMet) return { ...base, outcome: "rejected", reason: "quorumNotMet", winnerId: null };

  if (input.rule === "plurality") {
    const top = Math.max(...options.map((o) => o.total));
    const leaders = options.filter((o) => o.total === top);
    if (leaders.length !== 1)
      return { ...base, outcome: "rejected", reason: "tie", winnerId: null };
    return { ...base, outcome: "accepted", reason: "plurality", winnerId: leaders[0].id };
  }

  // Abstentions count toward participation, never toward the majority.
  const yes = options.find((o) => o.code === "yes")?.total ?? 0;
  const no = options.find((o) => o.code === "no")?.total ?? 0;
  const approved =
    input.rule === "twoThirds" ? yes + no > 0 && 3 * yes >= 2 * (yes + no) : yes > no;
  const yesId = options.find((o) => o.code === "yes")?.id ?? null;
  if (approved) return { ...base, outcome: "accepted", reason: "approved", winnerId: yesId };
  return {
    ...base,
    outcome: "rejected",
    reason: yes === no ? "tie" : "notEnoughYes",
    winnerId: null,
  };
}
