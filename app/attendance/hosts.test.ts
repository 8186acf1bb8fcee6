import type { Prisma } from "@prisma/client";
import type { AttendanceHost } from "~/attendance/attendance.server";
import { readRows } from "~/db-read.server";
import { addWalkIn, removeWalkIn, writeMarks } from "~/attendance/attendance.server";
import { attendanceSheet, WALK_INS_PAGE_SIZE } from "~/attendance/sheet.server";
import { getCourse } from "~/courses/courses.server";
import { enrolledWhere, sessionHost } from "~/courses/session-attendance.server";
import { getSession } from "~/courses/sessions.server";
import { db, type DbClient, sqlBuilders } from "~/db.server";
import { decodeMessage } from "~/forms/messages";
import type { Refusal } from "~/forms/outcome";
import { meetingHost, rosterWhere } from "~/meetings/attendance.server";
import { getMeeting } from "~/meetings/meetings.server";
import { createWalkIn } from "~/participants/participants.server";
import {
  addMember,
  enrolDirectly,
  makeCourse,
  makeMeeting,
  makeMembership,
  makePlatform,
  makeTrainingSession,
  makeUser,
  participantOf,
} from "~/test/world";

/**
 * The shared attendance module, exercised once for each host: an assembly (roster = the
 * platform's members) and a training session (roster = the people enrolled in the course).
 */
interface Event {
  actor: { id: string };
  /** Someone on the roster, and someone who is not. */
  onRoster: string;
  offRoster: string;
  /** A status this host does not offer. */
  badStatus: string;
  platformId: string;
  load(tx: DbClient): Promise<AttendanceHost>;
  /** Closes the record (minutes published, course closed). */
  close(): Promise<void>;
  cancel(): Promise<void>;
  status(): Promise<string>;
  closedMessage: string;
  cancelledMessage: string;
  unknownMessage: string;
  /** Whether a walk-in now counts on the host's roster (training: enrolled). */
  walkInEnrolled(participantId: string): Promise<boolean>;
  /** Adds someone whose own row keeps them off the roster (membership ended, withdrawn). */
  addFormer(): Promise<void>;
  /** The host's roster rule as a Prisma filter (the walk-in search leaves them out). */
  prismaRoster(at: Date): Promise<Prisma.ParticipantWhereInput>;
}

async function meetingEvent(): Promise<Event> {
  const platform = await makePlatform();
  const facilitator = await makeUser("Facilitadora");
  const ana = await makeUser("Ana");
  const outsider = await makeUser("Forastera");
  await addMember(facilitator, platform.id, "facilitator");
  await addMember(ana, platform.id);
  const meeting = await makeMeeting(platform.id);
  return {
    actor: facilitator,
    onRoster: await participantOf(ana.id),
    offRoster: await participantOf(outsider.id),
    badStatus: "late",
    platformId: platform.id,
    load: async (tx) => meetingHost(await getMeeting(platform.id, meeting.id, tx)),
    close: async () => {
      await db.meeting.update({
        where: { id: meeting.id },
        data: { minutesPublishedAt: new Date() },
      });
    },
    cancel: async () => {
      await db.meeting.update({ where: { id: meeting.id }, data: { status: "cancelled" } });
    },
    status: async () => (await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).status,
    closedMessage: "meetings:errors.attendancePublished",
    cancelledMessage: "meetings:errors.attendanceCancelled",
    unknownMessage: "meetings:errors.unknownParticipant",
    walkInEnrolled: async () => false,
    prismaRoster: async (at) => rosterWhere(await getMeeting(platform.id, meeting.id), at),
    addFormer: async () => {
      const day = 86400_000;
      const former = await makeUser("Exmiembro");
      await addMember(former, platform.id, "member", [
        { startedAt: new Date(Date.now() - 400 * day), endedAt: new Date(Date.now() - 100 * day) },
      ]);
      // A request to join: a membership with no period yet.
      await makeMembership(await makeUser("Solicitante"), platform.id);
    },
  };
}

