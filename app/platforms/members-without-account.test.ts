import { closeCourse } from "~/courses/certificates.server";
import { mark } from "~/courses/certificates.fixtures";
import { enrolKnownPerson } from "~/courses/enrolment.server";
import { db } from "~/db.server";
import { attendanceSheet, saveAttendance } from "~/meetings/attendance.server";
import { quorumForMeeting } from "~/meetings/quorum.server";
import { createWalkIn } from "~/participants/participants.server";
import { duplicateCandidates, linkByEmail, mergeInto } from "~/participants/people.server";
import { participationReport, type Period } from "~/reports/participation.server";
import { signUp } from "~/test/factories";
import {
  addMember,
  makeCourse,
  makeMeeting,
  makePlatform,
  makeTrainingSession,
  makeUser,
  participantOf,
} from "~/test/world";
import { openVoteSchema } from "~/votes/schemas";
import {
  castBallot,
  closeVoteEarly,
  openVote,
  publicBallots,
  storedResult,
  voteForProposal,
} from "~/votes/votes.server";
import { recordTally, tallyContext } from "~/votes/tally.server";
import {
  canAddMembersWithoutAccount,
  canLinkAccount,
  canMakeMember,
  canMergePeople,
  makeMemberRefusal,
  seesAccountMarker,
} from "./member-rules";
import { addMemberWithoutAccount, makeMember } from "./members-without-account.server";
import { countActiveAt } from "./periods.server";
import {
  createMembership,
  decideRequest,
  listActiveMembers,
  mergedMembership,
  requestToJoin,
} from "./membership.server";
import { viewerOf } from "./permissions.server";

const DAY = 86400_000;

/** Five women born in 2000, so no figure of the report is suppressed (MIN_CELL is 5). */
const PEOPLE = ["Rosa Andi", "Nancy Grefa", "Lidia Tapuy", "Mirian Cerda", "Olga Shiguango"];

async function world() {
  const platform = await makePlatform({ quorumPercent: 50 });
  const coordinator = await makeUser("Coordinadora");
  await addMember(coordinator, platform.id, "coordinator", [
    { startedAt: new Date(Date.now() - 60 * DAY) },
  ]);
  const joined = new Date(Date.now() - 10 * DAY);
  const people: { name: string; participantId: string; membershipId: string }[] = [];
  for (const name of PEOPLE) {
    const added = await addMemberWithoutAccount(
      coordinator,
      platform.id,
      { name, community: "Sarayaku", people: "Kichwa", gender: "woman", birthYear: 2000 },
      joined,
    );
    if (!added.ok) throw new Error(JSON.stringify(added));
    people.push({ name, ...added.value });
  }
  // An assembly under way: attendance is open and hands can be counted.
  const meeting = await makeMeeting(platform.id, { startsAt: new Date(Date.now() - 30 * 60_000) });
  return { platform, coordinator, people, meeting };
}

async function openYesNoVote(
  platform: Awaited<ReturnType<typeof makePlatform>>,
  actor: { id: string },
) {
  const proposal = await db.proposal.create({
    data: {
      platformId: platform.id,
      authorId: actor.id,
      title: "Cuidar el río",
      summary: "Resumen",
      state: "discussion",
    },
  });
  const input = openVoteSchema.parse({
    kind: "yesNo",
    opens: "now",
    closeDate: new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10),
    closeTime: "18:00",
    quorumPercent: 50,
    approvalRule: "simple",
    secret: "public",
  });
  const opened = await openVote(actor, { ...platform, approvalRule: "simple" }, proposal.id, input);
  if (!opened.ok) throw new Error(JSON.stringify(opened));
  const vote = (await voteForProposal(platform.id, proposal.id))!;
  const yes = vote.options.find((o) => o.code === "yes")!.id;
  return { vote, yes };
}

/**
 * Rosa, a member without an account, raises her hand for "yes" at the assembly; then she
 * signs up, is admitted as a new member (nobody noticed it was her) and votes "no" online.
 */
