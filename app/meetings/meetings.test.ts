import ICAL from "ical.js";
import { db } from "~/db.server";
import { addWalkIn, removeWalkIn, saveAttendance } from "~/meetings/attendance.server";
import { buildCalendar } from "~/meetings/calendar.server";
import {
  calendarEvents,
  cancelMeeting,
  listMeetings,
  upcomingMeetings,
  scheduleMeeting,
  setRsvp,
  updateMeeting,
} from "~/meetings/meetings.server";
import {
  amendMinutes,
  publishMinutes,
  saveAndPublishMinutes,
  saveMinutes,
} from "~/meetings/minutes.server";
import { quorumForMeeting } from "~/meetings/quorum.server";
import { meetingSchema } from "~/meetings/schemas";
import { renderMarkdown } from "~/markdown/markdown.server";
import { instantToZoned, zonedToInstant } from "~/time/time-zone";
import { heldTransaction, meanwhile } from "~/test/held-transaction";
import { addMember, makeMeeting, makePlatform, makeUser, participantOf } from "~/test/world";

const input = (overrides: Record<string, string> = {}) =>
  meetingSchema.parse({
    title: "Asamblea ordinaria",
    date: "2027-03-15",
    startTime: "09:00",
    endTime: "13:00",
    place: "Casa comunal",
    agenda: "Informe\n\n  Monitoreo de fauna  \nVarios",
    ...overrides,
  });

function errorsOf(values: Record<string, string>) {
  const r = meetingSchema.safeParse(values);
  return r.success ? {} : r.error.flatten().fieldErrors;
}

describe("platform time zones", () => {
  it("reads form times on the platform's clocks", () => {
    expect(zonedToInstant("2027-03-15", "09:00", "America/Guayaquil")!.toISOString()).toBe(
      "2027-03-15T14:00:00.000Z",
    );
    expect(zonedToInstant("2027-03-15", "09:00", "America/Lima")!.toISOString()).toBe(
      "2027-03-15T14:00:00.000Z",
    );
    // A zone with daylight saving, on either side of its change.
    expect(zonedToInstant("2027-01-15", "09:00", "America/New_York")!.toISOString()).toBe(
      "2027-01-15T14:00:00.000Z",
    );
    expect(zonedToInstant("2027-07-15", "09:00", "America/New_York")!.toISOString()).toBe(
      "2027-07-15T13:00:00.000Z",
    );
    expect(zonedToInstant("2027-02-31", "09:00", "America/Lima")).toBeNull();
    expect(instantToZoned(new Date("2027-03-15T14:00:00Z"), "America/Guayaquil")).toEqual({
      date: "2027-03-15",
      time: "09:00",
    });
  });
});

