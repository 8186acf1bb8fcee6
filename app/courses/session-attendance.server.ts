import * as attendanceSheets from "~/attendance/sheet.server";
import type { Prisma } from "@prisma/client";
import type { AttendanceHost, RosterPerson } from "~/attendance/attendance.server";
import type { InHost } from "~/attendance/form-action.server";
import type { AttendanceMessages } from "~/attendance/window";
import { attendanceWindow } from "~/attendance/window";
import { ATTENDANCE_STATUSES } from "~/attendance/statuses";
import { recordAudit } from "~/audit/audit.server";
import { db, type DbClient, sqlBuilders } from "~/db.server";
import { findPeopleWithoutAccount } from "~/participants/participants.server";
import { lockRow } from "~/row-lock.server";
import { getCourse, type Course } from "./courses.server";
import { getSession, type TrainingSession } from "./sessions.server";

/** How a training session words the attendance rules. */
export const TRAINING_ATTENDANCE_MESSAGES: AttendanceMessages = {
  cancelled: "training:errors.attendanceCancelled",
  notYet: "training:errors.attendanceNotYet",
  closed: "training:errors.attendanceClosed",
  walkInsClosed: "training:errors.walkInsClosed",
  unknownParticipant: "training:errors.notEnrolled",
};

/** A session's attendance closes with its course; a cancelled session takes none. */
export function sessionWindow(
  course: Pick<Course, "status">,
  session: Pick<TrainingSession, "status" | "startsAt" | "endsAt">,
  now: Date,
) {
  return attendanceWindow(
    {
      cancelled: session.status === "cancelled",
      closed: course.status === "closed",
      startsAt: session.startsAt,
      endsAt: session.endsAt,
    },
    TRAINING_ATTENDANCE_MESSAGES,
    now,
  );
}

/**
 * Who can be marked at a session: the people enrolled in the course now, as SQL over `p`.
 * The database reads the page from the course's enrolments (a few dozen), not from every
 * person of the portal in name order.
 */
function enrolledSql(courseId: string): Prisma.Sql {
  return sqlBuilders().sql`p."id" IN (SELECT e."participantId" FROM "Enrolment" e
    WHERE e."courseId" = ${courseId} AND e."status" = 'enrolled')`;
}

/** The enrolments behind the roster: one per person and course (a unique key). */
function enrolledRows(courseId: string) {
  return { courseId, status: "enrolled" };
}

/**
 * The same people as a Prisma filter, for the walk-in search (app/attendance/hosts.test.ts
 * holds the two to the same people).
 */
export function enrolledWhere(courseId: string): Prisma.ParticipantWhereInput {
  return { enrolments: { some: enrolledRows(courseId) } };
}

/** The same people, loaded whole: for the printed sheet only. */
async function enrolledRoster(client: DbClient, courseId: string) {
  const rows = await client.enrolment.findMany({
    where: { courseId, status: "enrolled" },
    select: { participant: { select: { id: true, name: true, community: true } } },
  });
  return new Map<string, RosterPerson>(
    rows.map((r) => [
      r.participant.id,
      { name: r.participant.name, community: r.participant.community },
    ]),
  );
}

