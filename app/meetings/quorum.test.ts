import { db } from "~/db.server";
import { attendanceForm } from "~/meetings/attendance.server";
import { computeQuorum, quorumForMeeting, quorumPending } from "~/meetings/quorum.server";
import { membersActiveAt } from "~/platforms/membership.server";
import { countActiveAtEither } from "~/platforms/periods.server";
import { addMember, makeMeeting, makePlatform, makeUser, participantOf } from "~/test/world";

describe("quorum arithmetic", () => {
  it("needs the platform's share of eligible members, rounded up", () => {
    expect(computeQuorum(40, 18, 50)).toMatchObject({ required: 20, reached: false });
    expect(computeQuorum(40, 20, 50)).toMatchObject({ required: 20, reached: true });
    expect(computeQuorum(7, 4, 50)).toMatchObject({ required: 4, reached: true });
    expect(computeQuorum(7, 3, 50)).toMatchObject({ required: 4, reached: false });
    expect(computeQuorum(10, 6, 60)).toMatchObject({ required: 6, reached: true });
    expect(computeQuorum(3, 3, 100)).toMatchObject({ required: 3, reached: true });
  });

  it("is never reached by a platform without members", () => {
    expect(computeQuorum(0, 0, 50)).toMatchObject({ required: 0, reached: false });
  });
});

describe("a quorum not yet taken is pending, not a failure", () => {
  const now = new Date("2027-03-15T12:00:00Z");
  const tenDaysAhead = new Date("2027-03-25T15:00:00Z");
  const yesterday = new Date("2027-03-14T15:00:00Z");
  it.each([
    ["scheduled ten days ahead", "scheduled", tenDaysAhead, true],
    ["attendance already taken", "held", tenDaysAhead, false],
    ["over without attendance", "scheduled", yesterday, false],
    ["held and over", "held", yesterday, false],
  ])("%s", (_name, status, endsAt, pending) => {
    expect(quorumPending({ status, endsAt }, now)).toBe(pending);
  });

  it("is reported by the meeting's quorum ten days ahead", async () => {
    const platform = await makePlatform({ quorumPercent: 50 });
    await addMember(await makeUser("Una"), platform.id);
    const startsAt = new Date(Date.now() + 10 * 24 * 3600_000);
    const meeting = await makeMeeting(platform.id, { startsAt });
    expect(await quorumForMeeting(meeting, 50)).toMatchObject({
      eligible: 1,
      required: 1,
      pending: true,
    });
  });
});

describe("quorum of a meeting, with members who joined or left around its date", () => {
  const start = new Date("2026-06-10T14:00:00Z");
  const day = 24 * 3600_000;

  it("counts only members active when the meeting started", async () => {
    const platform = await makePlatform({ quorumPercent: 50 });
    const meeting = await makeMeeting(platform.id, {
      startsAt: start,
      endsAt: new Date(start.getTime() + 3 * 3600_000),
    });
    const steady = await makeUser("Siempre");
    const leftBefore = await makeUser("Salió antes");
    const leftAfter = await makeUser("Salió después");
    const joinedAfter = await makeUser("Entró después");
    const rejoined = await makeUser("Volvió");
    const absentee = await makeUser("Ausente");
    await addMember(steady, platform.id);
    await addMember(leftBefore, platform.id, "member", [
      { startedAt: new Date(start.getTime() - 90 * day), endedAt: new Date(start.getTime() - day) },
    ]);
    await addMember(leftAfter, platform.id, "member", [
      { startedAt: new Date(start.getTime() - 90 * day), endedAt: new Date(start.getTime() + day) },
    ]);
    await addMember(joinedAfter, platform.id, "member", [
      { startedAt: new Date(start.getTime() + 3600_000) },
    ]);
    // Left in March, came back a week before the meeting.
    await addMember(rejoined, platform.id, "member", [
      { startedAt: new Date("2026-01-01T00:00:00Z"), endedAt: new Date("2026-03-01T00:00:00Z") },
      { startedAt: new Date(start.getTime() - 7 * day) },
    ]);
    await addMember(absentee, platform.id);

    for (const person of [steady, leftAfter, joinedAfter, rejoined]) {
      await db.attendance.create({
        data: {
          meetingId: meeting.id,
          participantId: await participantOf(person.id),
          status: "present",
        },
      });
    }
    await db.attendance.create({
      data: {
        meetingId: meeting.id,
        participantId: await participantOf(absentee.id),
        status: "absent",
      },
    });
    const walkIn = await db.participant.create({ data: { name: "Visitante" } });
    await db.attendance.create({
      data: { meetingId: meeting.id, participantId: walkIn.id, status: "present", walkIn: true },
    });

    const quorum = await quorumForMeeting(meeting, platform.quorumPercent);
    // Eligible: steady, leftAfter, rejoined, absentee (4). Present among them: 3.
    expect(quorum).toMatchObject({ eligible: 4, present: 3, required: 2, reached: true });
    // The late joiner and the walk-in took part but do not count toward quorum.
    expect(quorum.otherParticipants).toBe(2);
  });

  it("is not reached when too few eligible members came, whatever the walk-ins", async () => {
    const platform = await makePlatform({ quorumPercent: 60 });
    const meeting = await makeMeeting(platform.id, {
      startsAt: start,
      endsAt: new Date(start.getTime() + 3600_000),
    });
    const people = await Promise.all([1, 2, 3, 4, 5].map((i) => makeUser(`M${i}`)));
    for (const p of people) await addMember(p, platform.id);
    for (const p of people.slice(0, 2)) {
      await db.attendance.create({
        data: {
          meetingId: meeting.id,
          participantId: await participantOf(p.id),
          status: "present",
        },
      });
    }
    for (let i = 0; i < 10; i++) {
      const w = await db.participant.create({ data: { name: `Visitante ${i}` } });
      await db.attendance.create({
        data: { meetingId: meeting.id, participantId: w.id, status: "present", walkIn: true },
      });
    }
    const quorum = await quorumForMeeting(meeting, platform.quorumPercent);
    expect(quorum).toMatchObject({
      eligible: 5,
      present: 2,
      required: 3,
      reached: false,
      otherParticipants: 10,
    });
  });
});

