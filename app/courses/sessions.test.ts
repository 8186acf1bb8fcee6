import ICAL from "ical.js";
import { addWalkIn, removeWalkIn, writeMarks } from "~/attendance/attendance.server";
import { db, type DbClient } from "~/db.server";
import { decodeMessage } from "~/forms/messages";
import type { Outcome, Refusal } from "~/forms/outcome";
import { createWalkIn } from "~/participants/participants.server";
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
import { getCourse } from "./courses.server";
import { heldTransaction, meanwhile } from "~/test/held-transaction";
import { inSessionHost, sessionHost } from "./session-attendance.server";
import { sessionSchema, type SessionInput } from "./session-schemas";
import {
  cancelSession,
  courseCalendar,
  getSession,
  scheduleSession,
  updateSession,
} from "./sessions.server";

const input = (over: Partial<SessionInput> = {}): SessionInput => ({
  topic: "Huellas y rastros",
  date: "2027-03-10",
  startTime: "09:00",
  endTime: "12:00",
  place: "Casa comunal de Dureno",
  ...over,
});

async function setting() {
  const platform = await makePlatform();
  const facilitator = await makeUser("Facilitadora");
  await addMember(facilitator, platform.id, "facilitator");
  const course = await makeCourse(platform.id, { startDate: "2027-03-01", endDate: "2027-03-31" });
  return { platform, facilitator, course };
}

const fieldError = (o: Outcome<unknown>, field: string) =>
  decodeMessage((o as Refusal).fieldErrors?.[field]?.[0] ?? "").key;
const formError = (o: Outcome<unknown>) => decodeMessage((o as Refusal).formErrors?.[0] ?? "").key;

describe("scheduling training sessions", () => {
  it("stores the course's local times as instants, audited", async () => {
    const { facilitator, course } = await setting();
    const outcome = await scheduleSession(facilitator, course.id, input());
    if (!outcome.ok) throw new Error("refused");
    const session = await getSession(course.id, outcome.value.sessionId);
    // Guayaquil is UTC−5 all year.
    expect(session.startsAt.toISOString()).toBe("2027-03-10T14:00:00.000Z");
    expect(session.endsAt.toISOString()).toBe("2027-03-10T17:00:00.000Z");
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: session.id, action: "trainingSession.scheduled" },
    });
    expect(audit.platformId).toBe(course.platformId);
  });

  it.each([
    [
      "a day before the course starts",
      { date: "2027-02-28" },
      "date",
      "training:errors.outsideCourse",
    ],
    [
      "a day after the course ends",
      { date: "2027-04-01" },
      "date",
      "training:errors.outsideCourse",
    ],
  ])("refuses a date %s, beside the date", async (_l, over, field, key) => {
    const { facilitator, course } = await setting();
    const outcome = await scheduleSession(facilitator, course.id, input(over));
    expect(fieldError(outcome, field)).toBe(key);
    expect(await db.trainingSession.count({ where: { courseId: course.id } })).toBe(0);
  });

  it("accepts the first and last days of the course", async () => {
    const { facilitator, course } = await setting();
    expect((await scheduleSession(facilitator, course.id, input({ date: "2027-03-01" }))).ok).toBe(
      true,
    );
    expect((await scheduleSession(facilitator, course.id, input({ date: "2027-03-31" }))).ok).toBe(
      true,
    );
  });

  it("refuses an end not after the start, beside the end time (form and domain)", async () => {
    const parsed = sessionSchema.safeParse(input({ startTime: "10:00", endTime: "10:00" }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["endTime"]);
    const { facilitator, course } = await setting();
    const outcome = await scheduleSession(
      facilitator,
      course.id,
      input({ startTime: "11:00", endTime: "09:00" }),
    );
    expect(fieldError(outcome, "endTime")).toBe("training:errors.endBeforeStart");
  });

  it("refuses a closed course", async () => {
    const { facilitator, course } = await setting();
    await db.course.update({ where: { id: course.id }, data: { status: "closed" } });
    const outcome = await scheduleSession(facilitator, course.id, input());
    expect(formError(outcome)).toBe("training:errors.courseClosed");
    expect(await db.trainingSession.count({ where: { courseId: course.id } })).toBe(0);
  });

  it("accepts only one of the course's facilitators", async () => {
    const { facilitator, course } = await setting();
    const stranger = await makeUser("Otra");
    const refused = await scheduleSession(
      facilitator,
      course.id,
      input({ facilitatorId: stranger.id }),
    );
    expect(fieldError(refused, "facilitatorId")).toBe("validation.choice");
    await db.courseFacilitator.create({ data: { courseId: course.id, userId: facilitator.id } });
    const outcome = await scheduleSession(
      facilitator,
      course.id,
      input({ facilitatorId: facilitator.id }),
    );
    if (!outcome.ok) throw new Error("refused");
    expect((await getSession(course.id, outcome.value.sessionId)).facilitatorId).toBe(
      facilitator.id,
    );
  });
});

