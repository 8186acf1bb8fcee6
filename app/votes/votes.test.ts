import { db } from "~/db.server";
import { lockRow } from "~/row-lock.server";
import { heldTransaction, meanwhile } from "~/test/held-transaction";
import { addWalkIn, removeWalkIn, saveAttendance } from "~/meetings/attendance.server";
import { openVoteSchema } from "~/votes/schemas";
import {
  castBallot,
  closeVoteEarly,
  myBallot,
  publicBallots,
  storedResult,
  voteForProposal,
  VOTERS_PAGE_SIZE,
} from "~/votes/votes.server";
import { recordTally, tallyContext } from "~/votes/tally.server";
import { openVote } from "~/votes/votes.server";
import { removeMember } from "~/platforms/membership.server";
import { eraseAccount } from "~/privacy/erase.server";
import { viewerOf } from "~/platforms/permissions.server";
import { getProposal, listProposals } from "~/proposals/proposals.server";
import { addMember, makeMeeting, makePlatform, makeUser, participantOf } from "~/test/world";

/** An assembly under way: hands are counted only once it has started. */
const startedAgo = () => new Date(Date.now() - 30 * 60_000);

const day = 24 * 3600_000;
const inDays = (n: number) => new Date(Date.now() + n * day).toISOString().slice(0, 10);

function voteInput(overrides: Record<string, unknown> = {}) {
  return openVoteSchema.parse({
    kind: "yesNo",
    opens: "now",
    closeDate: inDays(3),
    closeTime: "18:00",
    quorumPercent: 50,
    approvalRule: "simple",
    secret: "public",
    ...overrides,
  });
}

async function setup(voteOverrides: Record<string, unknown> = {}) {
  const platform = await makePlatform({ quorumPercent: 50 });
  const coordinator = await makeUser("Coordinadora");
  await addMember(coordinator, platform.id, "coordinator");
  const members = await Promise.all(["Ana", "Beto", "Cira", "Dario"].map((n) => makeUser(n)));
  for (const m of members) await addMember(m, platform.id);
  const proposal = await db.proposal.create({
    data: {
      platformId: platform.id,
      authorId: members[0].id,
      title: "Propuesta",
      summary: "Resumen",
      state: "discussion",
    },
  });
  const opened = await openVote(
    coordinator,
    { ...platform, approvalRule: "simple" },
    proposal.id,
    voteInput(voteOverrides),
  );
  if (!opened.ok) throw new Error(JSON.stringify(opened));
  const vote = (await voteForProposal(platform.id, proposal.id))!;
  const option = (code: string) => vote.options.find((o) => o.code === code)!.id;
  return { platform, coordinator, members, proposal, vote, option };
}

describe("opening a vote", () => {
  it("refuses fewer than two, more than ten, or duplicate custom options", () => {
    const errors = (options: string) =>
      openVoteSchema
        .safeParse({
          kind: "custom",
          options,
          secret: "public",
          opens: "now",
          closeDate: inDays(2),
          closeTime: "10:00",
          quorumPercent: 50,
        })
        .error?.flatten().fieldErrors.options;
    expect(errors("Solo una")).toEqual(["votes:errors.optionCount|min=2|max=10"]);
    expect(errors(Array.from({ length: 11 }, (_, i) => `Opción ${i}`).join("\n"))).toEqual([
      "votes:errors.optionCount|min=2|max=10",
    ]);
    expect(errors("Cacao\ncacao")).toEqual(["votes:errors.duplicateOption"]);
    expect(errors("Cacao\nGuayusa")).toBeUndefined();
  });

  it("refuses a closing time in the past and writes nothing", async () => {
    const platform = await makePlatform();
    const coordinator = await makeUser();
    const author = await makeUser();
    const proposal = await db.proposal.create({
      data: {
        platformId: platform.id,
        authorId: author.id,
        title: "x",
        summary: "y",
        state: "discussion",
      },
    });
    const outcome = await openVote(
      coordinator,
      { ...platform, approvalRule: "simple" },
      proposal.id,
      voteInput({ closeDate: "2020-01-01" }),
    );
    expect(outcome).toEqual({
      ok: false,
      fieldErrors: { closeDate: ["votes:errors.closeInPast"] },
    });
    expect(await db.vote.count({ where: { proposalId: proposal.id } })).toBe(0);
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).state).toBe(
      "discussion",
    );
  });

  it("moves the proposal to voting, once", async () => {
    const { platform, coordinator, proposal } = await setup();
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).state).toBe(
      "voting",
    );
    expect(
      await openVote(
        coordinator,
        { ...platform, approvalRule: "simple" },
        proposal.id,
        voteInput(),
      ),
    ).toMatchObject({
      formErrors: ["votes:errors.alreadyHasVote"],
    });
  });
});

