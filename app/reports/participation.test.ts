import { db } from "~/db.server";
import {
  addMember,
  enrolDirectly,
  makeCourse,
  makeMeeting,
  makePlatform,
  makeUser,
  participantOf,
} from "~/test/world";
import { participantsPerPlatform, participationReport, type Period } from "./participation.server";

// A fixture with known numbers: one assembly in November 2026 with 11 members and 5 walk-ins
// present, members who voted online, five women who posted in a forum, and people outside
// the period or the platform who must not count.
const period: Period = {
  from: new Date("2026-10-01T00:00:00Z"),
  to: new Date("2026-12-01T00:00:00Z"),
};
const inPeriod = new Date("2026-11-10T15:00:00Z");

async function person(
  platformId: string | null,
  profile: { gender?: string; birthYear?: number; people?: string; community?: string },
) {
  const user = await makeUser("Socia");
  await db.participant.update({ where: { userId: user.id }, data: profile });
  if (platformId) await addMember(user, platformId);
  return { user, participantId: await participantOf(user.id) };
}

async function walkIn(profile: { gender?: string; ageGroup?: string; community?: string }) {
  return db.participant.create({ data: { name: "Visitante", ...profile } });
}

async function fixture() {
  const platform = await makePlatform();
  const other = await makePlatform();
  const meeting = await makeMeeting(platform.id, { startsAt: inPeriod, status: "held" });
  const before = await makeMeeting(platform.id, {
    startsAt: new Date("2026-09-20T15:00:00Z"),
    status: "held",
  });
  const elsewhere = await makeMeeting(other.id, { startsAt: inPeriod, status: "held" });
  const mark = (meetingId: string, participantId: string, status = "present", walkIn = false) =>
    db.attendance.create({ data: { meetingId, participantId, status, walkIn } });

  const women = [];
  for (let i = 0; i < 6; i++)
    women.push(
      await person(platform.id, {
        gender: "woman",
        birthYear: 2000,
        people: i < 4 ? "Kichwa" : " kichwa ",
        community: "Limoncocha",
      }),
    );
  const men = [];
  for (let i = 0; i < 5; i++)
    men.push(
      await person(platform.id, {
        gender: "man",
        birthYear: 1980,
        people: "Cofán",
        community: "Dureno",
      }),
    );
  for (const p of [...women, ...men]) await mark(meeting.id, p.participantId);
  // Late counts as attending; absent does not; another meeting or platform, or before the period, neither.
  await db.attendance.update({
    where: {
      meetingId_participantId: { meetingId: meeting.id, participantId: men[0].participantId },
    },
    data: { status: "late" },
  });
  const absent = await person(platform.id, { gender: "woman", birthYear: 1990 });
  await mark(meeting.id, absent.participantId, "absent");
  const early = await person(platform.id, { gender: "man", birthYear: 1950 });
  await mark(before.id, early.participantId);
  const outsider = await person(other.id, { gender: "man", birthYear: 1950 });
  await mark(elsewhere.id, outsider.participantId);

  for (let i = 0; i < 3; i++)
    await mark(
      meeting.id,
      (await walkIn({ gender: "woman", ageGroup: "youth" })).id,
      "present",
      true,
    );
  for (let i = 0; i < 2; i++) await mark(meeting.id, (await walkIn({})).id, "present", true);

  // Four members vote online (under five people: the figure is suppressed).
  const vote = await db.vote.create({
    data: {
      proposal: {
        create: {
          platformId: platform.id,
          authorId: women[0].user.id,
          title: "Agua",
          summary: "x",
        },
      },
      platformId: platform.id,
      kind: "yesNo",
      secret: false,
      opensAt: period.from,
      closesAt: period.to,
      quorumPercent: 50,
      approvalRule: "simple",
      options: { create: [{ position: 0, code: "yes", label: "Sí" }] },
    },
    include: { options: true },
  });
  for (const p of women.slice(0, 4))
    await db.ballot.create({
      data: {
        voteId: vote.id,
        userId: p.user.id,
        optionId: vote.options[0].id,
        createdAt: inPeriod,
      },
    });

  // Five women post in a group's forum: "all of them women" must not be readable either.
  const discussion = await db.discussion.create({
    data: { hostType: "thread", platformId: platform.id },
  });
  const group = await db.group.create({
    data: { platformId: platform.id, nameEs: "Mujeres", nameEn: "Women" },
  });
  await db.thread.create({
    data: {
      groupId: group.id,
      authorId: women[1].user.id,
      title: "Semillas",
      discussionId: discussion.id,
    },
  });
  // Posts in a private group's forum are never counted outside it.
  const hidden = await db.discussion.create({
    data: { hostType: "thread", platformId: platform.id },
  });
  const secret = await db.group.create({
    data: { platformId: platform.id, nameEs: "Privado", nameEn: "Private", visibility: "private" },
  });
  await db.thread.create({
    data: { groupId: secret.id, authorId: men[0].user.id, title: "Tema", discussionId: hidden.id },
  });
  for (const p of men)
    await db.post.create({
      data: { discussionId: hidden.id, authorId: p.user.id, body: "Hola", createdAt: inPeriod },
    });
  for (const p of women.slice(1, 6))
    await db.post.create({
      data: { discussionId: discussion.id, authorId: p.user.id, body: "Hola", createdAt: inPeriod },
    });

  // A course: the three young walk-in women are not enrolled; six members are.
  const course = await makeCourse(platform.id);
  for (const p of [...women.slice(0, 3), ...men.slice(0, 3)])
    await enrolDirectly(course.id, p.participantId, inPeriod);
  return { platform, other };
}