describe("editing and cancelling", () => {
  it("edits a scheduled session, audited with the old and new times", async () => {
    const { facilitator, course } = await setting();
    const s = await scheduleSession(facilitator, course.id, input());
    if (!s.ok) throw new Error("refused");
    const outcome = await updateSession(
      facilitator,
      course.id,
      s.value.sessionId,
      input({ topic: "Cámaras trampa", startTime: "14:00", endTime: "17:00" }),
    );
    expect(outcome.ok).toBe(true);
    const session = await getSession(course.id, s.value.sessionId);
    expect(session.topic).toBe("Cámaras trampa");
    expect(session.startsAt.toISOString()).toBe("2027-03-10T19:00:00.000Z");
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: session.id, action: "trainingSession.updated" },
    });
    expect(JSON.parse(audit.details).from.startsAt).toBe("2027-03-10T14:00:00.000Z");
  });

  it("a held session (attendance taken) is neither edited nor cancelled", async () => {
    const { facilitator, course } = await setting();
    const ana = await makeUser("Ana");
    const session = await makeTrainingSession(course.id);
    const anaParticipant = await participantOf(ana.id);
    await enrolDirectly(course.id, anaParticipant);
    const full = await getCourse(course.id);
    await db.$transaction(async (tx) =>
      writeMarks(
        tx,
        facilitator,
        sessionHost(full, await getSession(course.id, session.id, tx)),
        { [anaParticipant]: "present" },
        new Date(),
      ),
    );
    expect((await getSession(course.id, session.id)).status).toBe("held");
    const edit = await updateSession(facilitator, course.id, session.id, input());
    expect(formError(edit)).toBe("training:errors.held");
    const cancel = await cancelSession(facilitator, course.id, session.id, "Lluvia");
    expect(formError(cancel)).toBe("training:errors.heldNotCancelled");
    expect((await getSession(course.id, session.id)).status).toBe("held");
  });

  it("cancels with a reason, shown and audited; a cancelled session stays cancelled", async () => {
    const { facilitator, course } = await setting();
    const s = await scheduleSession(facilitator, course.id, input());
    if (!s.ok) throw new Error("refused");
    expect(
      (await cancelSession(facilitator, course.id, s.value.sessionId, "Crecida del río")).ok,
    ).toBe(true);
    expect((await getSession(course.id, s.value.sessionId)).status).toBe("cancelled");
    expect((await getSession(course.id, s.value.sessionId)).cancelReason).toBe("Crecida del río");
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: s.value.sessionId, action: "trainingSession.cancelled" },
    });
    expect(JSON.parse(audit.details)).toMatchObject({ reason: "Crecida del río" });
    expect(formError(await updateSession(facilitator, course.id, s.value.sessionId, input()))).toBe(
      "training:errors.cancelled",
    );
  });

  it("a session of another course is a 404", async () => {
    const { facilitator, course } = await setting();
    const other = await makeCourse(null);
    const foreign = await makeTrainingSession(other.id);
    await expect(updateSession(facilitator, course.id, foreign.id, input())).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe("walk-ins at a session become enrolled", () => {
  async function running() {
    const { platform, facilitator, course } = await setting();
    const live = await makeCourse(platform.id, { capacity: 1 });
    const first = await makeTrainingSession(live.id);
    const second = await makeTrainingSession(live.id);
    const host = async (tx: DbClient, sessionId: string) => {
      const c = await getCourse(live.id, tx);
      return sessionHost(c, await getSession(c.id, sessionId, tx));
    };
    return { platform, facilitator, course, live, first, second, host };
  }

  it("even over capacity, audited; taking the walk-in back removes the enrolment it created", async () => {
    const { platform, facilitator, live, first, host } = await running();
    const full = await makeUser("Ya inscrita");
    await enrolDirectly(live.id, await participantOf(full.id));
    // Counted before at an assembly, so her person record stays when the walk-in is taken back.
    const known = await createWalkIn(db, { name: "Luz Andi" });
    const earlier = await makeMeeting(platform.id, {
      startsAt: new Date(Date.now() - 48 * 3600_000),
    });
    await db.attendance.create({
      data: { meetingId: earlier.id, participantId: known.id, status: "present", walkIn: true },
    });
    await db.$transaction(async (tx) =>
      addWalkIn(tx, facilitator, await host(tx, first.id), { participantId: known.id }, new Date()),
    );
    const enrolment = await db.enrolment.findFirstOrThrow({
      where: { courseId: live.id, participantId: known.id },
    });
    expect(enrolment).toMatchObject({ status: "enrolled", enrolledById: facilitator.id });
    expect(await db.enrolment.count({ where: { courseId: live.id, status: "enrolled" } })).toBe(2);
    expect(
      await db.auditEvent.count({
        where: { entityId: first.id, action: "trainingSession.walkInEnrolled" },
      }),
    ).toBe(1);

    const row = await db.attendance.findFirstOrThrow({
      where: { participantId: known.id, sessionId: first.id },
    });
    await db.$transaction(async (tx) =>
      removeWalkIn(tx, facilitator, await host(tx, first.id), row.id, new Date()),
    );
    expect(
      await db.enrolment.count({ where: { courseId: live.id, participantId: known.id } }),
    ).toBe(0);
  });

  it("keeps the enrolment of a walk-in counted at another session of the course", async () => {
    const { facilitator, live, first, second, host } = await running();
    const added = await db.$transaction(async (tx) =>
      addWalkIn(tx, facilitator, await host(tx, first.id), { name: "Rosa" }, new Date()),
    );
    if (!added.ok) throw new Error("refused");
    const rosa = added.value.participantId;
    // Enrolled now, she is on the second session's roster.
    const marked = await db.$transaction(async (tx) =>
      writeMarks(tx, facilitator, await host(tx, second.id), { [rosa]: "late" }, new Date()),
    );
    expect(marked.ok).toBe(true);
    const row = await db.attendance.findFirstOrThrow({
      where: { participantId: rosa, sessionId: first.id },
    });
    await db.$transaction(async (tx) =>
      removeWalkIn(tx, facilitator, await host(tx, first.id), row.id, new Date()),
    );
    expect(
      await db.enrolment.count({
        where: { courseId: live.id, participantId: rosa, status: "enrolled" },
      }),
    ).toBe(1);
  });

  it("refuses marking someone not enrolled, and the attendance of a closed course", async () => {
    const { facilitator, live, first, host } = await running();
    const stranger = await participantOf((await makeUser("Sin inscripción")).id);
    const refused = await db.$transaction(async (tx) =>
      writeMarks(tx, facilitator, await host(tx, first.id), { [stranger]: "present" }, new Date()),
    );
    expect(formError(refused)).toBe("training:errors.notEnrolled");
    const ana = await participantOf((await makeUser("Ana")).id);
    await enrolDirectly(live.id, ana);
    await db.course.update({ where: { id: live.id }, data: { status: "closed" } });
    const frozen = await db.$transaction(async (tx) =>
      writeMarks(tx, facilitator, await host(tx, first.id), { [ana]: "present" }, new Date()),
    );
    expect(formError(frozen)).toBe("training:errors.attendanceClosed");
    expect(await db.attendance.count({ where: { sessionId: first.id } })).toBe(0);
  });

  it("waits for a close under way, then refuses the marks sent meanwhile", async () => {
    const { facilitator, live, first } = await running();
    const ana = await participantOf((await makeUser("Ana")).id);
    await enrolDirectly(live.id, ana);
    const closing = await heldTransaction((tx) =>
      tx.course.update({ where: { id: live.id }, data: { status: "closed" } }),
    );
    const marking = inSessionHost(
      live.id,
      first.id,
    )((tx, host) => writeMarks(tx, facilitator, host, { [ana]: "present" }, new Date()));
    await meanwhile();
    await closing.commit();
    // Not written after the close (which counts certificates from the marks it sees).
    expect(formError(await marking)).toBe("training:errors.attendanceClosed");
    expect(await db.attendance.count({ where: { sessionId: first.id } })).toBe(0);
  });
});

describe("session calendars (parsed with ical.js)", () => {
  function events(ics: string) {
    const root = new ICAL.Component(ICAL.parse(ics));
    return { root, events: root.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c)) };
  }

  it("one session and the course feed, in the course's zone, cancelled ones marked", async () => {
    const { facilitator, course } = await setting();
    const a = await scheduleSession(
      facilitator,
      course.id,
      input({ topic: "Rastros; huellas, heces" }),
    );
    const b = await scheduleSession(facilitator, course.id, input({ date: "2027-03-17" }));
    if (!a.ok || !b.ok) throw new Error("refused");
    await cancelSession(facilitator, course.id, b.value.sessionId, "Crecida");
    const full = await getCourse(course.id);
    const url = (id: string) => `https://minga.example/courses/${course.id}/sessions/${id}`;

    const one = events(await courseCalendar(full, "es", url, a.value.sessionId));
    expect(one.events).toHaveLength(1);
    expect(one.events[0]!.summary).toBe("Monitoreo comunitario de fauna: Rastros; huellas, heces");
    expect(one.events[0]!.location).toBe("Casa comunal de Dureno");
    expect(one.events[0]!.startDate.toJSDate().toISOString()).toBe("2027-03-10T14:00:00.000Z");
    expect(one.events[0]!.component.getFirstProperty("dtstart")?.getParameter("tzid")).toBe(
      "America/Guayaquil",
    );

    const feed = events(await courseCalendar(full, "en", url));
    expect(feed.root.getFirstPropertyValue("x-wr-calname")).toBe("Community fauna monitoring");
    expect(feed.events.map((e) => e.uid)).toEqual([
      `${a.value.sessionId}@minga`,
      `${b.value.sessionId}@minga`,
    ]);
    expect(feed.events[1]!.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(feed.events[1]!.component.getFirstPropertyValue("url")).toBe(url(b.value.sessionId));
  });
});
