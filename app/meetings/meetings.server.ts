import { recordAudit } from "~/audit/audit.server";
import { notFound } from "~/auth/guards.server";
import type { DbClient } from "~/db.server";
import { db } from "~/db.server";
import { ok, refuse, refuseForm, type Outcome } from "~/forms/outcome";
import { formatDateTime } from "~/i18n/format";
import { instantToZoned, zonedToInstant } from "~/time/time-zone";
import type { CalendarEvent } from "./calendar.server";
import { splitLines, type MeetingInput } from "./schemas";
import { pageOf } from "~/http/pagination";
import { rsvpRefusal } from "./upcoming";

interface Actor {
  id: string;
}
interface PlatformRef {
  id: string;
  timeZone: string;
}

export type MeetingStatus = "scheduled" | "held" | "cancelled";

/** The meeting, which must belong to the platform in the URL: anything else is a 404. */
export async function getMeeting(platformId: string, meetingId: string, client: DbClient = db) {
  const meeting = await client.meeting.findUnique({
    where: { id: meetingId, platformId },
    include: {
      agendaItems: { orderBy: { position: "asc" } },
      decisions: { orderBy: { position: "asc" } },
      amendments: { orderBy: { createdAt: "asc" } },
    },
  });
  if (!meeting) notFound();
  return meeting;
}

/**
 * The meeting's own row, without its agenda, decisions and amendments: for attendance,
 * which shows none of them (three queries fewer on every view and save of the form).
 */
export async function getMeetingRow(platformId: string, meetingId: string, client: DbClient = db) {
  const meeting = await client.meeting.findUnique({ where: { id: meetingId, platformId } });
  if (!meeting) notFound();
  return meeting;
}

/** The meeting with its agenda, as its page shows it (decisions and amendments are the minutes'). */
export async function getMeetingWithAgenda(platformId: string, meetingId: string) {
  const meeting = await db.meeting.findUnique({
    where: { id: meetingId, platformId },
    include: { agendaItems: { orderBy: { position: "asc" } } },
  });
  if (!meeting) notFound();
  return meeting;
}
export type MeetingRow = Awaited<ReturnType<typeof getMeetingRow>>;
export type Meeting = Awaited<ReturnType<typeof getMeeting>>;

function instantsOf(input: MeetingInput, timeZone: string) {
  const startsAt = zonedToInstant(input.date, input.startTime, timeZone);
  const endsAt = zonedToInstant(input.date, input.endTime, timeZone);
  return { startsAt, endsAt };
}

function meetingData(input: MeetingInput, startsAt: Date, endsAt: Date) {
  return {
    title: input.title,
    description: input.description ?? "",
    startsAt,
    endsAt,
    place: input.place ?? null,
    onlineUrl: input.onlineUrl ?? null,
  };
}

function agendaRows(input: MeetingInput) {
  return splitLines(input.agenda).map((title, position) => ({ title, position }));
}

/** The form's values for an existing meeting, on the platform's clocks. */
export function meetingFormValues(meeting: Meeting, timeZone: string) {
  const start = instantToZoned(meeting.startsAt, timeZone);
  const end = instantToZoned(meeting.endsAt, timeZone);
  return {
    title: meeting.title,
    description: meeting.description,
    agenda: meeting.agendaItems.map((a) => a.title).join("\n"),
    date: start.date,
    startTime: start.time,
    endTime: end.time,
    place: meeting.place ?? undefined,
    onlineUrl: meeting.onlineUrl ?? undefined,
  };
}

