import { db } from "~/db.server";
import { attendanceWindow, WALK_INS_CLOSE_AFTER_MS } from "~/meetings/attendance-window";
import { addWalkIn, removeWalkIn, saveAttendance } from "~/meetings/attendance.server";
import { saveAndPublishMinutes } from "~/meetings/minutes.server";
import { quorumForMeeting } from "~/meetings/quorum.server";
import { addMember, makeMeeting, makePlatform, makeUser, participantOf } from "~/test/world";

const hour = 3600_000;
const day = 24 * hour;

describe("the attendance window (table)", () => {
  const start = new Date("2026-11-20T15:00:00Z");
  const meeting = (over: Partial<Parameters<typeof attendanceWindow>[0]> = {}) => ({
    status: "scheduled",
    startsAt: start,
    endsAt: new Date(start.getTime() + 3 * hour),
    minutesPublishedAt: null,
    ...over,
  });
  const at = (ms: number) => new Date(start.getTime() + ms);
  const published = "meetings:errors.attendancePublished";
  const walkInsClosed = "meetings:errors.walkInsClosed|days=3";
  it.each([
    ["a week before", meeting(), at(-7 * day), "meetings:errors.attendanceNotYet", null],
    ["seven hours before", meeting(), at(-7 * hour), "meetings:errors.attendanceNotYet", null],
    ["six hours before", meeting(), at(-6 * hour), null, null],
    ["during", meeting(), at(hour), null, null],
    ["two days after the end", meeting(), at(3 * hour + 2 * day), null, null],
    ["three days after the end", meeting(), at(3 * hour + WALK_INS_CLOSE_AFTER_MS), null, null],
    ["a month after the end", meeting(), at(30 * day), null, walkInsClosed],
    [
      "once the minutes are published",
      meeting({ status: "held", minutesPublishedAt: at(4 * hour) }),
      at(5 * hour),
      published,
      published,
    ],
    [
      "cancelled",
      meeting({ status: "cancelled" }),
      at(hour),
      "meetings:errors.attendanceCancelled",
      "meetings:errors.attendanceCancelled",
    ],
  ])("%s", (_label, m, now, marks, walkIn) => {
    const w = attendanceWindow(m, now);
    expect(w.marks).toBe(marks);
    // Adding a walk-in has the marks' limits and its own deadline; removing has the marks'.
    expect(w.addWalkIn).toBe(marks ?? walkIn);
    expect(w.removeWalkIn).toBe(marks);
  });
});

describe("attendance after the assembly", () => {
  async function held() {
    const platform = await makePlatform();
    const facilitator = await makeUser("Facilitadora");
    const ana = await makeUser("Ana");
    const beto = await makeUser("Beto");
    await addMember(facilitator, platform.id, "facilitator");
    await addMember(ana, platform.id);
    await addMember(beto, platform.id);
    const meeting = await makeMeeting(platform.id, {
      startsAt: new Date(Date.now() - 5 * hour),
      endsAt: new Date(Date.now() - 2 * hour),
    });
    const a = await participantOf(ana.id);
    const b = await participantOf(beto.id);
    expect(
      (await saveAttendance(facilitator, platform.id, meeting.id, { [a]: "present" })).ok,
    ).toBe(true);
    expect((await addWalkIn(facilitator, platform.id, meeting.id, { name: "Visitante" })).ok).toBe(
      true,
    );
    return { platform, facilitator, meeting, a, b };
  }

  it("is frozen once the minutes are published: marks, walk-ins added or removed", async () => {
    const { platform, facilitator, meeting, b } = await held();
    expect(
      (
        await saveAndPublishMinutes(facilitator, platform.id, meeting.id, {
          minutes: "Se tomó asistencia.",
        })
      ).ok,
    ).toBe(true);
    const stored = await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    const before = await quorumForMeeting(stored, platform.quorumPercent);
    const rowsBefore = await db.attendance.findMany({ where: { meetingId: meeting.id } });
    const auditBefore = await db.auditEvent.count({ where: { entityId: meeting.id } });
    const walkIn = rowsBefore.find((r) => r.walkIn)!;
    const refused = { ok: false, formErrors: ["meetings:errors.attendancePublished"] };
    // A month later, as in the report: nothing moves.
    const later = new Date(Date.now() + 30 * day);
    for (const now of [new Date(), later]) {
      expect(
        await saveAttendance(facilitator, platform.id, meeting.id, { [b]: "present" }, now),
      ).toMatchObject(refused);
      expect(
        await addWalkIn(facilitator, platform.id, meeting.id, { name: "Tarde" }, now),
      ).toMatchObject(refused);
      expect(
        await removeWalkIn(facilitator, platform.id, meeting.id, walkIn.id, now),
      ).toMatchObject(refused);
    }
    expect(await db.attendance.findMany({ where: { meetingId: meeting.id } })).toEqual(rowsBefore);
    expect(await db.auditEvent.count({ where: { entityId: meeting.id } })).toBe(auditBefore);
    expect(await quorumForMeeting(stored, platform.quorumPercent)).toEqual(before);
  });

  it("before publication, corrections stay allowed and audited; walk-ins only for three days", async () => {
    const { platform, facilitator, meeting, b } = await held();
    const twoDays = new Date(Date.now() + 2 * day);
    expect(
      await saveAttendance(facilitator, platform.id, meeting.id, { [b]: "excused" }, twoDays),
    ).toEqual({ ok: true, value: { changed: 1 } });
    expect(
      (await addWalkIn(facilitator, platform.id, meeting.id, { name: "Rosa" }, twoDays)).ok,
    ).toBe(true);
    const fourDays = new Date(Date.now() + 4 * day);
    expect(
      await addWalkIn(facilitator, platform.id, meeting.id, { name: "Olvidado" }, fourDays),
    ).toMatchObject({ formErrors: ["meetings:errors.walkInsClosed|days=3"] });
    expect(await db.participant.count({ where: { name: "Olvidado" } })).toBe(0);
    // Marks can still be corrected (audited) until the minutes are published.
    expect(
      await saveAttendance(facilitator, platform.id, meeting.id, { [b]: "present" }, fourDays),
    ).toEqual({ ok: true, value: { changed: 1 } });
    const actions = (
      await db.auditEvent.findMany({
        where: { entityId: meeting.id },
        orderBy: { createdAt: "asc" },
      })
    ).map((e) => e.action);
    expect(actions.slice(-3)).toEqual([
      "attendance.recorded",
      "attendance.walkInAdded",
      "attendance.corrected",
    ]);
  });

  it("adding a walk-in saves the roster marks sent with it, in the same transaction", async () => {
    const { platform, facilitator, meeting, a, b } = await held();
    expect(
      await addWalkIn(facilitator, platform.id, meeting.id, { name: "Segundo Andi" }, new Date(), {
        [a]: "present",
        [b]: "excused",
      }),
    ).toMatchObject({ ok: true });
    const statusOf = async (participantId: string) =>
      (
        await db.attendance.findUnique({
          where: { meetingId_participantId: { meetingId: meeting.id, participantId } },
        })
      )?.status;
    expect(await statusOf(b)).toBe("excused");
    expect(await db.participant.count({ where: { name: "Segundo Andi" } })).toBe(1);
    // If the walk-in is refused, the marks sent with it are not half-written either.
    const outsider = await participantOf((await makeUser("Ajena")).id);
    expect(
      await addWalkIn(facilitator, platform.id, meeting.id, { name: "Otra" }, new Date(), {
        [b]: "absent",
        [outsider]: "present",
      }),
    ).toMatchObject({ formErrors: ["meetings:errors.unknownParticipant"] });
    expect(await statusOf(b)).toBe("excused");
    expect(await db.participant.count({ where: { name: "Otra" } })).toBe(0);
  });
});