describe("scheduling", () => {
  it("refuses empty titles, inverted times, and a meeting with neither place nor link", () => {
    expect(
      errorsOf({ title: " ", date: "2027-03-15", startTime: "10:00", endTime: "09:00" }),
    ).toMatchObject({
      title: ["validation.required"],
      endTime: ["meetings:errors.endBeforeStart"],
      place: ["meetings:errors.placeOrLink"],
    });
    expect(
      errorsOf({ title: "x", date: "15/03/2027", startTime: "9", endTime: "10:00", place: "x" }),
    ).toMatchObject({
      date: ["validation.date"],
      startTime: ["validation.time"],
    });
    expect(
      errorsOf({
        title: "x",
        date: "2027-03-15",
        startTime: "09:00",
        endTime: "10:00",
        onlineUrl: "javascript:alert(1)",
      }),
    ).toHaveProperty("onlineUrl");
  });

  it("refuses a date in the past and writes nothing", async () => {
    const platform = await makePlatform();
    const actor = await makeUser();
    const outcome = await scheduleMeeting(actor, platform, input({ date: "2020-01-10" }));
    expect(outcome).toEqual({ ok: false, fieldErrors: { date: ["meetings:errors.inPast"] } });
    expect(await db.meeting.count({ where: { platformId: platform.id } })).toBe(0);
  });

  it("stores the instant in the platform's zone, the ordered agenda, and an audit entry", async () => {
    const platform = await makePlatform({ timeZone: "America/Lima" });
    const actor = await makeUser();
    const outcome = await scheduleMeeting(actor, platform, input());
    expect(outcome.ok).toBe(true);
    const meeting = await db.meeting.findFirstOrThrow({
      where: { platformId: platform.id },
      include: { agendaItems: { orderBy: { position: "asc" } } },
    });
    expect(meeting.startsAt.toISOString()).toBe("2027-03-15T14:00:00.000Z");
    expect(meeting.agendaItems.map((a) => a.title)).toEqual([
      "Informe",
      "Monitoreo de fauna",
      "Varios",
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: meeting.id } });
    expect(audit).toMatchObject({
      action: "meeting.scheduled",
      actorId: actor.id,
      platformId: platform.id,
    });
  });

  it("answers 404 for a meeting id from another platform", async () => {
    const a = await makePlatform();
    const b = await makePlatform();
    const actor = await makeUser();
    const meeting = await makeMeeting(b.id);
    await expect(updateMeeting(actor, a, meeting.id, input())).rejects.toMatchObject({
      status: 404,
    });
    await expect(cancelMeeting(actor, a, meeting.id, "x")).rejects.toMatchObject({ status: 404 });
  });

  it("cannot edit or take attendance at a cancelled meeting", async () => {
    const platform = await makePlatform();
    const actor = await makeUser();
    const meeting = await makeMeeting(platform.id);
    expect((await cancelMeeting(actor, platform, meeting.id, "Crecida del río")).ok).toBe(true);
    expect(await updateMeeting(actor, platform, meeting.id, input())).toEqual({
      ok: false,
      fieldErrors: {},
      formErrors: ["meetings:errors.cancelled"],
    });
    expect(await addWalkIn(actor, platform.id, meeting.id, { name: "Visitante" })).toMatchObject({
      formErrors: ["meetings:errors.attendanceCancelled"],
    });
    expect(await db.attendance.count({ where: { meetingId: meeting.id } })).toBe(0);
  });
});

