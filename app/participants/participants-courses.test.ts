import { db } from "~/db.server";
import {
  addMember,
  enrolDirectly,
  makeCourse,
  makeMeeting,
  makePlatform,
  makeTrainingSession,
  makeUser,
  participantOf,
} from "~/test/world";
import {
  createWalkIn,
  findPeopleWithoutAccount,
  forgetIfUncounted,
  linkToAccount,
  mergeParticipants,
} from "./participants.server";

// The participants module across assemblies and courses: a person found again, linked or
// merged keeps every count of every kind of event identical (issue 8, decision 009).

let actor: { id: string };
beforeAll(async () => {
  actor = await makeUser("Facilitadora");
});

async function sessionCounts(courseId: string) {
  const rows = await db.attendance.groupBy({
    by: ["sessionId", "status"],
    where: { session: { courseId } },
    _count: { _all: true },
  });
  return rows
    .map((r) => `${r.sessionId}:${r.status}:${r._count._all}`)
    .sort()
    .join(",");
}

async function enrolledCount(courseId: string) {
  return db.enrolment.count({ where: { courseId, status: "enrolled" } });
}

describe("people of a platform's courses", () => {
  it("finds a person seen only at a training session or only enrolled, on that platform alone", async () => {
    const platform = await makePlatform();
    const other = await makePlatform();
    const course = await makeCourse(platform.id);
    const session = await makeTrainingSession(course.id);
    const otherCourse = await makeCourse(other.id);
    const atSession = await createWalkIn(db, { name: "Inés Yumbo", community: "Sani Isla" });
    const enrolledOnly = await createWalkIn(db, { name: "Inés Andi", community: "Pompeya" });
    const elsewhere = await createWalkIn(db, { name: "Inés Cerda", community: "Zábalo" });
    await db.attendance.create({
      data: { sessionId: session.id, participantId: atSession.id, status: "present", walkIn: true },
    });
    await enrolDirectly(course.id, enrolledOnly.id);
    await enrolDirectly(otherCourse.id, elsewhere.id);

    const names = async (platformId: string | null, q: string) =>
      (await findPeopleWithoutAccount(db, platformId, q)).map((p) => p.name).sort();
    expect(await names(platform.id, "ines")).toEqual(["Inés Andi", "Inés Yumbo"]);
    expect(await names(other.id, "ines")).toEqual(["Inés Cerda"]);
    // A portal-wide course (no platform) looks everywhere.
    expect(await names(null, "ines zabalo")).toEqual(["Inés Cerda"]);
  });
});