describe("a walk-in found again", () => {
  it("is the same person at the next assembly, counted once per assembly, never someone with an account", async () => {
    const platform = await makePlatform();
    const facilitator = await makeUser("Facilitadora");
    await addMember(facilitator, platform.id, "facilitator");
    const first = await makeMeeting(platform.id, { startsAt: new Date(Date.now() - 2 * day) });
    const second = await makeMeeting(platform.id, { startsAt: new Date(Date.now() - hour) });
    const added = await addWalkIn(facilitator, platform.id, first.id, {
      name: "Rosa Grefa",
      community: "Pañacocha",
    });
    if (!added.ok) throw new Error("walk-in refused");
    const again = { participantId: added.value.participantId };

    expect(await addWalkIn(facilitator, platform.id, second.id, again)).toMatchObject({ ok: true });
    expect(await db.participant.count({ where: { name: "Rosa Grefa" } })).toBe(1);
    expect(await db.attendance.count({ where: { participantId: again.participantId } })).toBe(2);

    // Twice at one assembly is refused, and nothing else is written: not even the marks on
    // screen sent with it.
    const auditBefore = await db.auditEvent.count();
    const onRoster = await participantOf(facilitator.id);
    expect(
      await addWalkIn(facilitator, platform.id, second.id, again, new Date(), {
        [onRoster]: "present",
      }),
    ).toMatchObject({
      ok: false,
      formErrors: ["participants:errors.alreadyCounted"],
    });
    expect(await db.auditEvent.count()).toBe(auditBefore);
    expect(
      await db.attendance.count({ where: { meetingId: second.id, participantId: onRoster } }),
    ).toBe(0);

    // A member is marked on the roster, never added as a walk-in.
    const member = await makeUser("Con cuenta");
    await addMember(member, platform.id);
    expect(
      await addWalkIn(facilitator, platform.id, second.id, {
        participantId: await participantOf(member.id),
      }),
    ).toMatchObject({ ok: false, formErrors: ["participants:errors.onRoster"] });
  });

  it("keeps the person when one of their two attendances is taken back", async () => {
    const platform = await makePlatform();
    const facilitator = await makeUser("Facilitadora");
    await addMember(facilitator, platform.id, "facilitator");
    const [m1, m2] = [
      await makeMeeting(platform.id, { startsAt: new Date(Date.now() - 2 * day) }),
      await makeMeeting(platform.id, { startsAt: new Date(Date.now() - hour) }),
    ];
    const added = await addWalkIn(facilitator, platform.id, m1.id, { name: "Dos veces" });
    if (!added.ok) throw new Error("walk-in refused");
    await addWalkIn(facilitator, platform.id, m2.id, { participantId: added.value.participantId });
    const row = await db.attendance.findFirstOrThrow({ where: { meetingId: m2.id, walkIn: true } });
    expect(await removeWalkIn(facilitator, platform.id, m2.id, row.id)).toEqual({
      ok: true,
      value: null,
    });
    expect(await db.participant.count({ where: { id: added.value.participantId } })).toBe(1);
    const last = await db.attendance.findFirstOrThrow({
      where: { meetingId: m1.id, walkIn: true },
    });
    expect(await removeWalkIn(facilitator, platform.id, m1.id, last.id)).toMatchObject({
      ok: true,
    });
    expect(await db.participant.count({ where: { id: added.value.participantId } })).toBe(0);
  });
});
