import { recordAudit } from "~/audit/audit.server";
import { notFound } from "~/auth/guards.server";
import { buildCalendar, type CalendarEvent } from "~/calendar/ics.server";
import { db, type DbClient } from "~/db.server";
import { ok, refuse, refuseForm, type Outcome } from "~/forms/outcome";
import { instantToZoned, zonedToInstant } from "~/time/time-zone";
import { courseText, getCourse, type Course } from "./courses.server";
import {
  courseRefusesSessions,
  dateOutsideCourse,
  sessionCancelRefusal,
  sessionEditRefusal,
} from "./session-rules";
import type { SessionInput } from "./session-schemas";

interface Actor {
  id: string;
}

export type TrainingSession = Awaited<ReturnType<typeof getSession>>;

/** A session of that course, or a 404 (scoped by its course). */
export async function getSession(courseId: string, sessionId: string, client: DbClient = db) {
  const session = await client.trainingSession.findFirst({
    where: { id: sessionId, courseId },
  });
  if (!session) notFound();
  return session;
}

/** The course's listed facilitators, offered as a session's facilitator. */
export async function courseFacilitators(courseId: string, client: DbClient = db) {
  const rows = await client.courseFacilitator.findMany({
    where: { courseId },
    select: { user: { select: { id: true, name: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return rows.map((r) => r.user);
}

/**
 * The instants of a session typed as the course's local date and times, or the refusal
 * beside the field: outside the course's dates, end not after start, a closed course.
 */
async function checkInput(
  tx: DbClient,
  course: Course,
  input: SessionInput,
): Promise<Outcome<{ startsAt: Date; endsAt: Date; facilitatorId: string | null }>> {
  const closed = courseRefusesSessions(course);
  if (closed) return refuseForm(closed);
  const outside = dateOutsideCourse(input.date, course);
  if (outside) return refuse("date", outside);
  const startsAt = zonedToInstant(input.date, input.startTime, course.timeZone);
  const endsAt = zonedToInstant(input.date, input.endTime, course.timeZone);
  if (!startsAt) return refuse("date", "validation.date");
  if (!endsAt) return refuse("endTime", "validation.time");
  if (endsAt <= startsAt) return refuse("endTime", "training:errors.endBeforeStart");
  let facilitatorId: string | null = null;
  if (input.facilitatorId) {
    const listed = await tx.courseFacilitator.findUnique({
      where: { courseId_userId: { courseId: course.id, userId: input.facilitatorId } },
    });
    if (!listed) return refuse("facilitatorId", "validation.choice");
    facilitatorId = input.facilitatorId;
  }
  return ok({ startsAt, endsAt, facilitatorId });
}

export async function scheduleSession(
  actor: Actor,
  courseId: string,
  input: SessionInput,
): Promise<Outcome<{ sessionId: string }>> {
  return db.$transaction(async (tx) => {
    const course = await getCourse(courseId, tx);
    const checked = await checkInput(tx, course, input);
    if (!checked.ok) return checked;
    const session = await tx.trainingSession.create({
      data: {
        courseId: course.id,
        topic: input.topic,
        place: input.place ?? null,
        ...checked.value,
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "trainingSession.scheduled",
      entityType: "TrainingSession",
      entityId: session.id,
      platformId: course.platformId,
      details: { courseId: course.id, startsAt: session.startsAt.toISOString() },
    });
    return ok({ sessionId: session.id });
  });
}

export async function updateSession(
  actor: Actor,
  courseId: string,
  sessionId: string,
  input: SessionInput,
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    const course = await getCourse(courseId, tx);
    const before = await getSession(courseId, sessionId, tx);
    const frozen = sessionEditRefusal(before.status);
    if (frozen) return refuseForm(frozen);
    const checked = await checkInput(tx, course, input);
    if (!checked.ok) return checked;
    // Only while still scheduled: attendance taken meanwhile makes it held, and held stays.
    const { count } = await tx.trainingSession.updateMany({
      where: { id: before.id, status: "scheduled" },
      data: { topic: input.topic, place: input.place ?? null, ...checked.value },
    });
    if (count === 0) return refuseForm("training:errors.held");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "trainingSession.updated",
      entityType: "TrainingSession",
      entityId: before.id,
      platformId: course.platformId,
      details: {
        courseId: course.id,
        from: { startsAt: before.startsAt.toISOString(), endsAt: before.endsAt.toISOString() },
        to: {
          startsAt: checked.value.startsAt.toISOString(),
          endsAt: checked.value.endsAt.toISOString(),
        },
        facilitatorId: checked.value.facilitatorId,
      },
    });
    return ok(null);
  });
}

/**
 * Cancels a session that has not been held. The reason lives in the audit log (sessions
 * have no column for it), where the session page reads it back.
 */
export async function cancelSession(
  actor: Actor,
  courseId: string,
  sessionId: string,
  reason: string,
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    const course = await getCourse(courseId, tx);
    const closed = courseRefusesSessions(course);
    if (closed) return refuseForm(closed);
    const session = await getSession(courseId, sessionId, tx);
    const refused = sessionCancelRefusal(session.status);
    if (refused) return refuseForm(refused);
    const { count } = await tx.trainingSession.updateMany({
      where: { id: session.id, status: "scheduled" },
      data: { status: "cancelled", cancelReason: reason },
    });
    if (count === 0) return refuseForm("training:errors.heldNotCancelled");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "trainingSession.cancelled",
      entityType: "TrainingSession",
      entityId: session.id,
      platformId: course.platformId,
      details: { courseId: course.id, reason },
    });
    return ok(null);
  });
}

/** A session's local date and times, for the edit form. */
export function sessionFormValues(session: TrainingSession, timeZone: string) {
  const start = instantToZoned(session.startsAt, timeZone);
  return {
    topic: session.topic,
    date: start.date,
    startTime: start.time,
    endTime: instantToZoned(session.endsAt, timeZone).time,
    place: session.place ?? "",
    facilitatorId: session.facilitatorId ?? "",
  };
}

/** The course's sessions in time order. */
export function listSessions(courseId: string) {
  return db.trainingSession.findMany({ where: { courseId }, orderBy: { startsAt: "asc" } });
}

/** An .ics for one session (sessionId) or the whole course's feed, in the course's zone. */
export async function courseCalendar(
  course: Course,
  locale: string,
  urlOf: (sessionId: string) => string,
  sessionId?: string,
): Promise<string> {
  const sessions = await db.trainingSession.findMany({
    where: { courseId: course.id, ...(sessionId ? { id: sessionId } : {}) },
    orderBy: { startsAt: "asc" },
  });
  const { title } = courseText(course, locale);
  const events: CalendarEvent[] = sessions.map((s) => ({
    id: s.id,
    title: `${title}: ${s.topic}`,
    description: "",
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    place: s.place,
    onlineUrl: null,
    status: s.status,
    updatedAt: s.updatedAt,
    url: urlOf(s.id),
  }));
  return buildCalendar({
    name: title,
    prodId: "-//Minga//Cursos//ES",
    timeZone: course.timeZone,
    events,
  });
}
