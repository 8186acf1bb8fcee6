import { recordAudit } from "~/audit/audit.server";
import { notFound } from "~/auth/guards.server";
import type { AgendaItem, Meeting as MeetingColumns, Prisma } from "@prisma/client";
import { readRow, readRows } from "~/db-read.server";
import { db, type DbClient, sqlBuilders } from "~/db.server";
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
export async function getMeetingRow(
  platformId: string,
  meetingId: string,
  client: DbClient = db,
): Promise<MeetingColumns> {
  // Every column, on every view of the meeting's pages: without Prisma (app/db-read.server.ts;
  // db-read.test.ts compares it with Prisma's row).
  const { sql } = sqlBuilders();
  const meeting = await readRow<MeetingColumns>(
    client,
    sql`SELECT "id", "platformId", "title", "description", "startsAt", "endsAt", "place",
      "onlineUrl", "status", "cancelReason", "createdById", "minutes", "minutesPublishedAt",
      "minutesPublishedById", "quorumPercent", "createdAt", "updatedAt"
    FROM "Meeting" WHERE "id" = ${meetingId} AND "platformId" = ${platformId}`,
    {
      startsAt: "instant",
      endsAt: "instant",
      minutesPublishedAt: "instant",
      createdAt: "instant",
      updatedAt: "instant",
    },
  );
  if (!meeting) notFound();
  return meeting;
}

/** The meeting with its agenda, as its page shows it (decisions and amendments are the minutes'). */
export async function getMeetingWithAgenda(platformId: string, meetingId: string) {
  const meeting = await getMeetingRow(platformId, meetingId);
  const agendaItems = await readRows<AgendaItem>(
    db,
    sqlBuilders().sql`SELECT "id", "meetingId", "position", "title" FROM "AgendaItem"
      WHERE "meetingId" = ${meeting.id} ORDER BY "position" ASC`,
  );
  return { ...meeting, agendaItems };
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

/** What a row of a meeting list shows. */
interface MeetingListRow {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  onlineUrl: string | null;
  status: string;
}

/**
 * Upcoming = not held and not over (`isUpcoming` in upcoming.ts, as SQL over `m`); past = the
 * rest (a meeting held before its end included).
 */
function upcomingSql(now: Date): Prisma.Sql {
  return sqlBuilders().sql`(m."status" <> 'held' AND m."endsAt" >= ${now})`;
}

/**
 * A slice of the platform's meetings: upcoming soonest first, past most recent first, by
 * start then id so that a meeting never shows on two pages. Lists are read on every view of
 * the platform's pages: without Prisma (app/db-read.server.ts).
 */
function meetingRows(
  platformId: string,
  which: "upcoming" | "past",
  now: Date,
  slice: { skip: number; take: number },
) {
  const { sql } = sqlBuilders();
  const upcoming = which === "upcoming";
  return readRows<MeetingListRow>(
    db,
    sql`SELECT m."id", m."title", m."startsAt", m."endsAt", m."place", m."onlineUrl", m."status"
    FROM "Meeting" m
    WHERE m."platformId" = ${platformId} AND ${upcoming ? upcomingSql(now) : sql`NOT ${upcomingSql(now)}`}
    ORDER BY ${upcoming ? sql`m."startsAt" ASC, m."id" ASC` : sql`m."startsAt" DESC, m."id" DESC`}
    LIMIT ${slice.take} OFFSET ${slice.skip}`,
    { startsAt: "instant", endsAt: "instant" },
  );
}

/**
 * Both lists, each paged on its own (`page` and `past` in the address), with dates in the
 * reader's words.
 */
export async function listMeetings(
  platform: PlatformRef,
  locale: string,
  pages: { upcoming?: number; past?: number; size?: number } = {},
  now = new Date(),
) {
  const size = pages.size ?? MEETINGS_PER_PAGE;
  const { sql } = sqlBuilders();
  const counted = await readRow<{ total: number; upcoming: number | null }>(
    db,
    sql`SELECT COUNT(*) AS "total",
      SUM(CASE WHEN ${upcomingSql(now)} THEN 1 ELSE 0 END) AS "upcoming"
    FROM "Meeting" m WHERE m."platformId" = ${platform.id}`,
    { total: "number", upcoming: "number" },
  );
  const upcomingTotal = counted?.upcoming ?? 0;
  const upcomingPage = pageOf(pages.upcoming ?? 1, upcomingTotal, size);
  const pastPage = pageOf(pages.past ?? 1, (counted?.total ?? 0) - upcomingTotal, size);
  const [upcoming, past] = await Promise.all([
    meetingRows(platform.id, "upcoming", now, upcomingPage),
    meetingRows(platform.id, "past", now, pastPage),
  ]);
  return {
    upcoming: withWhen(upcoming, platform, locale),
    past: withWhen(past, platform, locale),
    upcomingPage: { page: upcomingPage.page, pages: upcomingPage.pages },
    pastPage: { page: pastPage.page, pages: pastPage.pages },
  };
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
  const rows = await meetingRows(platform.id, "upcoming", now, { skip: 0, take });
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
  // The answers counted and the reader's own, in one statement (on every view of the page).
  const rows = await readRows<{ answer: string; n: number; mine: number | null }>(
    db,
    sqlBuilders().sql`SELECT "answer", COUNT(*) AS "n",
      SUM(CASE WHEN "userId" = ${userId} THEN 1 ELSE 0 END) AS "mine"
    FROM "Rsvp" WHERE "meetingId" = ${meetingId} GROUP BY "answer"`,
    { n: "number", mine: "number" },
  );
  const counts = { yes: 0, no: 0, maybe: 0 };
  for (const r of rows) counts[r.answer as keyof typeof counts] = r.n;
  const mine = rows.find((r) => (r.mine ?? 0) > 0)?.answer as "yes" | "no" | "maybe" | undefined;
  return { counts, mine: mine ?? null };
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