describe("ballots", () => {
  it("one per member, changeable, and only the member's own choice is shown to them", async () => {
    const { platform, members, vote, option } = await setup();
    await castBallot(members[0], platform.id, vote.id, option("no"));
    await castBallot(members[0], platform.id, vote.id, option("yes"));
    expect(await db.ballot.count({ where: { voteId: vote.id } })).toBe(1);
    expect(await myBallot(vote.id, members[0].id)).toEqual({
      optionId: option("yes"),
      inPerson: false,
    });
    expect(await myBallot(vote.id, members[1].id)).toEqual({ optionId: null, inPerson: false });
  });

  it("refuses an option of another vote", async () => {
    const a = await setup();
    const b = await setup();
    expect(await castBallot(a.members[0], a.platform.id, a.vote.id, b.option("yes"))).toEqual({
      ok: false,
      fieldErrors: { optionId: ["votes:errors.badOption"] },
    });
  });

  it("refuses a ballot before the opening and after the close", async () => {
    const later = await setup({ opens: "later", openDate: inDays(1), openTime: "08:00" });
    expect(
      await castBallot(later.members[0], later.platform.id, later.vote.id, later.option("yes")),
    ).toMatchObject({
      formErrors: ["votes:errors.notOpenYet"],
    });
    const { platform, members, vote, option } = await setup();
    const afterClose = new Date(vote.closesAt.getTime() + 1000);
    expect(
      await castBallot(members[0], platform.id, vote.id, option("yes"), afterClose),
    ).toMatchObject({
      formErrors: ["votes:errors.closed"],
    });
    // The late ballot is not stored, and the vote it found due is closed at its closing time.
    expect(await db.ballot.count({ where: { voteId: vote.id } })).toBe(0);
    const stored = await db.vote.findUniqueOrThrow({ where: { id: vote.id } });
    expect(stored.closedAt?.toISOString()).toBe(vote.closesAt.toISOString());
  });

  it("closes at the closing time when first read, stores the result and never changes it", async () => {
    const { platform, members, proposal, vote, option } = await setup();
    await castBallot(members[0], platform.id, vote.id, option("yes"));
    await castBallot(members[1], platform.id, vote.id, option("yes"));
    await castBallot(members[2], platform.id, vote.id, option("no"));
    const read = await voteForProposal(
      platform.id,
      proposal.id,
      new Date(vote.closesAt.getTime() + 60_000),
    );
    expect(read!.closedAt!.toISOString()).toBe(vote.closesAt.toISOString());
    const result = storedResult(read!)!;
    // 5 eligible (coordinator + 4), 3 took part, 3 needed.
    expect(result).toMatchObject({
      eligible: 5,
      participation: 3,
      required: 3,
      outcome: "accepted",
    });
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).state).toBe(
      "accepted",
    );
    // Later changes to the ballots table cannot move a closed result.
    await db.ballot.deleteMany({ where: { voteId: vote.id } });
    expect(storedResult((await voteForProposal(platform.id, proposal.id))!)).toEqual(result);
  });

  it("an early close asked for after the closing time is refused: the vote closes at its time, without that reason", async () => {
    const { platform, coordinator, members, vote, option } = await setup();
    await castBallot(members[0], platform.id, vote.id, option("yes"));
    const late = new Date(vote.closesAt.getTime() + 60_000);
    expect(await closeVoteEarly(coordinator, platform.id, vote.id, "Tarde", late)).toMatchObject({
      ok: false,
      formErrors: ["votes:errors.closed"],
    });
    const stored = await db.vote.findUniqueOrThrow({ where: { id: vote.id } });
    expect(stored.closedAt?.toISOString()).toBe(vote.closesAt.toISOString());
    expect(stored.closeReason).toBeNull();
    expect(stored.closedById).toBeNull();
    expect(storedResult(stored)).toMatchObject({ participation: 1 });
  });

  it("takes a ballot by the vote's proposal, as the proposal page sends it, on its own platform only", async () => {
    const { platform, members, proposal, vote, option } = await setup();
    expect(
      await castBallot(members[0], platform.id, { proposalId: proposal.id }, option("no")),
    ).toEqual({ ok: true, value: null });
    // A second one replaces the first, whichever way the vote is named.
    await castBallot(members[0], platform.id, vote.id, option("yes"));
    const ballots = await db.ballot.findMany({ where: { voteId: vote.id } });
    expect(ballots.map((b) => [b.userId, b.optionId])).toEqual([[members[0].id, option("yes")]]);
    // The same proposal named from another platform (where Beto is a member too) is not
    // found, and nothing is written.
    const other = await makePlatform();
    await addMember(members[1], other.id);
    await expect(
      castBallot(members[1], other.id, { proposalId: proposal.id }, option("yes")),
    ).rejects.toMatchObject({ status: 404 });
    expect(await db.ballot.count({ where: { voteId: vote.id } })).toBe(1);
  });

  it("does not count the ballot of a member removed before the close", async () => {
    const { platform, coordinator, members, vote, option } = await setup();
    await castBallot(members[0], platform.id, vote.id, option("no"));
    await castBallot(members[1], platform.id, vote.id, option("yes"));
    await castBallot(members[2], platform.id, vote.id, option("yes"));
    const membership = await db.membership.findFirstOrThrow({
      where: { userId: members[0].id, platformId: platform.id },
    });
    await removeMember(coordinator, platform.id, membership.id, "Dejó la comunidad");
    await expect(castBallot(members[0], platform.id, vote.id, option("yes"))).rejects.toMatchObject(
      { status: 403 },
    );
    await closeVoteEarly(coordinator, platform.id, vote.id, "Fin");
    const result = storedResult((await voteForProposal(platform.id, vote.proposalId))!)!;
    expect(result).toMatchObject({ eligible: 4, participation: 2 });
    expect(result.options.find((o) => o.code === "no")!.online).toBe(0);
    // Someone with no say is refused as such, not told whether the vote is still open.
    await expect(castBallot(members[0], platform.id, vote.id, option("yes"))).rejects.toMatchObject(
      { status: 403 },
    );
  });

  it("lists a public vote's voters a page at a time by name, online and by hand apart", async () => {
    const { platform, coordinator, vote, option } = await setup();
    await closeVoteEarly(coordinator, platform.id, vote.id, "Fin");
    const closed = (await voteForProposal(platform.id, vote.proposalId))!;
    // More voters than a page, each way, written as the close left them.
    const n = VOTERS_PAGE_SIZE + 3;
    const label = (i: number) => String(n - 1 - i).padStart(3, "0");
    const users = Array.from({ length: n }, (_, i) => ({
      id: `pv-${vote.id}-${i}`,
      email: `pv-${vote.id}-${i}@example.test`,
      name: `En línea ${label(i)}`,
      passwordHash: "x",
    }));
    await db.user.createMany({ data: users });
    await db.ballot.createMany({
      data: users.map((u) => ({ voteId: vote.id, userId: u.id, optionId: option("yes") })),
    });
    const meeting = await makeMeeting(platform.id);
    const people = Array.from({ length: n }, (_, i) => ({
      id: `ph-${vote.id}-${i}`,
      name: `A mano ${label(i)}`,
    }));
    // And one person whose account was erased since: a record with no name left.
    people.push({ id: `ph-${vote.id}-erased`, name: "" });
    await db.participant.createMany({ data: people });
    await db.inPersonVoter.createMany({
      data: people.map((p) => ({ voteId: vote.id, meetingId: meeting.id, participantId: p.id })),
    });
    const names = (from: number, to: number, prefix: string) =>
      Array.from({ length: to - from }, (_, i) => `${prefix} ${String(from + i).padStart(3, "0")}`);

    const first = (await publicBallots(closed))!;
    expect(first.online.map((b) => b.name)).toEqual(names(0, VOTERS_PAGE_SIZE, "En línea"));
    expect(first.online.every((b) => b.optionId === option("yes"))).toBe(true);
    expect(first.onlinePages).toEqual({ count: n, page: 1, pages: 2 });
    expect(first.inPerson).toEqual(names(0, VOTERS_PAGE_SIZE, "A mano"));
    // The erased person's hand is counted, never named.
    expect(first.inPersonPages).toEqual({ count: n + 1, page: 1, pages: 2 });
    expect(first.formerInPerson).toBe(1);
    const second = (await publicBallots(closed, { online: 2, hands: 2 }))!;
    expect(second.online.map((b) => b.name)).toEqual(names(VOTERS_PAGE_SIZE, n, "En línea"));
    expect(second.inPerson).toEqual(names(VOTERS_PAGE_SIZE, n, "A mano"));
    // Each list turns its own pages.
    const mixed = (await publicBallots(closed, { hands: 2 }))!;
    expect(mixed.online).toHaveLength(VOTERS_PAGE_SIZE);
    expect(mixed.inPerson).toHaveLength(3);
  });

  it("never lists secret ballots, even after the close", async () => {
    const { platform, coordinator, members, vote, option } = await setup({ secret: "on" });
    await castBallot(members[0], platform.id, vote.id, option("yes"));
    await closeVoteEarly(coordinator, platform.id, vote.id, "Acuerdo de asamblea");
    const closed = (await voteForProposal(platform.id, vote.proposalId))!;
    expect(closed.secret).toBe(true);
    expect(await publicBallots(closed)).toBeNull();
    const audit = await db.auditEvent.findMany({ where: { entityId: vote.id } });
    expect(JSON.stringify(audit)).not.toContain(members[0].id);
  });
});