async function sessionEvent(): Promise<Event> {
  const platform = await makePlatform();
  const facilitator = await makeUser("Facilitadora");
  const ana = await makeUser("Ana");
  const outsider = await makeUser("Forastera");
  await addMember(facilitator, platform.id, "facilitator");
  // A member of the platform who is not enrolled is not on a session's roster.
  await addMember(outsider, platform.id);
  const course = await makeCourse(platform.id);
  const session = await makeTrainingSession(course.id);
  await enrolDirectly(course.id, await participantOf(ana.id));
  return {
    actor: facilitator,
    onRoster: await participantOf(ana.id),
    offRoster: await participantOf(outsider.id),
    badStatus: "maybe",
    platformId: platform.id,
    load: async (tx) => {
      const c = await getCourse(course.id, tx);
      return sessionHost(c, await getSession(c.id, session.id, tx));
    },
    close: async () => {
      await db.course.update({
        where: { id: course.id },
        data: { status: "closed", closedAt: new Date() },
      });
    },
    cancel: async () => {
      await db.trainingSession.update({ where: { id: session.id }, data: { status: "cancelled" } });
    },
    status: async () =>
      (await db.trainingSession.findUniqueOrThrow({ where: { id: session.id } })).status,
    closedMessage: "training:errors.attendanceClosed",
    cancelledMessage: "training:errors.attendanceCancelled",
    unknownMessage: "training:errors.notEnrolled",
    walkInEnrolled: async (participantId) =>
      !!(await db.enrolment.findFirst({
        where: { courseId: course.id, participantId, status: "enrolled" },
      })),
    prismaRoster: async () => enrolledWhere(course.id),
    addFormer: async () => {
      const withdrew = await participantOf((await makeUser("Se retiró")).id);
      const enrolment = await enrolDirectly(course.id, withdrew);
      await db.enrolment.update({ where: { id: enrolment.id }, data: { status: "withdrawn" } });
    },
  };
}

const refusalOf = (outcome: { ok: boolean }) =>
  decodeMessage((outcome as Refusal).formErrors?.[0] ?? "").key;