describe("merging records that hold training history", () => {
  it("moves session attendance, enrolments and certificates, and counts nobody twice", async () => {
    const platform = await makePlatform();
    const course = await makeCourse(platform.id);
    const later = await makeCourse(platform.id);
    const s1 = await makeTrainingSession(course.id, {
      startsAt: new Date(Date.now() - 5 * 86400_000),
    });
    const s2 = await makeTrainingSession(course.id, {
      startsAt: new Date(Date.now() - 2 * 86400_000),
    });
    const keep = await createWalkIn(db, { name: "Rosa Aguinda", community: "Limoncocha" });
    const drop = await createWalkIn(db, { name: "Rosa Aguinda", community: null });
    // Both records were enrolled in the same course (once by a facilitator, once at the
    // door), at different dates: one place remains, since the earlier date.
    const early = new Date(Date.now() - 20 * 86400_000);
    await enrolDirectly(course.id, keep.id, new Date(Date.now() - 3 * 86400_000));
    await enrolDirectly(course.id, drop.id, early);
    await enrolDirectly(later.id, drop.id);
    await db.attendance.createMany({
      data: [
        { sessionId: s1.id, participantId: drop.id, status: "present", walkIn: true },
        { sessionId: s2.id, participantId: keep.id, status: "late" },
      ],
    });
    await db.certificate.create({
      data: {
        code: `c-${keep.id}`,
        courseId: later.id,
        participantId: drop.id,
        name: drop.name,
        hours: 6,
        attended: 2,
        counted: 2,
      },
    });
    const before = {
      sessions: await sessionCounts(course.id),
      enrolled: [await enrolledCount(course.id), await enrolledCount(later.id)],
    };
    expect(before.enrolled).toEqual([2, 1]);

    const outcome = await db.$transaction((tx) =>
      mergeParticipants(tx, actor, platform.id, { keepId: keep.id, dropId: drop.id }),
    );
    expect(outcome.ok).toBe(true);

    expect(await sessionCounts(course.id)).toBe(before.sessions);
    // The same person enrolled twice in one course is one place after the merge.
    expect([await enrolledCount(course.id), await enrolledCount(later.id)]).toEqual([1, 1]);
    const place = await db.enrolment.findUniqueOrThrow({
      where: { courseId_participantId: { courseId: course.id, participantId: keep.id } },
    });
    expect(place.enrolledAt.getTime()).toBe(early.getTime());
    expect(await db.certificate.count({ where: { participantId: keep.id } })).toBe(1);
    expect(await db.participant.findUnique({ where: { id: drop.id } })).toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "participant.merged", entityId: keep.id },
    });
    expect(JSON.parse(audit.details)).toMatchObject({ enrolmentsMoved: 2, certificatesMoved: 1 });
    // Audit entries hold ids, not the folded record's name.
    expect(audit.details).not.toContain("Rosa");
  });

  it("refuses records counted at the same training session, or both certified for one course", async () => {
    const platform = await makePlatform();
    const course = await makeCourse(platform.id);
    const session = await makeTrainingSession(course.id);
    const a = await createWalkIn(db, { name: "Luis Shiguango" });
    const b = await createWalkIn(db, { name: "Luis Shiguango" });
    await db.attendance.createMany({
      data: [
        { sessionId: session.id, participantId: a.id, status: "present", walkIn: true },
        { sessionId: session.id, participantId: b.id, status: "present", walkIn: true },
      ],
    });
    const merge = () =>
      db.$transaction((tx) =>
        mergeParticipants(tx, actor, platform.id, { keepId: a.id, dropId: b.id }),
      );
    expect(await merge()).toMatchObject({ ok: false });

    const c = await createWalkIn(db, { name: "Luis Shiguango" });
    const d = await createWalkIn(db, { name: "Luis Shiguango" });
    for (const p of [c, d]) {
      await enrolDirectly(course.id, p.id);
      await db.certificate.create({
        data: {
          code: `c-${p.id}`,
          courseId: course.id,
          participantId: p.id,
          name: p.name,
          hours: 3,
          attended: 1,
          counted: 1,
        },
      });
    }
    const certified = await db.$transaction((tx) =>
      mergeParticipants(tx, actor, platform.id, { keepId: c.id, dropId: d.id }),
    );
    expect(certified).toMatchObject({ ok: false });
    expect(await db.participant.count({ where: { id: { in: [a.id, b.id, c.id, d.id] } } })).toBe(4);
  });

  it("links a walk-in's training to the account opened later; assemblies and sessions alike", async () => {
    const platform = await makePlatform();
    const course = await makeCourse(platform.id);
    const session = await makeTrainingSession(course.id);
    const meeting = await makeMeeting(platform.id);
    const walkIn = await createWalkIn(db, { name: "Carmen Tanguila" });
    await db.attendance.createMany({
      data: [
        { sessionId: session.id, participantId: walkIn.id, status: "present", walkIn: true },
        { meetingId: meeting.id, participantId: walkIn.id, status: "present", walkIn: true },
      ],
    });
    await enrolDirectly(course.id, walkIn.id);
    const user = await makeUser("Carmen Tanguila");
    await addMember(user, platform.id);
    const outcome = await db.$transaction((tx) =>
      linkToAccount(tx, actor, platform.id, walkIn.id, user.id),
    );
    expect(outcome.ok).toBe(true);
    const own = await participantOf(user.id);
    expect(await db.attendance.count({ where: { participantId: own } })).toBe(2);
    expect(await db.enrolment.count({ where: { participantId: own, status: "enrolled" } })).toBe(1);
  });
});

describe("forgetting a walk-in", () => {
  it("keeps a person who is still enrolled or certified", async () => {
    const platform = await makePlatform();
    const course = await makeCourse(platform.id);
    const enrolled = await createWalkIn(db, { name: "Olga Alvarado" });
    await enrolDirectly(course.id, enrolled.id);
    expect(await db.$transaction((tx) => forgetIfUncounted(tx, enrolled.id))).toBe(false);
    const nobody = await createWalkIn(db, { name: "Nadie" });
    expect(await db.$transaction((tx) => forgetIfUncounted(tx, nobody.id))).toBe(true);
  });
});