describe("in-person tallies", () => {
  async function withMeeting(present: number) {
    const world = await setup();
    const meeting = await makeMeeting(world.platform.id, {
      status: "held",
      startsAt: startedAgo(),
    });
    for (const m of world.members.slice(0, Math.min(present, 4))) {
      await db.attendance.create({
        data: {
          meetingId: meeting.id,
          participantId: await participantOf(m.id),
          status: "present",
        },
      });
    }
    for (let i = 4; i < present; i++) {
      const p = await db.participant.create({ data: { name: `Visitante ${i}` } });
      await db.attendance.create({
        data: { meetingId: meeting.id, participantId: p.id, status: "present", walkIn: true },
      });
    }
    return { ...world, meeting };
  }

  it("can never exceed the people present at that meeting", async () => {
    const { platform, coordinator, vote, option, meeting } = await withMeeting(6);
    const tooMany = await recordTally(coordinator, platform.id, vote.id, {
      meetingId: meeting.id,
      count: { [option("yes")]: 5, [option("no")]: 2 },
      inPerson: [],
    });
    // By default only the 4 members present raise a hand (the issue: walk-ins' hands counted).
    expect(tooMany).toMatchObject({
      formErrors: ["votes:errors.tallyTooLargeMembers|members=4|present=6"],
    });
    expect(
      await recordTally(coordinator, platform.id, vote.id, {
        meetingId: meeting.id,
        count: { [option("yes")]: 4, [option("no")]: 1 },
        inPerson: [],
      }),
    ).toMatchObject({ formErrors: ["votes:errors.tallyTooLargeMembers|members=4|present=6"] });
    expect(await db.inPersonTally.count({ where: { voteId: vote.id } })).toBe(0);
    // A platform that admits non-members' hands: up to everyone present.
    await db.platform.update({ where: { id: platform.id }, data: { nonMembersVoteByHand: true } });
    expect(
      await recordTally(coordinator, platform.id, vote.id, {
        meetingId: meeting.id,
        count: { [option("yes")]: 5, [option("no")]: 2 },
        inPerson: [],
      }),
    ).toMatchObject({ formErrors: ["votes:errors.tallyTooLarge|present=6"] });
  });

  it("is not left behind by an attendance correction: one that would unsettle it is undone", async () => {
    const { platform, coordinator, members, vote, option, meeting } = await withMeeting(4);
    const [ana, beto] = [await participantOf(members[0].id), await participantOf(members[1].id)];
    // Four members present, four hands; Ana's named.
    expect(
      await recordTally(coordinator, platform.id, vote.id, {
        meetingId: meeting.id,
        count: { [option("yes")]: 3, [option("no")]: 1 },
        inPerson: [ana],
      }),
    ).toEqual({ ok: true, value: null });
    const marks = () =>
      db.attendance.findMany({
        where: { meetingId: meeting.id },
        select: { participantId: true, status: true },
        orderBy: { participantId: "asc" },
      });
    const before = await marks();
    const refused = { ok: false, formErrors: ["votes:errors.countNoLongerFits"] };
    // Beto was not there after all: three present could not have raised four hands.
    expect(
      await saveAttendance(coordinator, platform.id, meeting.id, { [beto]: "absent" }),
    ).toMatchObject(refused);
    // Ana, named as voting by hand, cannot be marked absent under it either.
    expect(
      await saveAttendance(coordinator, platform.id, meeting.id, { [ana]: "excused" }),
    ).toMatchObject(refused);
    expect(await marks()).toEqual(before);
    // The count corrected first, the attendance correction goes through.
    await recordTally(coordinator, platform.id, vote.id, {
      meetingId: meeting.id,
      count: { [option("yes")]: 2, [option("no")]: 1 },
      inPerson: [ana],
    });
    expect(
      await saveAttendance(coordinator, platform.id, meeting.id, { [beto]: "absent" }),
    ).toEqual({
      ok: true,
      value: { changed: 1 },
    });
    // Once the vote is closed its count is a record; attendance corrections no longer touch it.
    await closeVoteEarly(coordinator, platform.id, vote.id, "Fin de la asamblea");
    expect(
      (await saveAttendance(coordinator, platform.id, meeting.id, { [ana]: "absent" })).ok,
    ).toBe(true);
  });

  it("is checked against an attendance correction under way, once it is saved", async () => {
    const { platform, coordinator, members, vote, option, meeting } = await withMeeting(4);
    const beto = await participantOf(members[1].id);
    // A facilitator's correction (Beto was not there), written and not yet committed, as the
    // attendance form does: the meeting's row locked first.
    const correcting = await heldTransaction(async (tx) => {
      await lockRow(tx, "Meeting", meeting.id);
      await tx.attendance.updateMany({
        where: { meetingId: meeting.id, participantId: beto },
        data: { status: "absent" },
      });
    });
    const counting = recordTally(coordinator, platform.id, vote.id, {
      meetingId: meeting.id,
      count: { [option("yes")]: 4 },
      inPerson: [],
    });
    await meanwhile();
    await correcting.commit();
    // Three present once the correction landed: four hands do not fit.
    expect(await counting).toMatchObject({ ok: false });
    expect(await db.inPersonTally.count({ where: { voteId: vote.id } })).toBe(0);
  });

  it("never refuses more people present, nor a vote already past its closing time", async () => {
    const { platform, coordinator, members, vote, option, meeting } = await withMeeting(4);
    const ana = await participantOf(members[0].id);
    await recordTally(coordinator, platform.id, vote.id, {
      meetingId: meeting.id,
      count: { [option("yes")]: 4 },
      inPerson: [ana],
    });
    // Ana leaves the platform: the count no longer fits (three members present, her hand
    // named), and that is for the count to be corrected; someone arriving is still written.
    const membership = await db.membership.findFirstOrThrow({
      where: { userId: members[0].id, platformId: platform.id },
    });
    await removeMember(coordinator, platform.id, membership.id, "Se mudó");
    expect(
      await addWalkIn(coordinator, platform.id, meeting.id, { name: "Visitante de Dureno" }),
    ).toMatchObject({ ok: true });
    // Past its closing time the count is a record: a correction no longer answers to it.
    await db.vote.update({
      where: { id: vote.id },
      data: { closesAt: new Date(Date.now() - 1000) },
    });
    expect(
      await saveAttendance(coordinator, platform.id, meeting.id, { [ana]: "absent" }),
    ).toMatchObject({ ok: true });
  });

  it("keeps a walk-in whose hand the count needs, until the count is corrected", async () => {
    const { platform, coordinator, vote, option, meeting } = await withMeeting(6);
    await db.platform.update({ where: { id: platform.id }, data: { nonMembersVoteByHand: true } });
    await recordTally(coordinator, platform.id, vote.id, {
      meetingId: meeting.id,
      count: { [option("yes")]: 6 },
      inPerson: [],
    });
    const walkIn = await db.attendance.findFirstOrThrow({
      where: { meetingId: meeting.id, walkIn: true },
    });
    expect(await removeWalkIn(coordinator, platform.id, meeting.id, walkIn.id)).toMatchObject({
      ok: false,
      formErrors: ["votes:errors.countNoLongerFits"],
    });
    expect(await db.attendance.count({ where: { id: walkIn.id } })).toBe(1);
    await recordTally(coordinator, platform.id, vote.id, {
      meetingId: meeting.id,
      count: { [option("yes")]: 5 },
      inPerson: [],
    });
    expect((await removeWalkIn(coordinator, platform.id, meeting.id, walkIn.id)).ok).toBe(true);
  });

  it("a member who voted online then by hand counts once, by hand", async () => {
    const { platform, coordinator, members, vote, option, meeting } = await withMeeting(6);
    // Five hands among 4 members and 2 walk-ins: only where non-members may vote.
    await db.platform.update({ where: { id: platform.id }, data: { nonMembersVoteByHand: true } });
    await castBallot(members[0], platform.id, vote.id, option("no"));
    await castBallot(members[1], platform.id, vote.id, option("yes"));
    const ok = await recordTally(coordinator, platform.id, vote.id, {
      meetingId: meeting.id,
      count: { [option("yes")]: 4, [option("no")]: 1 },
      inPerson: [await participantOf(members[0].id)],
    });
    expect(ok).toEqual({ ok: true, value: null });
    expect(await myBallot(vote.id, members[0].id)).toEqual({ optionId: null, inPerson: true });
    expect(await castBallot(members[0], platform.id, vote.id, option("yes"))).toMatchObject({
      formErrors: ["votes:errors.votedInPerson"],
    });
    await closeVoteEarly(coordinator, platform.id, vote.id, "Fin de la asamblea");
    const result = storedResult((await voteForProposal(platform.id, vote.proposalId))!)!;
    expect(result.options.map((o) => [o.code, o.online, o.inPerson])).toEqual([
      ["yes", 1, 4],
      ["no", 0, 1],
      ["abstain", 0, 0],
    ]);
    expect(result.participation).toBe(6);
    // Two of the unmarked hands are taken as the walk-ins': the members' share is not overstated.
    expect(result).toMatchObject({ members: 4, nonMembers: 2 });
  });

  it("only marks members present at that meeting, and is corrected with an audit trail", async () => {
    const { platform, coordinator, members, vote, option, meeting } = await withMeeting(2);
    expect(
      await recordTally(coordinator, platform.id, vote.id, {
        meetingId: meeting.id,
        count: { [option("yes")]: 2 },
        inPerson: [await participantOf(members[3].id)],
      }),
    ).toMatchObject({ formErrors: ["votes:errors.notPresent"] });
    await recordTally(coordinator, platform.id, vote.id, {
      meetingId: meeting.id,
      count: { [option("yes")]: 2 },
      inPerson: [],
    });
    await recordTally(coordinator, platform.id, vote.id, {
      meetingId: meeting.id,
      count: { [option("yes")]: 1, [option("no")]: 1 },
      inPerson: [],
    });
    expect(await db.inPersonTally.count({ where: { voteId: vote.id } })).toBe(1);
    const actions = (
      await db.auditEvent.findMany({ where: { entityId: vote.id }, orderBy: { createdAt: "asc" } })
    ).map((e) => e.action);
    expect(actions).toEqual(["vote.opened", "vote.tallyRecorded", "vote.tallyCorrected"]);
  });

  it("only counts hands at an assembly held while the vote was open", async () => {
    const { platform, coordinator, vote, option } = await withMeeting(2);
    const earlier = await makeMeeting(platform.id, {
      status: "held",
      startsAt: new Date(Date.now() - 30 * day),
      endsAt: new Date(Date.now() - 30 * day + 3600_000),
    });
    const p = await db.participant.create({ data: { name: "Visitante" } });
    await db.attendance.create({
      data: { meetingId: earlier.id, participantId: p.id, status: "present", walkIn: true },
    });
    expect(
      await recordTally(coordinator, platform.id, vote.id, {
        meetingId: earlier.id,
        count: { [option("yes")]: 1 },
        inPerson: [],
      }),
    ).toEqual({ ok: false, fieldErrors: { meetingId: ["votes:errors.meetingOutsideVote"] } });
  });

  it("refuses a meeting of another platform", async () => {
    const { platform, coordinator, vote, option } = await withMeeting(2);
    const other = await makePlatform();
    const foreign = await makeMeeting(other.id, { status: "held", startsAt: startedAgo() });
    expect(
      await recordTally(coordinator, platform.id, vote.id, {
        meetingId: foreign.id,
        count: { [option("yes")]: 1 },
        inPerson: [],
      }),
    ).toEqual({ ok: false, fieldErrors: { meetingId: ["validation.choice"] } });
  });
});