export async function scheduleMeeting(
  actor: Actor,
  platform: PlatformRef,
  input: MeetingInput,
  now = new Date(),
): Promise<Outcome<{ meetingId: string }>> {
  const { startsAt, endsAt } = instantsOf(input, platform.timeZone);
  if (!startsAt) return refuse("date", "validation.date");
  if (!endsAt) return refuse("endTime", "validation.time");
  if (startsAt <= now) return refuse("date", "meetings:errors.inPast");
  const meeting = await db.$transaction(async (tx) => {
    const created = await tx.meeting.create({
      data: {
        ...meetingData(input, startsAt, endsAt),
        platformId: platform.id,
        createdById: actor.id,
        agendaItems: { create: agendaRows(input) },
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "meeting.scheduled",
      entityType: "Meeting",
      entityId: created.id,
      platformId: platform.id,
      details: { title: input.title, startsAt, endsAt },
    });
    return created;
  });
  return ok({ meetingId: meeting.id });
}

export async function updateMeeting(
  actor: Actor,
  platform: PlatformRef,
  meetingId: string,
  input: MeetingInput,
  now = new Date(),
): Promise<Outcome<null>> {
  const { startsAt, endsAt } = instantsOf(input, platform.timeZone);
  if (!startsAt) return refuse("date", "validation.date");
  if (!endsAt) return refuse("endTime", "validation.time");
  return db.$transaction(async (tx) => {
    const before = await getMeeting(platform.id, meetingId, tx);
    if (before.status === "cancelled") return refuseForm("meetings:errors.cancelled");
    // What was held, and what the minutes record, is not rewritten afterwards.
    if (before.status === "held" || before.minutesPublishedAt) {
      return refuseForm("meetings:errors.heldNoEdit");
    }
    // Moving a meeting into the past is refused; keeping a past date as it was is fine.
    if (startsAt.getTime() !== before.startsAt.getTime() && startsAt <= now) {
      return refuse("date", "meetings:errors.inPast");
    }
    await tx.agendaItem.deleteMany({ where: { meetingId } });
    await tx.meeting.update({
      where: { id: meetingId },
      data: { ...meetingData(input, startsAt, endsAt), agendaItems: { create: agendaRows(input) } },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "meeting.updated",
      entityType: "Meeting",
      entityId: meetingId,
      platformId: platform.id,
      details: {
        before: {
          title: before.title,
          startsAt: before.startsAt,
          endsAt: before.endsAt,
          place: before.place,
        },
        after: { title: input.title, startsAt, endsAt, place: input.place ?? null },
      },
    });
    return ok(null);
  });
}

export async function cancelMeeting(
  actor: Actor,
  platform: PlatformRef,
  meetingId: string,
  reason: string,
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    const meeting = await getMeeting(platform.id, meetingId, tx);
    if (meeting.status === "cancelled") return refuseForm("meetings:errors.cancelled");
    if (meeting.status === "held") return refuseForm("meetings:errors.alreadyHeld");
    await tx.meeting.update({
      where: { id: meetingId },
      data: { status: "cancelled", cancelReason: reason },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "meeting.cancelled",
      entityType: "Meeting",
      entityId: meetingId,
      platformId: platform.id,
      details: { reason },
    });
    return ok(null);
  });
}

export const MEETINGS_PER_PAGE = 20;

const listSelect = {
  id: true,
  title: true,
  startsAt: true,
  endsAt: true,
  place: true,
  onlineUrl: true,
  status: true,
} as const;

/**
 * Upcoming = not held and not over (`isUpcoming`, as a query), soonest first; past = the rest
 * (a meeting held before its end included), most recent first; dates in the reader's words. Each list is paged on its own (`page` and `past` in the address), ordered by start
 * then id so that a meeting never shows on two pages.
 */