async function rosaVotesTwice() {
  const { platform, coordinator, people, meeting } = await world();
  const rosa = people[0];
  await saveAttendance(coordinator, platform.id, meeting.id, { [rosa.participantId]: "present" });
  const { vote, yes } = await openYesNoVote(platform, coordinator);
  const no = (await voteForProposal(platform.id, vote.proposalId))!.options.find(
    (o) => o.code === "no",
  )!.id;
  expect(
    await recordTally(coordinator, platform.id, vote.id, {
      meetingId: meeting.id,
      count: { [yes]: 1 },
      inPerson: [rosa.participantId],
    }),
  ).toEqual({ ok: true, value: null });
  const account = await signUp({ name: rosa.name });
  await requestToJoin({ id: account.userId }, platform.id, undefined);
  const request = await db.membership.findUniqueOrThrow({
    where: { userId_platformId: { userId: account.userId, platformId: platform.id } },
  });
  await decideRequest(coordinator, platform.id, request.id, "approve");
  expect(await castBallot({ id: account.userId }, platform.id, vote.id, no)).toMatchObject({
    ok: true,
  });
  return { platform, coordinator, rosa, vote, account };
}

describe("members without an account (issue 10)", () => {
  it("are counted in quorum, raise a hand, complete a course, then sign up and are linked: every figure unchanged", async () => {
    const { platform, coordinator, people, meeting } = await world();
    const ids = people.map((p) => p.participantId);

    // On the roster of the assembly, and marked present there (not as walk-ins).
    const sheet = await attendanceSheet(platform.id, meeting.id);
    expect(sheet.rosterSize).toBe(6);
    expect(sheet.roster.map((r) => r.participantId)).toEqual(expect.arrayContaining(ids));
    const marked = await saveAttendance(
      coordinator,
      platform.id,
      meeting.id,
      Object.fromEntries(ids.map((id) => [id, "present"])),
    );
    expect(marked).toEqual({ ok: true, value: { changed: 5 } });
    expect(await quorumForMeeting(meeting, platform.quorumPercent)).toMatchObject({
      eligible: 6,
      present: 5,
      required: 3,
      reached: true,
      otherParticipants: 0,
    });

    // Their raised hands are members' hands (the platform admits no one else's), and the
    // facilitator marks each of them as having voted by hand, like any member.
    const { vote, yes } = await openYesNoVote(platform, coordinator);
    const form = (await tallyContext(platform.id, vote.id, meeting.id)).meetings.find(
      (m) => m.id === meeting.id,
    )!;
    expect(form.members!.map((m) => m.participantId).sort()).toEqual([...ids].sort());
    const tally = await recordTally(coordinator, platform.id, vote.id, {
      meetingId: meeting.id,
      count: { [yes]: 5 },
      inPerson: ids,
    });
    expect(tally).toEqual({ ok: true, value: null });

    // Enrolled in a course through the domain, present at its sessions, certified at the close.
    const course = await makeCourse(platform.id);
    for (const id of ids) {
      expect(await enrolKnownPerson(coordinator, course.id, id)).toMatchObject({ ok: true });
    }
    await db.enrolment.updateMany({
      where: { courseId: course.id },
      data: { enrolledAt: new Date(Date.now() - 9 * DAY) },
    });
    for (const offset of [8, 5]) {
      const session = await makeTrainingSession(course.id, {
        startsAt: new Date(Date.now() - offset * DAY),
        status: "held",
      });
      for (const id of ids) await mark(session.id, id, "present");
    }
    const closed = await closeCourse(coordinator, course.id);
    expect(closed).toMatchObject({ ok: true });
    if (closed.ok) expect(closed.value.issued).toHaveLength(5);

    const period: Period = {
      from: new Date(Date.now() - 20 * DAY),
      to: new Date(Date.now() + 20 * DAY),
    };
    const figures = async () => {
      const quorum = await quorumForMeeting(meeting, platform.quorumPercent);
      const hands = (await tallyContext(platform.id, vote.id, meeting.id)).meetings.find(
        (m) => m.id === meeting.id,
      )!;
      const report = await participationReport(db, { platformId: platform.id }, period);
      return {
        quorum,
        hands: {
          present: hands.present,
          mayVote: hands.mayVote,
          counts: hands.counts,
          marked: hands.inPerson!.length,
        },
        certificates: await db.certificate.count({
          where: { courseId: course.id, revokedAt: null },
        }),
        enrolled: await db.enrolment.count({ where: { courseId: course.id, status: "enrolled" } }),
        memberships: await db.membership.count({ where: { platformId: platform.id } }),
        periods: await db.membershipPeriod.count({
          where: { membership: { platformId: platform.id } },
        }),
        directory: (await listActiveMembers(platform.id)).total,
        report,
      };
    };
    const before = await figures();
    // The report counts them as members at the assembly and as having completed the course.
    expect(before.report.rows.assemblyMembers.total).toBe(5);
    // Nobody else was there (zero is suppressed like any count under five).
    expect(before.report.rows.assemblyOthers.total).toBeNull();
    expect(before.report.rows.coursesCompleted.total).toBe(5);
    // Each raised a hand: five people voted by show of hands, none online.
    expect(before.report.rows.votesByHand.total).toBe(5);
    expect(before.report.rows.votesOnline.total).toBeNull();
    expect(before.hands.marked).toBe(5);
    expect(before.directory).toBe(6);

    // Each signs up, asks to join (as an account does), and a coordinator links the account.
    const accounts = [];
    for (const p of people) {
      const account = await signUp({ name: p.name });
      expect(await requestToJoin({ id: account.userId }, platform.id, undefined)).toMatchObject({
        ok: true,
      });
      const linked = await linkByEmail(coordinator, platform.id, p.participantId, account.email);
      expect(linked).toMatchObject({ ok: true });
      accounts.push(account);
    }

    expect(await figures()).toEqual(before);
    for (const account of accounts) {
      // The account is the member now, since the day the person was added; no request waits.
      const viewer = await viewerOf({ id: account.userId, isAdmin: false }, platform.id);
      expect(viewer).toMatchObject({ isMember: true, status: "active" });
      const membership = await db.membership.findUniqueOrThrow({
        where: { userId_platformId: { userId: account.userId, platformId: platform.id } },
        include: { periods: true },
      });
      expect(membership.participantId).toBe(await participantOf(account.userId));
      expect(membership.periods.map((p) => p.endedAt)).toEqual([null]);
      expect(membership.periods[0].startedAt.getTime()).toBeLessThan(Date.now() - 9 * DAY);
      expect(
        await db.certificate.count({ where: { participantId: membership.participantId } }),
      ).toBe(1);
    }
    expect(
      await db.membership.count({ where: { platformId: platform.id, status: "pending" } }),
    ).toBe(0);
    // The hands are the accounts' now: none of them can also vote online.
    for (const account of accounts) {
      expect(await castBallot({ id: account.userId }, platform.id, vote.id, yes)).toMatchObject({
        formErrors: ["votes:errors.votedInPerson"],
      });
    }

    // And the vote, closed after the linking, counts the five hands as members' once.
    await closeVoteEarly(coordinator, platform.id, vote.id, "Fin de la asamblea");
    const result = storedResult((await voteForProposal(platform.id, vote.proposalId))!)!;
    expect(result).toMatchObject({ eligible: 6, inPerson: 5, members: 5, nonMembers: 0 });
    // The audit log says what was done with ids, never their names (nothing to erase there).
    const log = await db.auditEvent.findMany({ where: { platformId: platform.id } });
    expect(log.length).toBeGreaterThan(10);
    const details = JSON.stringify(log.map((e) => e.details));
    for (const name of PEOPLE) expect(details).not.toContain(name);
    // The public record of who voted by hand names each of them once.
    const named = await publicBallots((await voteForProposal(platform.id, vote.proposalId))!);
    expect(named?.inPerson).toEqual([...PEOPLE].sort((a, b) => a.localeCompare(b)));
  });

  it("a vote past its closing time, unread, keeps the ballot a later link would have cancelled", async () => {
    const { platform, coordinator, rosa, vote, account } = await rosaVotesTwice();
    // The vote's time runs out; nobody opens it before the link is made.
    const closesAt = new Date();
    await db.vote.update({ where: { id: vote.id }, data: { closesAt } });
    // Who could vote at the close, as reading the vote then would have counted them: her
    // record and her account were two members until the link showed they are one.
    const eligible = await countActiveAt(db, platform.id, closesAt);
    expect(
      await linkByEmail(coordinator, platform.id, rosa.participantId, account.email),
    ).toMatchObject({ ok: true });
    // Closed as it stood at its closing time: the hand and the online ballot, both counted.
    const stored = (await voteForProposal(platform.id, vote.proposalId))!;
    expect(stored.closedAt?.toISOString()).toBe(closesAt.toISOString());
    expect(storedResult(stored)).toMatchObject({ eligible });
    expect(storedResult(stored)!.options.map((o) => [o.code, o.online, o.inPerson])).toEqual([
      ["yes", 0, 1],
      ["no", 1, 0],
      ["abstain", 0, 0],
    ]);
    expect(await db.ballot.count({ where: { voteId: vote.id } })).toBe(1);
  });

  it("a hand raised without an account wins over the online ballot the same person cast meanwhile", async () => {
    const { platform, coordinator, rosa, vote, account } = await rosaVotesTwice();
    // Linking shows she is one person: her hand stands, her online ballot gives way.
    expect(
      await linkByEmail(coordinator, platform.id, rosa.participantId, account.email),
    ).toMatchObject({ ok: true });
    expect(await db.ballot.count({ where: { voteId: vote.id } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "participant.merged", platformId: platform.id },
    });
    expect(JSON.parse(audit.details ?? "{}")).toMatchObject({
      handsMoved: 1,
      onlineBallotsReplaced: 1,
    });
    await closeVoteEarly(coordinator, platform.id, vote.id, "Fin de la asamblea");
    const result = storedResult((await voteForProposal(platform.id, vote.proposalId))!)!;
    expect(result.options.map((o) => [o.code, o.online, o.inPerson])).toEqual([
      ["yes", 0, 1],
      ["no", 0, 0],
      ["abstain", 0, 0],
    ]);
  });

  it("two records that both raised a hand in one vote are not folded into one person", async () => {
    const { platform, coordinator, people, meeting } = await world();
    const [a, b] = people;
    const second = await makeMeeting(platform.id, {
      startsAt: new Date(Date.now() - 20 * 60_000),
    });
    await saveAttendance(coordinator, platform.id, meeting.id, { [a.participantId]: "present" });
    await saveAttendance(coordinator, platform.id, second.id, { [b.participantId]: "present" });
    const { vote, yes } = await openYesNoVote(platform, coordinator);
    for (const [m, p] of [
      [meeting, a],
      [second, b],
    ] as const) {
      expect(
        await recordTally(coordinator, platform.id, vote.id, {
          meetingId: m.id,
          count: { [yes]: 1 },
          inPerson: [p.participantId],
        }),
      ).toEqual({ ok: true, value: null });
    }
    expect(await mergeInto(coordinator, platform.id, a.participantId, b.participantId)).toEqual({
      ok: false,
      fieldErrors: {},
      formErrors: ["participants:errors.bothVotedByHand"],
    });
    expect(await db.participant.count({ where: { id: b.participantId } })).toBe(1);
  });

  it("deleting the account of a linked member keeps the membership, its periods and past quorums", async () => {
    const { platform, coordinator, people, meeting } = await world();
    const rosa = people[0];
    await saveAttendance(coordinator, platform.id, meeting.id, { [rosa.participantId]: "present" });
    const account = await signUp({ name: rosa.name });
    await requestToJoin({ id: account.userId }, platform.id, undefined);
    expect(
      await linkByEmail(coordinator, platform.id, rosa.participantId, account.email),
    ).toMatchObject({ ok: true });
    const quorum = await quorumForMeeting(meeting, platform.quorumPercent);
    expect(quorum).toMatchObject({ eligible: 6, present: 1 });
    const membership = await db.membership.findUniqueOrThrow({
      where: { userId_platformId: { userId: account.userId, platformId: platform.id } },
      include: { periods: true },
    });

    await db.user.delete({ where: { id: account.userId } });

    const after = await db.membership.findUnique({
      where: { id: membership.id },
      include: { periods: true },
    });
    expect(after).toMatchObject({ userId: null, status: "active" });
    expect(after!.periods).toEqual(membership.periods);
    expect(await quorumForMeeting(meeting, platform.quorumPercent)).toEqual(quorum);
  });

  it("stay on the attendance form when others answered the invitation", async () => {
    const { platform, coordinator, people, meeting } = await world();
    // The coordinator said "yes": listed first; the members without an account (who cannot
    // answer) must still be listed after, not dropped by the "not expected" filter.
    await db.rsvp.create({
      data: { meetingId: meeting.id, userId: coordinator.id, answer: "yes" },
    });
    const sheet = await attendanceSheet(platform.id, meeting.id);
    expect(sheet.roster).toHaveLength(6);
    expect(sheet.roster[0]).toMatchObject({ name: "Coordinadora", tier: "expected" });
    expect(
      sheet.roster
        .slice(1)
        .map((r) => r.participantId)
        .sort(),
    ).toEqual(people.map((p) => p.participantId).sort());
  });

  it("two records of one member merged: one membership remains, with the earliest open period", async () => {
    const { platform, coordinator, people } = await world();
    const [first, second] = people;
    const firstPeriod = await db.membershipPeriod.findFirstOrThrow({
      where: { membershipId: first.membershipId },
    });
    // The second record was made a member a day later: its open period is the later one.
    await db.membershipPeriod.updateMany({
      where: { membershipId: second.membershipId },
      data: { startedAt: new Date(firstPeriod.startedAt.getTime() + DAY) },
    });
    const merged = await mergeInto(
      coordinator,
      platform.id,
      first.participantId,
      second.participantId,
    );
    expect(merged).toMatchObject({ ok: true });
    const left = await db.membership.findMany({
      where: {
        platformId: platform.id,
        participantId: { in: [first.participantId, second.participantId] },
      },
      include: { periods: true },
    });
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ id: first.membershipId, status: "active" });
    expect(left[0].periods).toEqual([firstPeriod]);
    expect(await db.participant.count({ where: { id: second.participantId } })).toBe(0);
  });

  it("a record that is also a member of another platform is merged only by a coordinator of both", async () => {
    const { platform, coordinator, people } = await world();
    const [first, second] = people;
    // The second record is also a coordinator of another corridor's platform.
    const other = await makePlatform();
    await createMembership(
      db,
      { id: second.participantId, userId: null },
      other.id,
      { status: "active", role: "coordinator" },
      new Date(),
    );
    expect(
      await mergeInto(coordinator, platform.id, first.participantId, second.participantId),
    ).toMatchObject({ ok: false, formErrors: ["participants:errors.memberElsewhere"] });
    // Nothing moved: both records, and the other platform's membership where it was.
    expect(
      await db.participant.count({
        where: { id: { in: [first.participantId, second.participantId] } },
      }),
    ).toBe(2);
    expect(
      await db.membership.count({
        where: { participantId: second.participantId, platformId: other.id },
      }),
    ).toBe(1);
    // Linked to an account, it would carry that coordinator's role to the account: refused too.
    const account = await makeUser(second.name);
    await requestToJoin(account, platform.id, undefined);
    expect(
      await linkByEmail(coordinator, platform.id, second.participantId, account.email),
    ).toMatchObject({ ok: false, formErrors: ["participants:errors.memberElsewhere"] });
    expect(await db.membership.count({ where: { userId: account.id, platformId: other.id } })).toBe(
      0,
    );
    // Someone who coordinates both platforms may.
    await addMember(coordinator, other.id, "coordinator");
    expect(
      await mergeInto(coordinator, platform.id, first.participantId, second.participantId),
    ).toMatchObject({ ok: true });
  });

  it("offers facilitators as duplicates only records that hold no membership of the platform", async () => {
    const { platform, coordinator, people, meeting } = await world();
    // Someone counted at the door of the platform's assembly, without a membership.
    const door = await createWalkIn(db, { name: "Rosa Andi", community: "Sarayaku" });
    await db.attendance.create({
      data: { meetingId: meeting.id, participantId: door.id, status: "present", walkIn: true },
    });
    const walkIn = door.id;
    const asFacilitator = { canFacilitate: true, canCoordinate: false };
    const asCoordinator = await viewerOf(coordinator, platform.id);
    const offered = async (viewer: typeof asFacilitator) =>
      (await duplicateCandidates(platform.id, people[1].participantId, "Rosa", viewer))
        .map((c) => c.id)
        .sort();
    expect(await offered(asFacilitator)).toEqual([walkIn]);
    expect(await offered(asCoordinator)).toEqual([people[0].participantId, walkIn].sort());
  });

  it("two records merged whose past periods overlap: their union, each instant counted once", async () => {
    const { platform, coordinator, people } = await world();
    const [first, second] = people;
    const today = Date.now();
    const at = (days: number) => new Date(today + days * DAY);
    const shape = async (membershipId: string, spans: [number, number | null][]) => {
      await db.membershipPeriod.deleteMany({ where: { membershipId } });
      await db.membershipPeriod.createMany({
        data: spans.map(([from, to]) => ({
          membershipId,
          platformId: platform.id,
          startedAt: at(from),
          endedAt: to === null ? null : at(to),
        })),
      });
    };
    // Both records were members from day -30 to -10 and -20 to -3; one is again since -5.
    await shape(first.membershipId, [
      [-30, -10],
      [-5, null],
    ]);
    await shape(second.membershipId, [[-20, -3]]);
    const before = await countActiveAt(db, platform.id, at(-15));
    expect(
      await mergeInto(coordinator, platform.id, first.participantId, second.participantId),
    ).toMatchObject({ ok: true });
    const periods = await db.membershipPeriod.findMany({
      where: { membershipId: first.membershipId },
    });
    expect(periods).toEqual([
      expect.objectContaining({ startedAt: at(-30), endedAt: null, platformId: platform.id }),
    ]);
    // The person was one member at day -15, not two; at day -1 still one.
    expect(await countActiveAt(db, platform.id, at(-15))).toBe(before - 1);
    expect(await countActiveAt(db, platform.id, at(-4))).toBe(
      await countActiveAt(db, platform.id, at(-1)),
    );
  });

  it("a recurring walk-in is made a member: on the roster from then on, earlier rows unchanged", async () => {
    const { platform, coordinator, meeting } = await world();
    const earlier = await makeMeeting(platform.id, {
      startsAt: new Date(Date.now() - 20 * DAY),
      status: "held",
    });
    const walkIn = await db.participant.create({ data: { name: "Teresa Vargas" } });
    await db.attendance.create({
      data: { meetingId: earlier.id, participantId: walkIn.id, status: "present", walkIn: true },
    });
    const earlierQuorum = await quorumForMeeting(earlier, platform.quorumPercent);

    const made = await makeMember(coordinator, platform.id, walkIn.id);
    expect(made).toMatchObject({ ok: true });
    expect(await makeMember(coordinator, platform.id, walkIn.id)).toMatchObject({
      formErrors: ["participants:errors.alreadyMember"],
    });
    expect(await quorumForMeeting(earlier, platform.quorumPercent)).toEqual(earlierQuorum);
    const sheet = await attendanceSheet(platform.id, meeting.id, { q: "teresa" });
    expect(sheet.roster.map((r) => r.participantId)).toEqual([walkIn.id]);
    expect(
      await db.auditEvent.count({
        where: { action: "membership.madeMember", platformId: platform.id },
      }),
    ).toBe(1);

    // Someone with an account asks to join; a stranger to the platform is not found.
    const withAccount = await makeUser("Con cuenta");
    expect(
      await makeMember(coordinator, platform.id, await participantOf(withAccount.id)),
    ).toMatchObject({ formErrors: ["participants:errors.notFound"] });
  });
});