describe("no backdated vote", () => {
  it("refuses an opening in the past beside the opening date, and writes nothing", async () => {
    const platform = await makePlatform();
    const coordinator = await makeUser();
    const proposal = await db.proposal.create({
      data: { platformId: platform.id, authorId: coordinator.id, title: "x", summary: "y" },
    });
    await db.proposal.update({ where: { id: proposal.id }, data: { state: "discussion" } });
    const outcome = await openVote(
      coordinator,
      { ...platform, approvalRule: "simple" },
      proposal.id,
      voteInput({ opens: "later", openDate: inDays(-20), openTime: "09:00" }),
    );
    expect(outcome).toEqual({ ok: false, fieldErrors: { openDate: ["votes:errors.openInPast"] } });
    expect(await db.vote.count({ where: { proposalId: proposal.id } })).toBe(0);
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).state).toBe(
      "discussion",
    );
  });

  it("never counts hands from an assembly held before the vote existed", async () => {
    const { platform, coordinator, members, vote, option } = await setup();
    // An assembly weeks ago, with members present.
    const old = await makeMeeting(platform.id, {
      status: "held",
      startsAt: new Date(Date.now() - 20 * day),
      endsAt: new Date(Date.now() - 20 * day + 3 * 3600_000),
    });
    await db.attendance.create({
      data: {
        meetingId: old.id,
        participantId: await participantOf(members[0].id),
        status: "present",
      },
    });
    // A vote whose opening was backdated before that was refused (data from the old rule).
    await db.vote.update({
      where: { id: vote.id },
      data: { opensAt: new Date(Date.now() - 30 * day) },
    });
    expect(
      await recordTally(coordinator, platform.id, vote.id, {
        meetingId: old.id,
        count: { [option("yes")]: 1 },
        inPerson: [],
      }),
    ).toEqual({ ok: false, fieldErrors: { meetingId: ["votes:errors.meetingOutsideVote"] } });
    // The tally form does not offer it either: one rule for both.
    expect((await tallyContext(platform.id, vote.id)).meetings.map((m) => m.id)).not.toContain(
      old.id,
    );
  });

  it("offers every assembly with its counts, and lists who was present only at the one chosen", async () => {
    const { platform, coordinator, members, vote } = await setup();
    const outsider = await makeUser("Visitante");
    const held = async (hoursAgo: number, present: { id: string }[]) => {
      const m = await makeMeeting(platform.id, {
        status: "held",
        startsAt: new Date(Date.now() - hoursAgo * 3600_000),
        endsAt: new Date(Date.now() + 3600_000),
      });
      for (const p of present) {
        await db.attendance.create({
          data: { meetingId: m.id, participantId: await participantOf(p.id), status: "present" },
        });
      }
      return m;
    };
    const first = await held(2, [members[0], members[1], outsider]);
    const second = await held(1, [members[2], coordinator]);
    const offered = async (chosen: string | null) =>
      Object.fromEntries(
        (await tallyContext(platform.id, vote.id, chosen)).meetings.map((m) => [m.id, m]),
      );
    const none = await offered(null);
    // Counted by the database for each: everyone present, and who may raise a hand.
    expect(none[first.id]).toMatchObject({ present: 3, mayVote: 2, members: null, inPerson: null });
    expect(none[second.id]).toMatchObject({ present: 2, mayVote: 2, members: null });
    const chosen = await offered(first.id);
    expect(chosen[first.id].members?.map((m) => m.name)).toEqual(["Ana", "Beto"]);
    expect(chosen[first.id].inPerson).toEqual([]);
    expect(chosen[second.id].members).toBeNull();
  });

  it("counts hands at the assembly where the vote was opened, still going on", async () => {
    const { platform, coordinator, members, vote, option } = await setup();
    const running = await makeMeeting(platform.id, {
      status: "held",
      startsAt: new Date(Date.now() - 3600_000),
      endsAt: new Date(Date.now() + 2 * 3600_000),
    });
    await db.attendance.create({
      data: {
        meetingId: running.id,
        participantId: await participantOf(members[1].id),
        status: "present",
      },
    });
    expect((await tallyContext(platform.id, vote.id)).meetings.map((m) => m.id)).toContain(
      running.id,
    );
    expect(
      await recordTally(coordinator, platform.id, vote.id, {
        meetingId: running.id,
        count: { [option("yes")]: 1 },
        inPerson: [await participantOf(members[1].id)],
      }),
    ).toEqual({ ok: true, value: null });
  });
});