export async function listMeetings(
  platform: PlatformRef,
  locale: string,
  pages: { upcoming?: number; past?: number; size?: number } = {},
  now = new Date(),
) {
  const platformId = platform.id;
  const size = pages.size ?? MEETINGS_PER_PAGE;
  const upcomingWhere = upcomingMeetingsWhere(platformId, now);
  const pastWhere = { platformId, OR: [{ status: "held" }, { endsAt: { lt: now } }] };
  const [upcomingTotal, pastTotal] = await Promise.all([
    db.meeting.count({ where: upcomingWhere }),
    db.meeting.count({ where: pastWhere }),
  ]);
  const upcomingPage = pageOf(pages.upcoming ?? 1, upcomingTotal, size);
  const pastPage = pageOf(pages.past ?? 1, pastTotal, size);
  const [upcoming, past] = await Promise.all([
    db.meeting.findMany({
      where: upcomingWhere,
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      skip: upcomingPage.skip,
      take: upcomingPage.take,
      select: listSelect,
    }),
    db.meeting.findMany({
      where: pastWhere,
      orderBy: [{ startsAt: "desc" }, { id: "desc" }],
      skip: pastPage.skip,
      take: pastPage.take,
      select: listSelect,
    }),
  ]);
  return {
    upcoming: withWhen(upcoming, platform, locale),
    past: withWhen(past, platform, locale),
    upcomingPage: { page: upcomingPage.page, pages: upcomingPage.pages },
    pastPage: { page: pastPage.page, pages: pastPage.pages },
  };
}

function upcomingMeetingsWhere(platformId: string, now: Date) {
  return { platformId, status: { not: "held" }, endsAt: { gte: now } };
}

function withWhen<T extends { startsAt: Date }>(rows: T[], platform: PlatformRef, locale: string) {
  return rows.map((m) => ({ ...m, when: formatDateTime(m.startsAt, locale, platform.timeZone) }));
}

/** The next few meetings, as the platform page shows them: one query, no counts. */
export async function upcomingMeetings(
  platform: PlatformRef,
  locale: string,
  take: number,
  now = new Date(),
) {
  const rows = await db.meeting.findMany({
    where: upcomingMeetingsWhere(platform.id, now),
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take,
    select: listSelect,
  });
  return withWhen(rows, platform, locale);
}

export async function setRsvp(
  user: Actor,
  platform: PlatformRef,
  meetingId: string,
  answer: "yes" | "no" | "maybe",
  now = new Date(),
): Promise<Outcome<null>> {
  const meeting = await getMeeting(platform.id, meetingId);
  const refusal = rsvpRefusal(meeting, now);
  if (refusal) return refuseForm(refusal);
  await db.rsvp.upsert({
    where: { meetingId_userId: { meetingId, userId: user.id } },
    create: { meetingId, userId: user.id, answer },
    update: { answer },
  });
  return ok(null);
}

export async function rsvpSummary(meetingId: string, userId: string | null) {
  const [groups, mine] = await Promise.all([
    db.rsvp.groupBy({ by: ["answer"], where: { meetingId }, _count: { _all: true } }),
    userId ? db.rsvp.findUnique({ where: { meetingId_userId: { meetingId, userId } } }) : null,
  ]);
  const counts = { yes: 0, no: 0, maybe: 0 };
  for (const g of groups) counts[g.answer as keyof typeof counts] = g._count._all;
  return { counts, mine: (mine?.answer as "yes" | "no" | "maybe" | undefined) ?? null };
}

/** Meetings as calendar events (one, or the platform's last year and all to come). */
export async function calendarEvents(
  platform: PlatformRef,
  urlFor: (meetingId: string) => string,
  onlyMeetingId?: string,
): Promise<CalendarEvent[]> {
  const since = new Date(Date.now() - 365 * 24 * 3600_000);
  const meetings = await db.meeting.findMany({
    where: onlyMeetingId
      ? { id: onlyMeetingId, platformId: platform.id }
      : { platformId: platform.id, startsAt: { gte: since } },
    orderBy: { startsAt: "asc" },
  });
  return meetings.map((m) => ({
    id: m.id,
    title: m.title,
    description: m.description,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    place: m.place,
    onlineUrl: m.onlineUrl,
    status: m.status,
    updatedAt: m.updatedAt,
    url: urlFor(m.id),
  }));
}