describe.each([
  ["an assembly", meetingEvent, "Meeting", "meetingId"],
  ["a training session", sessionEvent, "TrainingSession", "sessionId"],
] as const)("attendance at %s", (_label, makeEvent, entityType, column) => {
  const now = () => new Date();
  const inHost = <T>(event: Event, run: (tx: DbClient, host: AttendanceHost) => Promise<T>) =>
    db.$transaction(async (tx) => run(tx, await event.load(tx)));

  it("records and corrects marks, audited, and the event becomes held", async () => {
    const e = await makeEvent();
    const first = await inHost(e, (tx, h) =>
      writeMarks(tx, e.actor, h, { [e.onRoster]: "present" }, now()),
    );
    expect(first).toEqual({ ok: true, value: { changed: 1 } });
    expect(await e.status()).toBe("held");
    await inHost(e, (tx, h) => writeMarks(tx, e.actor, h, { [e.onRoster]: "absent" }, now()));
    const rows = await db.attendance.findMany({ where: { participantId: e.onRoster } });
    expect(rows).toHaveLength(1);
    expect(rows[0]![column]).toBeTruthy();
    expect(rows[0]!.status).toBe("absent");
    const audit = await db.auditEvent.findMany({
      where: { entityType, action: { startsWith: "attendance." } },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["attendance.recorded", "attendance.corrected"]);
    expect(audit.every((a) => a.platformId === e.platformId)).toBe(true);
    expect(JSON.parse(audit[1]!.details)).toMatchObject({
      participantId: e.onRoster,
      from: "present",
      to: "absent",
    });
  });

  it("counts its roster from its own rows: exactly the people the roster selects", async () => {
    const e = await makeEvent();
    const host = await e.load(db);
    const at = now();
    const before = await host.rosterSize(db, at);
    await e.addFormer();
    const selected = (
      await readRows<{ id: string }>(
        db,
        sqlBuilders().sql`SELECT p."id" FROM "Participant" p WHERE ${host.rosterSql(at)}`,
      )
    )
      .map((p) => p.id)
      .sort();
    expect(await host.rosterSize(db, at)).toBe(selected.length);
    // Someone whose membership ended, or who withdrew, is on neither count.
    expect(selected.length).toBe(before);
    expect(selected.length).toBeGreaterThan(0);
    // The same rule as a Prisma filter (the walk-in search's) selects the same people.
    const byPrisma = await db.participant.findMany({
      where: await e.prismaRoster(at),
      select: { id: true },
    });
    expect(byPrisma.map((p) => p.id).sort()).toEqual(selected);
  });

  it("refuses someone not on the roster and a status the host does not offer, writing nothing", async () => {
    const e = await makeEvent();
    const unknown = await inHost(e, (tx, h) =>
      writeMarks(tx, e.actor, h, { [e.onRoster]: "present", [e.offRoster]: "present" }, now()),
    );
    expect(refusalOf(unknown)).toBe(e.unknownMessage);
    const bad = await inHost(e, (tx, h) =>
      writeMarks(tx, e.actor, h, { [e.onRoster]: e.badStatus as never }, now()),
    );
    expect(refusalOf(bad)).toBe("validation.choice");
    expect(await db.attendance.count({ where: { participantId: e.onRoster } })).toBe(0);
    expect(await e.status()).toBe("scheduled");
  });

  it("adds a new walk-in, and finds a walk-in from an assembly again instead of a second record", async () => {
    const e = await makeEvent();
    const added = await inHost(e, (tx, h) =>
      addWalkIn(tx, e.actor, h, { name: "Rosa Tanguila", community: "Pañacocha" }, now()),
    );
    if (!added.ok) throw new Error("refused");
    expect(await e.walkInEnrolled(added.value.participantId)).toBe(entityType !== "Meeting");

    // Someone recorded without an account at an earlier assembly on the same platform.
    const earlier = await makeMeeting(e.platformId, {
      startsAt: new Date(Date.now() - 48 * 3600_000),
    });
    const known = await createWalkIn(db, { name: "Luz Andi" });
    await db.attendance.create({
      data: { meetingId: earlier.id, participantId: known.id, status: "present", walkIn: true },
    });
    const before = await db.participant.count();
    const again = await inHost(e, (tx, h) =>
      addWalkIn(tx, e.actor, h, { participantId: known.id }, now(), { [e.onRoster]: "present" }),
    );
    expect(again).toEqual({ ok: true, value: { participantId: known.id } });
    expect(await db.participant.count()).toBe(before);
    expect(await db.attendance.count({ where: { participantId: known.id } })).toBe(2);
    // The marks on screen were saved in the same transaction.
    expect(await db.attendance.count({ where: { participantId: e.onRoster } })).toBe(1);
    const twice = await inHost(e, (tx, h) =>
      addWalkIn(tx, e.actor, h, { participantId: known.id }, now()),
    );
    expect(refusalOf(twice)).toBe("participants:errors.alreadyCounted");
    const audit = await db.auditEvent.findMany({
      where: { entityType, action: "attendance.walkInAdded" },
    });
    expect(audit.map((a) => JSON.parse(a.details).foundAgain).sort()).toEqual([false, true]);
  });

  it("finds again only people this platform has seen, whatever id a form sends", async () => {
    const e = await makeEvent();
    const elsewhere = await makePlatform();
    const stranger = await createWalkIn(db, { name: "Persona de otro corredor" });
    await db.attendance.create({
      data: {
        meetingId: (await makeMeeting(elsewhere.id)).id,
        participantId: stranger.id,
        status: "present",
        walkIn: true,
      },
    });
    const forged = await inHost(e, (tx, h) =>
      addWalkIn(tx, e.actor, h, { participantId: stranger.id }, now()),
    );
    expect(refusalOf(forged)).toBe("participants:errors.notFound");
    expect(await db.attendance.count({ where: { participantId: stranger.id } })).toBe(1);
  });

  it("lists the walk-ins a page at a time, the latest first, with how many in all", async () => {
    const e = await makeEvent();
    const total = WALK_INS_PAGE_SIZE + 2;
    for (let i = 0; i < total; i++) {
      const added = await inHost(e, (tx, h) =>
        addWalkIn(tx, e.actor, h, { name: `Visita ${String(i).padStart(2, "0")}` }, now()),
      );
      expect(added.ok).toBe(true);
    }
    const names = (from: number, to: number) =>
      Array.from(
        { length: from - to },
        (_, i) => `Visita ${String(from - 1 - i).padStart(2, "0")}`,
      );
    const sheet = async (walkInsPage?: number) =>
      attendanceSheet(db, await e.load(db), now(), { walkInsPage });
    const first = await sheet();
    expect(first).toMatchObject({ walkInCount: total, walkInPage: 1, walkInPages: 2 });
    // The one just written down on top; the first two on the next page.
    expect(first.walkIns.map((w) => w.name)).toEqual(names(total, 2));
    const second = await sheet(2);
    expect(second).toMatchObject({ walkInCount: total, walkInPage: 2, walkInPages: 2 });
    expect(second.walkIns.map((w) => w.name)).toEqual(names(2, 0));
    // A page past the end shows the last one.
    expect((await sheet(7)).walkIns.map((w) => w.name)).toEqual(names(2, 0));
  });

  it("lists a walk-in apart, never on the roster's page, even once enrolled; marked people stay listed with their mark", async () => {
    const e = await makeEvent();
    const added = await inHost(e, (tx, h) =>
      addWalkIn(tx, e.actor, h, { name: "Rosa Tanguila" }, now(), { [e.onRoster]: "present" }),
    );
    if (!added.ok) throw new Error("refused");
    const walkIn = added.value.participantId;
    for (const q of [undefined, "rosa", "tanguila"]) {
      const sheet = await attendanceSheet(db, await e.load(db), now(), { q });
      expect(sheet.roster.map((r) => r.participantId)).not.toContain(walkIn);
      expect(sheet.walkIns.map((w) => w.participantId)).toEqual([walkIn]);
    }
    const sheet = await attendanceSheet(db, await e.load(db), now());
    expect(sheet.roster.find((r) => r.participantId === e.onRoster)?.status).toBe("present");
    expect(sheet.roster.every((r) => r.participantId === e.onRoster || r.status === null)).toBe(
      true,
    );
  });

  it("takes back a walk-in: the new person record and what it created go", async () => {
    const e = await makeEvent();
    const added = await inHost(e, (tx, h) => addWalkIn(tx, e.actor, h, { name: "Error" }, now()));
    if (!added.ok) throw new Error("refused");
    const row = await db.attendance.findFirstOrThrow({
      where: { participantId: added.value.participantId },
    });
    const removed = await inHost(e, (tx, h) => removeWalkIn(tx, e.actor, h, row.id, now()));
    expect(removed.ok).toBe(true);
    expect(
      await db.participant.findUnique({ where: { id: added.value.participantId } }),
    ).toBeNull();
    expect(await db.enrolment.count({ where: { participantId: added.value.participantId } })).toBe(
      0,
    );
    expect(
      await db.auditEvent.count({ where: { entityType, action: "attendance.walkInRemoved" } }),
    ).toBe(1);
  });

  it("refuses every write once the record is closed, and for a cancelled event", async () => {
    const e = await makeEvent();
    await inHost(e, (tx, h) => writeMarks(tx, e.actor, h, { [e.onRoster]: "present" }, now()));
    await e.close();
    const marks = await inHost(e, (tx, h) =>
      writeMarks(tx, e.actor, h, { [e.onRoster]: "absent" }, now()),
    );
    expect(refusalOf(marks)).toBe(e.closedMessage);
    const walkIn = await inHost(e, (tx, h) => addWalkIn(tx, e.actor, h, { name: "Tarde" }, now()));
    expect(refusalOf(walkIn)).toBe(e.closedMessage);
    expect(
      (await db.attendance.findFirstOrThrow({ where: { participantId: e.onRoster } })).status,
    ).toBe("present");

    const c = await makeEvent();
    await c.cancel();
    const cancelled = await inHost(c, (tx, h) =>
      writeMarks(tx, c.actor, h, { [c.onRoster]: "present" }, now()),
    );
    expect(refusalOf(cancelled)).toBe(c.cancelledMessage);
  });

  it("does not open attendance days before the event", async () => {
    const e = await makeEvent();
    const early = new Date(Date.now() - 3 * 24 * 3600_000);
    const outcome = await inHost(e, (tx, h) =>
      writeMarks(tx, e.actor, h, { [e.onRoster]: "present" }, early),
    );
    expect(refusalOf(outcome)).toMatch(/errors\.attendanceNotYet$/);
  });
});