describe("who may raise a hand", () => {
  it("non-members' hands count in the totals only where admitted, never toward the quorum", async () => {
    const { platform, coordinator, members, vote, option } = await setup();
    const meeting = await makeMeeting(platform.id, { status: "held", startsAt: startedAgo() });
    await db.attendance.create({
      data: {
        meetingId: meeting.id,
        participantId: await participantOf(members[0].id),
        status: "present",
      },
    });
    for (const name of ["Visitante 1", "Visitante 2", "Visitante 3"]) {
      const p = await db.participant.create({ data: { name } });
      await db.attendance.create({
        data: { meetingId: meeting.id, participantId: p.id, status: "present", walkIn: true },
      });
    }
    const tally = {
      meetingId: meeting.id,
      count: { [option("yes")]: 4 },
      inPerson: [await participantOf(members[0].id)],
    };
    expect(await recordTally(coordinator, platform.id, vote.id, tally)).toMatchObject({
      formErrors: ["votes:errors.tallyTooLargeMembers|members=1|present=4"],
    });
    await db.platform.update({ where: { id: platform.id }, data: { nonMembersVoteByHand: true } });
    expect(await recordTally(coordinator, platform.id, vote.id, tally)).toEqual({
      ok: true,
      value: null,
    });
    expect(
      (await db.inPersonTally.findFirstOrThrow({ where: { voteId: vote.id } })).nonMemberHands,
    ).toBe(3);
    await closeVoteEarly(coordinator, platform.id, vote.id, "Fin");
    const result = storedResult((await voteForProposal(platform.id, vote.proposalId))!)!;
    // 5 eligible members, 50 %: 3 needed. 4 hands, but only 1 of a member.
    expect(result).toMatchObject({
      participation: 4,
      members: 1,
      nonMembers: 3,
      eligible: 5,
      required: 3,
      quorumMet: false,
      outcome: "rejected",
      reason: "quorumNotMet",
    });
    expect(result.options.find((o) => o.code === "yes")!.total).toBe(4);
  });
});