describe("participation report", () => {
  it("counts distinct people per activity and suppresses small and derivable cells", async () => {
    const { platform } = await fixture();
    const report = await participationReport(db, { platformId: platform.id }, period);
    const byKey = (b: { cells: { key: string; value: number | null }[] }) =>
      Object.fromEntries(b.cells.map((c) => [c.key, c.value]));

    // 16 people at the assembly: 9 women, 5 men, 2 not stated. "Not stated" (2) and
    // non-binary (0) are under five and would be recoverable from the total together: the
    // men's 5 is hidden with them.
    const a = report.rows.assemblies;
    expect(a.total).toBe(16);
    expect(byKey(a.gender)).toEqual({ woman: 9, man: null, nonbinary: null, undisclosed: null });
    expect(byKey(a.ageGroup)).toEqual({ youth: 9, adult: null, elder: null, notStated: null });
    // "Kichwa" and " kichwa " are one people; Cofán 5; not stated 5 (walk-ins).
    expect(a.people.total).toBe(16);
    expect(byKey(a.people)).toEqual({ kichwa: 6, cofán: 5, notStated: 5 });
    expect(a.people.labels.kichwa).toBe("Kichwa");

    // Members 11 (6 women, 5 men); the two empty categories sum to zero, so the men go too.
    expect(report.rows.assemblyMembers.total).toBe(11);
    expect(byKey(report.rows.assemblyMembers.gender)).toEqual({
      woman: 6,
      man: null,
      nonbinary: null,
      undisclosed: null,
    });
    // Others: 5 walk-ins, every category under five.
    expect(report.rows.assemblyOthers.total).toBe(5);
    expect(Object.values(byKey(report.rows.assemblyOthers.gender))).toEqual([
      null,
      null,
      null,
      null,
    ]);

    // Four online voters: the whole row is "< 5".
    expect(report.rows.votesOnline.total).toBeNull();
    expect(report.rows.votes.total).toBeNull();
    // Five forum posters, all women: total shown, no category.
    expect(report.rows.forums.total).toBe(5);
    expect(Object.values(byKey(report.rows.forums.gender))).toEqual([null, null, null, null]);
    expect(report.rows.coursesEnrolled.total).toBe(6);

    // Headline: 16 participants (the voters and posters were at the assembly too).
    expect(report.rows.anyActivity.total).toBe(16);
    expect(report.headline.participants).toEqual({
      total: 16,
      women: 9,
      youth: 9,
      womenShare: 56.3,
      youthShare: 56.3,
    });
    // One author (women[0]): suppressed, so are its shares.
    expect(report.headline.proposalAuthors).toMatchObject({ total: null, womenShare: null });

    // Trend: nothing in October, 16 people in November.
    expect(report.trend.map((m) => [m.month, m.total])).toEqual([
      ["2026-10", null],
      ["2026-11", 16],
    ]);
  });

  it("covers every platform for an administrator", async () => {
    const { platform, other } = await fixture();
    const report = await participationReport(db, { platformId: null }, period);
    // Each platform's total, all in one statement: 16 here, the outsider alone there.
    const totals = await participantsPerPlatform(db, period);
    expect(totals.get(platform.id)).toBe(16);
    expect(totals.get(other.id)).toBe(1);
    // Both fixtures' assemblies (16 each), plus the outsider at the other platform's meeting.
    expect(report.rows.assemblies.total).toBeGreaterThanOrEqual(17);
  });
});
