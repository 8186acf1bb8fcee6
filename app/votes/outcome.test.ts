import { decideVote, type OptionCount } from "./outcome";

const yesNo = (
  yes: [number, number],
  no: [number, number],
  abstain: [number, number] = [0, 0],
): OptionCount[] => [
  { id: "y", code: "yes", label: "yes", online: yes[0], inPerson: yes[1] },
  { id: "n", code: "no", label: "no", online: no[0], inPerson: no[1] },
  { id: "a", code: "abstain", label: "abstain", online: abstain[0], inPerson: abstain[1] },
];

describe("deciding a vote", () => {
  it("simple majority: more yes than no, abstentions aside", () => {
    const r = decideVote({
      options: yesNo([6, 0], [5, 0], [9, 0]),
      eligible: 40,
      quorumPercent: 50,
      rule: "simple",
    });
    expect(r).toMatchObject({
      participation: 20,
      required: 20,
      quorumMet: true,
      outcome: "accepted",
      reason: "approved",
      winnerId: "y",
    });
  });

  it("simple majority: a tie is not a majority", () => {
    const r = decideVote({
      options: yesNo([5, 0], [5, 0]),
      eligible: 10,
      quorumPercent: 50,
      rule: "simple",
    });
    expect(r).toMatchObject({ outcome: "rejected", reason: "tie" });
  });

  it("two thirds: exactly two thirds passes, less does not", () => {
    expect(
      decideVote({
        options: yesNo([10, 0], [5, 0]),
        eligible: 15,
        quorumPercent: 50,
        rule: "twoThirds",
      }).outcome,
    ).toBe("accepted");
    expect(
      decideVote({
        options: yesNo([9, 0], [5, 0]),
        eligible: 15,
        quorumPercent: 50,
        rule: "twoThirds",
      }),
    ).toMatchObject({
      outcome: "rejected",
      reason: "notEnoughYes",
    });
    // Abstentions do not dilute the two thirds.
    expect(
      decideVote({
        options: yesNo([2, 0], [1, 0], [7, 0]),
        eligible: 10,
        quorumPercent: 50,
        rule: "twoThirds",
      }).outcome,
    ).toBe("accepted");
  });

  it("quorum not met rejects whatever the counts", () => {
    const r = decideVote({
      options: yesNo([9, 0], [0, 0]),
      eligible: 40,
      quorumPercent: 50,
      rule: "simple",
    });
    expect(r).toMatchObject({
      participation: 9,
      required: 20,
      quorumMet: false,
      outcome: "rejected",
      reason: "quorumNotMet",
    });
    expect(
      decideVote({ options: yesNo([0, 0], [0, 0]), eligible: 0, quorumPercent: 0, rule: "simple" })
        .quorumMet,
    ).toBe(false);
  });

  it("adds online ballots and hands counted in person", () => {
    const r = decideVote({
      options: yesNo([3, 12], [4, 2], [0, 1]),
      eligible: 30,
      quorumPercent: 60,
      rule: "simple",
    });
    expect(r.options.map((o) => o.total)).toEqual([15, 6, 1]);
    expect(r).toMatchObject({
      online: 7,
      inPerson: 15,
      participation: 22,
      required: 18,
      outcome: "accepted",
    });
  });

  it("plurality for custom options, and a tie decides nothing", () => {
    const options = [
      { id: "a", code: null, label: "Guayusa", online: 4, inPerson: 3 },
      { id: "b", code: null, label: "Cacao", online: 2, inPerson: 2 },
      { id: "c", code: null, label: "Miel", online: 1, inPerson: 0 },
    ];
    expect(
      decideVote({ options, eligible: 20, quorumPercent: 50, rule: "plurality" }),
    ).toMatchObject({ outcome: "accepted", winnerId: "a" });
    options[1].inPerson = 5;
    expect(
      decideVote({ options, eligible: 20, quorumPercent: 50, rule: "plurality" }),
    ).toMatchObject({ outcome: "rejected", reason: "tie", winnerId: null });
  });

  it("non-members' hands count in the totals, never toward the members' quorum", () => {
    const r = decideVote({
      options: yesNo([1, 6], [0, 1]),
      eligible: 10,
      nonMemberHands: 5,
      quorumPercent: 50,
      rule: "simple",
    });
    expect(r).toMatchObject({
      participation: 8,
      members: 3,
      nonMembers: 5,
      required: 5,
      quorumMet: false,
      outcome: "rejected",
    });
    expect(r.options.map((o) => o.total)).toEqual([7, 1, 0]);
  });

  it("never shows more members taking part than there are eligible members", () => {
    const r = decideVote({
      options: yesNo([3, 3], [0, 0]),
      eligible: 4,
      nonMemberHands: 0,
      quorumPercent: 50,
      rule: "simple",
    });
    expect(r).toMatchObject({ participation: 6, members: 4, nonMembers: 0, quorumMet: true });
  });
});