describe("a vote past its closing time", () => {
  it("is closed with its outcome on the first read of any list or page", async () => {
    const { platform, members, proposal, vote, option } = await setup();
    await castBallot(members[0], platform.id, vote.id, option("yes"));
    const later = new Date(vote.closesAt.getTime() + 60_000);
    const viewer = await viewerOf(null, platform.id);
    const list = await listProposals(platform.id, viewer, null, {}, later);
    // Not "in vote" beside "Rejected — 1 person voted": closed, on the first view.
    expect(list.find((p) => p.id === proposal.id)!.state).toBe("rejected");
    const open = await listProposals(
      platform.id,
      viewer,
      null,
      { states: ["discussion", "voting"] },
      later,
    );
    expect(open.map((p) => p.id)).not.toContain(proposal.id);
    const stored = await db.vote.findUniqueOrThrow({ where: { id: vote.id } });
    expect(stored.closedAt!.toISOString()).toBe(vote.closesAt.toISOString());
    expect(stored.outcome).toBe("rejected");
    expect(storedResult(stored)).toMatchObject({ participation: 1, quorumMet: false });
  });

  it("counts, when first read, the ballot of someone who erased their account after its close", async () => {
    const { platform, members, proposal, vote, option } = await setup();
    for (const m of members.slice(0, 3)) await castBallot(m, platform.id, vote.id, option("yes"));
    const later = new Date(vote.closesAt.getTime() + 60_000);
    // Nobody read the vote between its close and Ana's erasure.
    const erased = await db.$transaction((tx) => eraseAccount(tx, members[0].id, later));
    expect(erased.ok).toBe(true);
    const read = await getProposal(
      platform.id,
      proposal.id,
      await viewerOf(null, platform.id),
      null,
      later,
    );
    // Three of five said yes at the close, a quorum of 50 %: as it stood then, accepted.
    expect(read.vote?.closedAt?.toISOString()).toBe(vote.closesAt.toISOString());
    expect(storedResult(read.vote!)).toMatchObject({ participation: 3 });
    expect(read.state).toBe("accepted");
  });

  it("is closed before a proposal page reads its state", async () => {
    const { platform, proposal, vote } = await setup();
    const later = new Date(vote.closesAt.getTime() + 60_000);
    const viewer = await viewerOf(null, platform.id);
    const read = await getProposal(platform.id, proposal.id, viewer, null, later);
    expect(read.state).toBe("rejected");
    expect(read.history.map((h) => h.toState)).toEqual(["voting", "rejected"]);
    // Decided at the closing time, not when someone happened to look.
    expect(read.history.at(-1)!.createdAt.toISOString()).toBe(vote.closesAt.toISOString());
    // The vote it shows beside that state is the closed one, with its outcome.
    expect(read.vote?.closedAt?.toISOString()).toBe(vote.closesAt.toISOString());
    expect(read.vote?.outcome).toBe("rejected");
  });
});