/** A training session as a host of the attendance module. */
export function sessionHost(course: Course, session: TrainingSession): AttendanceHost {
  return {
    rows: { sessionId: session.id },
    audit: { entityType: "TrainingSession", entityId: session.id, platformId: course.platformId },
    statuses: ATTENDANCE_STATUSES,
    messages: TRAINING_ATTENDANCE_MESSAGES,
    endsAt: session.endsAt,
    window: (now) => sessionWindow(course, session, now),
    rosterSql: () => enrolledSql(course.id),
    rosterSize: (client) => client.enrolment.count({ where: enrolledRows(course.id) }),
    // Everyone enrolled is expected at a session: one group, by name.
    expectedSql: () => "everyone",
    regularSql: () => null,
    // Taking attendance is what makes a session "held" (counted for completion, not edited).
    async onRecorded(client) {
      await client.trainingSession.updateMany({
        where: { id: session.id, status: "scheduled" },
        data: { status: "held" },
      });
    },
    // They were there: a walk-in is enrolled, even over capacity, in the same transaction.
    async onWalkInAdded(client, actor, participantId, now) {
      const before = await client.enrolment.findUnique({
        where: { courseId_participantId: { courseId: course.id, participantId } },
      });
      const enrolment = await client.enrolment.upsert({
        where: { courseId_participantId: { courseId: course.id, participantId } },
        create: {
          courseId: course.id,
          participantId,
          status: "enrolled",
          enrolledAt: now,
          enrolledById: actor.id,
          walkInSessionId: session.id,
        },
        update: {
          status: "enrolled",
          enrolledAt: now,
          enrolledById: actor.id,
          endedAt: null,
          reason: null,
        },
      });
      await recordAudit(client, {
        actorId: actor.id,
        action: "trainingSession.walkInEnrolled",
        entityType: "TrainingSession",
        entityId: session.id,
        platformId: course.platformId,
        details: {
          courseId: course.id,
          participantId,
          enrolmentId: enrolment.id,
          created: !before,
          previousStatus: before?.status ?? null,
        },
      });
    },
    // The enrolment goes only if that walk-in created it and nothing else counts them here.
    async onWalkInRemoved(client, actor, participantId) {
      const place = await client.enrolment.findUnique({
        where: { courseId_participantId: { courseId: course.id, participantId } },
        select: { walkInSessionId: true },
      });
      if (place?.walkInSessionId !== session.id) return;
      const [otherSessions, certificates] = await Promise.all([
        client.attendance.count({ where: { participantId, session: { courseId: course.id } } }),
        client.certificate.count({ where: { participantId, courseId: course.id } }),
      ]);
      if (otherSessions > 0 || certificates > 0) return;
      const { count } = await client.enrolment.deleteMany({
        where: { courseId: course.id, participantId, status: "enrolled" },
      });
      if (count > 0) {
        await recordAudit(client, {
          actorId: actor.id,
          action: "trainingSession.walkInUnenrolled",
          entityType: "TrainingSession",
          entityId: session.id,
          platformId: course.platformId,
          details: { courseId: course.id, participantId },
        });
      }
    },
  };
}

/**
 * The attendance form's transactions, with the course and session loaded inside each. The
 * course's row is locked first (FOR SHARE on PostgreSQL), as closing it locks it to write:
 * marks found allowed are not written after the close counted certificates without them.
 */
export function inSessionHost(courseId: string, sessionId: string): InHost {
  return (write) =>
    db.$transaction(async (tx) => {
      await lockRow(tx, "Course", courseId, "share");
      const course = await getCourse(courseId, tx);
      return write(tx, sessionHost(course, await getSession(course.id, sessionId, tx)));
    });
}

export async function sessionAttendanceSheet(
  course: Course,
  sessionId: string,
  options: attendanceSheets.SheetOptions = {},
  now = new Date(),
) {
  const session = await getSession(course.id, sessionId);
  const sheet = await attendanceSheets.attendanceSheet(
    db,
    sessionHost(course, session),
    now,
    options,
  );
  return { session, ...sheet };
}

/** The blank sheet to print: everyone enrolled and this session's walk-ins, by name. */
export async function printedSessionSheet(course: Course, sessionId: string, now = new Date()) {
  const session = await getSession(course.id, sessionId);
  const [roster, walkIns] = await Promise.all([
    attendanceSheets.printedRoster(db, sessionHost(course, session), now),
    db.attendance.findMany({
      where: { sessionId: session.id, walkIn: true },
      select: { participant: { select: { name: true, community: true } } },
    }),
  ]);
  const people = [...roster, ...walkIns.map((w) => w.participant)];
  return { session, people: people.sort((a, b) => a.name.localeCompare(b.name)) };
}

/**
 * People without an account already recorded where this course runs — its platform's
 * people, or anyone for a portal-wide course — who match `who` and are neither enrolled
 * here nor on this session's list: the walk-in form offers them before a new record.
 */
export async function sessionWalkInCandidates(course: Course, sessionId: string, who: string) {
  const found = await findPeopleWithoutAccount(db, course.platformId, who, [
    enrolledWhere(course.id),
    { attendance: { some: { sessionId } } },
  ]);
  return found.map((p) => ({
    id: p.id,
    name: p.name,
    community: p.community,
    events: p._count.attendance,
  }));
}

/** Everyone enrolled, for the printed sheet. */
export { enrolledRoster };