describe("attendance", () => {
  async function setup() {
    const platform = await makePlatform();
    const facilitator = await makeUser("Facilitadora");
    const ana = await makeUser("Ana");
    const beto = await makeUser("Beto");
    await addMember(facilitator, platform.id, "facilitator");
    await addMember(ana, platform.id);
    await addMember(beto, platform.id);
    const meeting = await makeMeeting(platform.id);
    return {
      platform,
      facilitator,
      meeting,
      ana: await participantOf(ana.id),
      beto: await participantOf(beto.id),
    };
  }

  it("refuses the whole form when anyone on it is not on the roster", async () => {
    const { platform, facilitator, meeting, ana } = await setup();
    const outsider = await makeUser("Ajeno");
    const outcome = await saveAttendance(facilitator, platform.id, meeting.id, {
      [ana]: "present",
      [await participantOf(outsider.id)]: "present",
    });
    expect(outcome).toMatchObject({
      ok: false,
      formErrors: ["meetings:errors.unknownParticipant"],
    });
    expect(await db.attendance.count({ where: { meetingId: meeting.id } })).toBe(0);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).status).toBe(
      "scheduled",
    );
  });

  it("records, corrects with an audit trail, and marks the meeting held", async () => {
    const { platform, facilitator, meeting, ana, beto } = await setup();
    expect(
      await saveAttendance(facilitator, platform.id, meeting.id, {
        [ana]: "present",
        [beto]: "absent",
      }),
    ).toEqual({
      ok: true,
      value: { changed: 2 },
    });
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).status).toBe("held");
    // Beto arrived late: a correction.
    expect(
      await saveAttendance(facilitator, platform.id, meeting.id, {
        [ana]: "present",
        [beto]: "present",
      }),
    ).toEqual({
      ok: true,
      value: { changed: 1 },
    });
    const events = await db.auditEvent.findMany({
      where: { entityId: meeting.id },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual([
      "attendance.recorded",
      "attendance.recorded",
      "attendance.corrected",
    ]);
    expect(JSON.parse(events[2].details)).toMatchObject({
      participantId: beto,
      from: "absent",
      to: "present",
    });
  });

  it("takes two facilitators' first saves at the same moment, one after the other", async () => {
    const { platform, facilitator, meeting, ana, beto } = await setup();
    // Both find the assembly "scheduled" and mark it held: they must take turns on its row,
    // not each hold it shared and wait for the other (a deadlock on PostgreSQL).
    const saved = await Promise.all([
      saveAttendance(facilitator, platform.id, meeting.id, { [ana]: "present" }),
      saveAttendance(facilitator, platform.id, meeting.id, { [beto]: "absent" }),
    ]);
    expect(saved).toEqual([
      { ok: true, value: { changed: 1 } },
      { ok: true, value: { changed: 1 } },
    ]);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).status).toBe("held");
  });

  it("waits for a publication of the minutes under way, then refuses marks sent meanwhile", async () => {
    const { platform, facilitator, meeting, ana } = await setup();
    const publishing = await heldTransaction((tx) =>
      tx.meeting.update({
        where: { id: meeting.id },
        data: {
          status: "held",
          minutes: "Acta",
          minutesPublishedAt: new Date(),
          minutesPublishedById: facilitator.id,
        },
      }),
    );
    const saving = saveAttendance(facilitator, platform.id, meeting.id, { [ana]: "present" });
    await meanwhile();
    await publishing.commit();
    // Not written after the record was published: the sheet it found open had closed.
    expect(await saving).toMatchObject({ ok: false });
    expect(await db.attendance.count({ where: { meetingId: meeting.id } })).toBe(0);
  });

  it("counts a walk-in as a new participant, and can take it back", async () => {
    const { platform, facilitator, meeting } = await setup();
    await addWalkIn(facilitator, platform.id, meeting.id, {
      name: "Segundo Andi",
      community: "Limoncocha",
      gender: "man",
      ageGroup: "elder",
    });
    const row = await db.attendance.findFirstOrThrow({
      where: { meetingId: meeting.id, walkIn: true },
      include: { participant: true },
    });
    expect(row.participant).toMatchObject({
      name: "Segundo Andi",
      userId: null,
      ageGroup: "elder",
    });
    // A walk-in's status can be corrected like anyone's.
    expect(
      (
        await saveAttendance(facilitator, platform.id, meeting.id, {
          [row.participantId]: "excused",
        })
      ).ok,
    ).toBe(true);
    await removeWalkIn(facilitator, platform.id, meeting.id, row.id);
    expect(await db.participant.findUnique({ where: { id: row.participantId } })).toBeNull();
    // Someone else's attendance id is a 404, not a deletion.
    const other = await makeMeeting(platform.id);
    const p = await db.participant.create({ data: { name: "X" } });
    const foreign = await db.attendance.create({
      data: { meetingId: other.id, participantId: p.id, status: "present", walkIn: true },
    });
    await expect(
      removeWalkIn(facilitator, platform.id, meeting.id, foreign.id),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe("the record of a held meeting", () => {
  it("opens attendance only on the day, and then keeps the meeting's details as they were", async () => {
    const platform = await makePlatform();
    const actor = await makeUser();
    const far = await makeMeeting(platform.id, {
      startsAt: new Date(Date.now() + 3 * 24 * 3600_000),
    });
    expect(await addWalkIn(actor, platform.id, far.id, { name: "Visitante" })).toMatchObject({
      formErrors: ["meetings:errors.attendanceNotYet"],
    });
    const today = await makeMeeting(platform.id);
    expect((await addWalkIn(actor, platform.id, today.id, { name: "Visitante" })).ok).toBe(true);
    expect(await updateMeeting(actor, platform, today.id, input())).toMatchObject({
      formErrors: ["meetings:errors.heldNoEdit"],
    });
    expect(await cancelMeeting(actor, platform, today.id, "x")).toMatchObject({
      formErrors: ["meetings:errors.alreadyHeld"],
    });
  });

  it("publishes exactly what was submitted, or leaves the draft untouched, and freezes the quorum rule", async () => {
    const platform = await makePlatform({ quorumPercent: 50 });
    const actor = await makeUser();
    const meeting = await makeMeeting(platform.id);
    await saveMinutes(actor, platform.id, meeting.id, { minutes: "Borrador guardado" });
    // Not held yet: refused, and the stored draft is not overwritten.
    expect(
      await saveAndPublishMinutes(actor, platform.id, meeting.id, { minutes: "Otra versión" }),
    ).toMatchObject({
      formErrors: ["meetings:errors.notHeld"],
    });
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).minutes).toBe(
      "Borrador guardado",
    );
    await db.meeting.update({ where: { id: meeting.id }, data: { status: "held" } });
    expect(
      (await saveAndPublishMinutes(actor, platform.id, meeting.id, { minutes: "Versión final" }))
        .ok,
    ).toBe(true);
    await db.platform.update({ where: { id: platform.id }, data: { quorumPercent: 90 } });
    const stored = await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    expect(stored).toMatchObject({ minutes: "Versión final", quorumPercent: 50 });
    expect((await quorumForMeeting(stored, 90)).quorumPercent).toBe(50);
  });
});

describe("minutes", () => {
  it("are published only for a held meeting, then read-only, then amended with an audit", async () => {
    const platform = await makePlatform();
    const actor = await makeUser();
    const meeting = await makeMeeting(platform.id);
    await saveMinutes(actor, platform.id, meeting.id, {
      minutes: "## Acuerdos\nSe aprobó el plan.",
      decisions: "Aprobar el plan de patrullaje\nConvocar en marzo",
    });
    expect(await publishMinutes(actor, platform.id, meeting.id)).toMatchObject({
      formErrors: ["meetings:errors.notHeld"],
    });
    await db.meeting.update({ where: { id: meeting.id }, data: { status: "held" } });
    expect((await publishMinutes(actor, platform.id, meeting.id)).ok).toBe(true);
    expect(
      await saveMinutes(actor, platform.id, meeting.id, { minutes: "Cambiado" }),
    ).toMatchObject({
      formErrors: ["meetings:errors.publishedMeanwhile"],
    });
    expect(
      await amendMinutes(
        actor,
        platform.id,
        meeting.id,
        "El plan es bimestral.",
        "Error de transcripción",
      ),
    ).toEqual({ ok: true, value: null });
    const stored = await db.meeting.findUniqueOrThrow({
      where: { id: meeting.id },
      include: { decisions: { orderBy: { position: "asc" } }, amendments: true },
    });
    expect(stored.minutes).toBe("## Acuerdos\nSe aprobó el plan.");
    expect(stored.decisions.map((d) => d.text)).toEqual([
      "Aprobar el plan de patrullaje",
      "Convocar en marzo",
    ]);
    expect(stored.amendments).toHaveLength(1);
    const actions = (await db.auditEvent.findMany({ where: { entityId: meeting.id } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(["minutes.saved", "minutes.published", "minutes.amended"]),
    );
  });

  it("sent as a draft while they are being published, do not replace the published text", async () => {
    const platform = await makePlatform();
    const actor = await makeUser();
    const meeting = await makeMeeting(platform.id);
    await saveMinutes(actor, platform.id, meeting.id, { minutes: "Texto publicado" });
    const publishing = await heldTransaction((tx) =>
      tx.meeting.update({
        where: { id: meeting.id },
        data: { status: "held", minutesPublishedAt: new Date(), minutesPublishedById: actor.id },
      }),
    );
    const saving = saveMinutes(actor, platform.id, meeting.id, { minutes: "Borrador tardío" });
    await meanwhile();
    await publishing.commit();
    expect(await saving).toMatchObject({ formErrors: ["meetings:errors.publishedMeanwhile"] });
    const stored = await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    expect(stored.minutes).toBe("Texto publicado");
  });

  it("render Markdown without scripts or event handlers", () => {
    const html = renderMarkdown(
      '**Acuerdo** <script>alert(1)</script> <img src=x onerror="alert(2)"> [x](javascript:alert(3)) [ok](https://example.org)',
    );
    expect(html).toContain("<strong>Acuerdo</strong>");
    expect(html).not.toMatch(/script|onerror|javascript:/i);
    expect(html).toContain('href="https://example.org"');
  });
});

describe("calendar export", () => {
  it("parses with ical.js, in the platform's time zone", async () => {
    const platform = await makePlatform({ timeZone: "America/Lima" });
    const meeting = await makeMeeting(platform.id, {
      startsAt: new Date("2027-03-15T14:00:00Z"),
      endsAt: new Date("2027-03-15T18:30:00Z"),
    });
    await db.meeting.update({
      where: { id: meeting.id },
      data: { title: "Asamblea; con, comas", description: "Línea 1\nLínea 2 " + "x".repeat(120) },
    });
    const events = await calendarEvents(platform, (id) => `https://minga.example/m/${id}`);
    const ics = buildCalendar({ name: platform.name, timeZone: platform.timeZone, events });
    const root = new ICAL.Component(ICAL.parse(ics));
    const tz = root.getFirstSubcomponent("vtimezone")!;
    ICAL.TimezoneService.register(tz);
    const component = root.getFirstSubcomponent("vevent")!;
    const vevent = new ICAL.Event(component);
    expect(vevent.summary).toBe("Asamblea; con, comas");
    expect(vevent.description).toContain("Línea 1\nLínea 2");
    expect(component.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("America/Lima");
    expect(vevent.startDate.zone?.tzid).toBe("America/Lima");
    expect(vevent.startDate.toString()).toBe("2027-03-15T09:00:00");
    expect(vevent.startDate.toJSDate().toISOString()).toBe("2027-03-15T14:00:00.000Z");
    expect(vevent.endDate.toJSDate().toISOString()).toBe("2027-03-15T18:30:00.000Z");
    expect(ics.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });

  it("falls back to UTC times for a zone that changes its clocks", () => {
    const ics = buildCalendar({
      name: "x",
      timeZone: "America/New_York",
      events: [
        {
          id: "1",
          title: "t",
          description: "",
          startsAt: new Date("2027-07-01T13:00:00Z"),
          endsAt: new Date("2027-07-01T14:00:00Z"),
          place: null,
          onlineUrl: null,
          status: "scheduled",
          updatedAt: new Date(),
          url: "https://x",
        },
      ],
    });
    const vevent = new ICAL.Event(
      new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")!,
    );
    expect(vevent.startDate.toJSDate().toISOString()).toBe("2027-07-01T13:00:00.000Z");
  });
});

describe("a meeting whose attendance was taken before its start", () => {
  it("is listed with the past ones and takes no RSVP; a scheduled one still does", async () => {
    const platform = await makePlatform();
    const member = await makeUser("Miembro");
    await addMember(member, platform.id);
    const startsAt = new Date(Date.now() + 10 * 24 * 3600_000);
    const held = await makeMeeting(platform.id, { startsAt, status: "held" });
    const scheduled = await makeMeeting(platform.id, { startsAt });

    const lists = await listMeetings(platform, "es");
    expect(lists.upcoming.map((m) => m.id)).toEqual([scheduled.id]);
    expect(lists.past.map((m) => m.id)).toContain(held.id);
    // The platform page's short list says the same.
    expect((await upcomingMeetings(platform, "es", 5)).map((m) => m.id)).toEqual([scheduled.id]);

    const refused = await setRsvp(member, platform, held.id, "yes");
    expect(refused.ok).toBe(false);
    expect(await db.rsvp.count({ where: { meetingId: held.id } })).toBe(0);
    expect((await setRsvp(member, platform, scheduled.id, "yes")).ok).toBe(true);
  });
});

describe("the platform page's next meetings", () => {
  it("are the first page of the upcoming list, soonest first, cut at the size asked", async () => {
    const platform = await makePlatform();
    const day = 24 * 3600_000;
    for (const days of [9, 3, 6, 12])
      await makeMeeting(platform.id, { startsAt: new Date(Date.now() + days * day) });
    await makeMeeting(platform.id, { startsAt: new Date(Date.now() - 3 * day), status: "held" });
    const next = await upcomingMeetings(platform, "en", 3);
    const listed = await listMeetings(platform, "en", { size: 3 });
    expect(next.map((m) => m.id)).toEqual(listed.upcoming.map((m) => m.id));
    expect(next.map((m) => m.when)).toEqual(listed.upcoming.map((m) => m.when));
    expect(next).toHaveLength(3);
    const starts = next.map((m) => m.startsAt.getTime());
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });
});