describe("the database's counts give the same figures as loading every member did", () => {
  const start = new Date("2026-09-10T14:00:00Z");
  const hour = 3600_000;
  const day = 24 * hour;

  /** The computation before issue 11, kept as the reference: load every member, filter in JS. */
  async function loadedQuorum(meeting: { id: string; platformId: string; startsAt: Date }) {
    const members = await membersActiveAt(meeting.platformId, meeting.startsAt);
    const presentRows = await db.attendance.findMany({
      where: { meetingId: meeting.id, status: "present" },
      select: { participantId: true, walkIn: true },
    });
    const eligibleIds = new Set(members.map((m) => m.participantId).filter(Boolean));
    const present = presentRows.filter((r) => !r.walkIn && eligibleIds.has(r.participantId)).length;
    return { eligible: eligibleIds.size, present, otherParticipants: presentRows.length - present };
  }

  it("on a platform where people join, leave and come back around the meeting", async () => {
    const platform = await makePlatform({ quorumPercent: 40 });
    const other = await makePlatform();
    const meeting = await makeMeeting(platform.id, {
      startsAt: start,
      endsAt: new Date(start.getTime() + 3 * hour),
      status: "held",
    });
    const at = (offset: number) => new Date(start.getTime() + offset);
    // [name, periods, mark]: every boundary case of a period around the start.
    const cases: [string, { startedAt: Date; endedAt?: Date }[], string | null][] = [
      ["steady", [{ startedAt: at(-300 * day) }], "present"],
      ["steady absent", [{ startedAt: at(-300 * day) }], "absent"],
      ["steady unmarked", [{ startedAt: at(-300 * day) }], null],
      ["joined at the start", [{ startedAt: at(0) }], "present"],
      ["joined a minute late", [{ startedAt: at(60_000) }], "present"],
      ["left at the start", [{ startedAt: at(-9 * day), endedAt: at(0) }], "present"],
      ["left just after", [{ startedAt: at(-9 * day), endedAt: at(1) }], "present"],
      ["left the day before", [{ startedAt: at(-9 * day), endedAt: at(-day) }], "excused"],
      [
        "came back",
        [{ startedAt: at(-90 * day), endedAt: at(-60 * day) }, { startedAt: at(-day) }],
        "present",
      ],
      [
        "away during it",
        [{ startedAt: at(-90 * day), endedAt: at(-hour) }, { startedAt: at(hour) }],
        "present",
      ],
      ["joined next week", [{ startedAt: at(7 * day) }], null],
    ];
    for (const [name, periods, mark] of cases) {
      const user = await makeUser(name);
      await addMember(user, platform.id, "member", periods);
      if (mark) {
        await db.attendance.create({
          data: {
            meetingId: meeting.id,
            participantId: await participantOf(user.id),
            status: mark,
          },
        });
      }
    }
    // A member of another platform who came, and an account that had no participant record:
    // becoming a member gives it one (every membership belongs to a person record), so it counts.
    const visitor = await makeUser("de otra plataforma");
    await addMember(visitor, other.id);
    await db.attendance.create({
      data: {
        meetingId: meeting.id,
        participantId: await participantOf(visitor.id),
        status: "present",
      },
    });
    const bare = await db.user.create({
      data: { email: "sin-ficha@example.org", name: "Sin ficha", passwordHash: "x" },
    });
    await addMember(bare, platform.id);
    // A walk-in, and a walk-in whose record was later joined to a member's account.
    for (const name of ["Visitante", "Fusionada"]) {
      const p = await db.participant.create({ data: { name } });
      await db.attendance.create({
        data: { meetingId: meeting.id, participantId: p.id, status: "present", walkIn: true },
      });
      if (name === "Fusionada") {
        const merged = await db.user.create({
          data: { email: "fusion@example.org", name, passwordHash: "x" },
        });
        await db.participant.update({ where: { id: p.id }, data: { userId: merged.id } });
        await addMember(merged, platform.id);
      }
    }

    const counted = await quorumForMeeting(meeting, platform.quorumPercent);
    const loaded = await loadedQuorum(meeting);
    expect(counted).toMatchObject(loaded);
    // And the figures themselves, so both cannot be wrong the same way: eligible are steady,
    // steady absent, steady unmarked, joined at the start, left just after, came back, Fusionada,
    // Sin ficha.
    expect(loaded).toEqual({ eligible: 8, present: 4, otherParticipants: 6 });
    expect(counted).toMatchObject({ required: 4, reached: true });

    // The attendance form counts the members at the start once, for its roster and its
    // quorum, and reads the "present" marks from its own counts: the same figures.
    const roster: number[] = [];
    for (const now of [at(-hour), at(2 * hour), at(8 * day)]) {
      const form = await attendanceForm(platform, meeting.id, {}, now);
      expect(form.quorum).toEqual(await quorumForMeeting(meeting, platform.quorumPercent, now));
      expect(form.memberCount).toBe(
        await countActiveAtEither(db, platform.id, meeting.startsAt, now),
      );
      roster.push(form.memberCount);
    }
    // An hour before: the 8 eligible and "left at the start" (a member then); two hours in,
    // also "joined a minute late" and "away during it"; a week on, "joined next week" too.
    expect(roster).toEqual([9, 10, 11]);
  });
});
