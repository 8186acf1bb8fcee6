import { meetingCountsForVote, splitHands } from "./tally-rules";

const t = (iso: string) => new Date(`2026-11-${iso}:00Z`);

describe("which assemblies a show of hands can come from (table)", () => {
  const vote = { createdAt: t("10T12:00"), opensAt: t("10T12:00"), closesAt: t("17T12:00") };
  const meeting = (start: string, end: string, status = "held") => ({
    status,
    startsAt: t(start),
    endsAt: t(end),
  });
  it.each([
    ["weeks before the vote", meeting("01T10:00", "01T13:00"), vote, false],
    ["ended just before the opening", meeting("10T09:00", "10T12:00"), vote, false],
    ["going on when the vote opened", meeting("10T10:00", "10T13:00"), vote, true],
    ["during the vote", meeting("12T10:00", "12T13:00"), vote, true],
    ["starting at the close", meeting("17T12:00", "17T14:00"), vote, false],
    [
      "during the vote, its attendance open",
      meeting("19T15:00", "19T18:00"),
      { ...vote, closesAt: t("25T12:00") },
      true,
    ],
    [
      "during the vote, but not started yet",
      meeting("20T10:00", "20T13:00"),
      { ...vote, closesAt: t("25T12:00") },
      false,
    ],
    ["cancelled, during the vote", meeting("12T10:00", "12T13:00", "cancelled"), vote, false],
    [
      "before the vote was created, whatever its backdated opening",
      meeting("05T10:00", "05T13:00"),
      { ...vote, opensAt: t("01T00:00") },
      false,
    ],
  ])("%s", (_label, m, v, expected) => {
    expect(meetingCountsForVote(m, v, t("19T12:00"))).toBe(expected);
  });
});

describe("members' and others' hands (table)", () => {
  const base = { membersPresent: 4, othersPresent: 2, markedMembers: 0, nonMembersMayVote: false };
  it.each([
    [
      "members only, within the members present",
      { ...base, total: 4 },
      { members: 4, nonMembers: 0 },
    ],
    ["members only, more hands than members", { ...base, total: 5 }, { mayVote: 4 }],
    [
      "others admitted: unmarked hands are theirs first",
      { ...base, nonMembersMayVote: true, total: 5, markedMembers: 1 },
      { members: 3, nonMembers: 2 },
    ],
    [
      "others admitted: marked members are members",
      { ...base, nonMembersMayVote: true, total: 3, markedMembers: 2 },
      { members: 2, nonMembers: 1 },
    ],
    [
      "others admitted: never more than present",
      { ...base, nonMembersMayVote: true, total: 7 },
      { mayVote: 6 },
    ],
  ])("%s", (_label, input, expected) => {
    expect(splitHands(input)).toMatchObject(expected);
  });
});