describe("member rules", () => {
  const coordinator = { canFacilitate: true, canCoordinate: true };
  const facilitator = { canFacilitate: true, canCoordinate: false };
  const member = { canFacilitate: false, canCoordinate: false };

  it.each([
    [coordinator, true],
    [facilitator, false],
    [member, false],
  ])("adding members without an account and seeing who has none: %o → %s", (viewer, allowed) => {
    expect(canAddMembersWithoutAccount(viewer)).toBe(allowed);
    expect(seesAccountMarker(viewer)).toBe(allowed);
  });

  it.each([
    [{ hasAccount: false, membershipStatus: null }, null],
    [{ hasAccount: false, membershipStatus: "left" }, null],
    [{ hasAccount: false, membershipStatus: "removed" }, null],
    [{ hasAccount: false, membershipStatus: "active" }, "participants:errors.alreadyMember"],
    [{ hasAccount: true, membershipStatus: null }, "participants:errors.hasAccountAsksToJoin"],
  ])("make member %o → %s", (person, refusal) => {
    expect(makeMemberRefusal(person)).toBe(refusal);
    expect(canMakeMember(coordinator, person)).toBe(refusal === null);
    expect(canMakeMember(facilitator, person)).toBe(false);
  });

  it.each([
    [facilitator, { hasAccount: false, membershipStatus: null }, true],
    [facilitator, { hasAccount: false, membershipStatus: "active" }, false],
    [coordinator, { hasAccount: false, membershipStatus: "active" }, true],
    [coordinator, { hasAccount: true, membershipStatus: "active" }, false],
    [member, { hasAccount: false, membershipStatus: null }, false],
  ])("link %o %o → %s", (viewer, person, allowed) => {
    expect(canLinkAccount(viewer, person)).toBe(allowed);
  });

  it.each([
    [facilitator, { hasAccount: false, membershipStatus: null }, true],
    [facilitator, { hasAccount: false, membershipStatus: "active" }, false],
    [facilitator, { hasAccount: false, membershipStatus: "removed" }, false],
    [coordinator, { hasAccount: false, membershipStatus: "active" }, true],
    [coordinator, { hasAccount: true, membershipStatus: null }, false],
    [member, { hasAccount: false, membershipStatus: null }, false],
  ])("merge into another record: %o dropping %o → %s", (viewer, drop, allowed) => {
    expect(canMergePeople(viewer, drop)).toBe(allowed);
  });

  it.each([
    [
      { status: "pending", role: "member" },
      { status: "active", role: "member" },
      "active",
      "member",
    ],
    [
      { status: "active", role: "member" },
      { status: "active", role: "facilitator" },
      "active",
      "facilitator",
    ],
    [{ status: "left", role: "member" }, { status: "removed", role: "member" }, "left", "member"],
    [
      { status: "rejected", role: "member" },
      { status: "pending", role: "member" },
      "pending",
      "member",
    ],
  ])("merging memberships %o + %o → %s %s", (kept, dropped, status, role) => {
    expect(mergedMembership(kept, dropped)).toEqual({ status, role });
  });
});
