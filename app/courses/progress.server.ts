import type { Prisma } from "@prisma/client";
import { readCount, readRows } from "~/db-read.server";
import { db, type DbClient, sqlBuilders, sqlList } from "~/db.server";
import { type Completion, type CompletionSession, completionOf } from "./completion";
import type { Course } from "./courses.server";
import { pageOf } from "~/http/pagination";

interface EnrolmentRow {
  participantId: string;
  status: string;
  enrolledAt: Date;
}

/**
 * Who appears in a course's progress, matrix and closing, as SQL of their ids: everyone with
 * an enrolment in it (also those who left, so their attendance is not hidden) and everyone
 * with attendance at one of its sessions (walk-ins not enrolled). Read from the course's own
 * rows through their indexes: a where-clause on the person table (either of two relations)
 * had the database scan every person of the portal, 100 ms on 10,000 people.
 */
function courseRosterSql(courseId: string): Prisma.Sql {
  return sqlBuilders().sql`SELECT "participantId" FROM "Enrolment" WHERE "courseId" = ${courseId}
    UNION SELECT a."participantId" FROM "Attendance" a
      JOIN "TrainingSession" s ON s."id" = a."sessionId" WHERE s."courseId" = ${courseId}`;
}

/**
 * The course's enrolments, read whole (a course's, a few dozen rows) for the progress that
 * follows. These reads are on every view of the matrix: without Prisma (app/db-read.server.ts).
 */
function courseEnrolments(client: DbClient, courseId: string) {
  return readRows<EnrolmentRow>(
    client,
    sqlBuilders().sql`SELECT "participantId", "status", "enrolledAt" FROM "Enrolment"
      WHERE "courseId" = ${courseId}`,
    { enrolledAt: "instant" },
  );
}

/** People of the roster by name (id breaks ties), a slice or all. */
function rosterPeople(client: DbClient, courseId: string, slice?: { skip: number; take: number }) {
  const { sql, empty } = sqlBuilders();
  return readRows<{ id: string; name: string; community: string | null }>(
    client,
    sql`SELECT p."id", p."name", p."community" FROM "Participant" p
    WHERE p."id" IN (${courseRosterSql(courseId)})
    ORDER BY p."name" ASC, p."id" ASC
    ${slice ? sql`LIMIT ${slice.take} OFFSET ${slice.skip}` : empty}`,
  );
}

/**
 * A page of the roster's people by name, with how many they are: counted with the page
 * (a window count) rather than by a statement of its own. A page past the end comes back
 * empty and is read again as the last page.
 */
async function peoplePage(client: DbClient, courseId: string, page: number, pageSize: number) {
  const { sql } = sqlBuilders();
  const read = (skip: number) =>
    readRows<{ id: string; name: string; community: string | null; total: number }>(
      client,
      sql`SELECT p."id", p."name", p."community", COUNT(*) OVER () AS "total"
      FROM "Participant" p
      WHERE p."id" IN (${courseRosterSql(courseId)})
      ORDER BY p."name" ASC, p."id" ASC
      LIMIT ${pageSize} OFFSET ${skip}`,
      { total: "number" },
    );
  let rows = await read(pageOf(page, Number.MAX_SAFE_INTEGER, pageSize).skip);
  // Every id of the roster is a person's (foreign keys): counting the ids counts the people.
  let total = rows[0]?.total;
  if (total === undefined) {
    total = await readCount(
      client,
      sql`SELECT COUNT(*) AS "n" FROM (${courseRosterSql(courseId)}) roster`,
    );
    if (total > 0) rows = await read(pageOf(page, total, pageSize).skip);
  }
  const current = pageOf(page, total, pageSize);
  const people = rows.map(({ id, name, community }) => ({ id, name, community }));
  return { people, current, total };
}

/** The course's sessions in order, with what the completion rule needs. */
export function courseSessions(client: DbClient, courseId: string) {
  return readRows<{
    id: string;
    topic: string;
    startsAt: Date;
    endsAt: Date;
    status: string;
    place: string | null;
  }>(
    client,
    sqlBuilders().sql`SELECT "id", "topic", "startsAt", "endsAt", "status", "place"
      FROM "TrainingSession" WHERE "courseId" = ${courseId}
      ORDER BY "startsAt" ASC, "id" ASC`,
    { startsAt: "instant", endsAt: "instant" },
  );
}

export interface ParticipantProgress {
  participantId: string;
  name: string;
  community: string | null;
  /** enrolled | left | withdrawn, or null: attendance without an enrolment */
  enrolment: string | null;
  marks: Record<string, string>;
  completion: Completion;
}

/** Only people still enrolled (or never enrolled, walk-ins) receive a certificate. */
export function mayReceiveCertificate(p: Pick<ParticipantProgress, "enrolment" | "completion">) {
  return p.completion.complete && (p.enrolment === null || p.enrolment === "enrolled");
}

/**
 * Progress of the given participants (all of them in the course's roster). `known`: the
 * course's enrolments, when already read (courseEnrolments); else these people's are read.
 */
async function progressOf(
  client: DbClient,
  course: Pick<Course, "id" | "completionPercent">,
  sessions: CompletionSession[],
  people: { id: string; name: string; community: string | null }[],
  known?: EnrolmentRow[],
): Promise<ParticipantProgress[]> {
  const ids = people.map((p) => p.id);
  const { sql } = sqlBuilders();
  const [enrolments, marks] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          known ??
            readRows<EnrolmentRow>(
              client,
              sql`SELECT "participantId", "status", "enrolledAt" FROM "Enrolment"
              WHERE "courseId" = ${course.id} AND "participantId" IN (${sqlList(ids)})`,
              { enrolledAt: "instant" },
            ),
          readRows<{ participantId: string; sessionId: string | null; status: string }>(
            client,
            sql`SELECT a."participantId", a."sessionId", a."status" FROM "Attendance" a
            JOIN "TrainingSession" s ON s."id" = a."sessionId"
            WHERE s."courseId" = ${course.id} AND a."participantId" IN (${sqlList(ids)})`,
          ),
        ]);
  const enrolmentOf = new Map(enrolments.map((e) => [e.participantId, e]));
  const marksOf = new Map<string, Record<string, string>>();
  for (const m of marks) {
    if (!m.sessionId) continue;
    const own = marksOf.get(m.participantId) ?? {};
    own[m.sessionId] = m.status;
    marksOf.set(m.participantId, own);
  }
  return people.map((p) => {
    const enrolment = enrolmentOf.get(p.id) ?? null;
    const own = marksOf.get(p.id) ?? {};
    return {
      participantId: p.id,
      name: p.name,
      community: p.community,
      enrolment: enrolment?.status ?? null,
      marks: own,
      completion: completionOf({
        sessions,
        enrolledAt: enrolment?.enrolledAt ?? null,
        marks: own,
        completionPercent: course.completionPercent,
      }),
    };
  });
}

/** One participant's progress, or null when they are neither enrolled nor have attendance. */
export async function progressOfParticipant(
  course: Pick<Course, "id" | "completionPercent">,
  participantId: string,
  client: DbClient = db,
) {
  const person = await client.participant.findFirst({
    where: {
      id: participantId,
      OR: [
        { enrolments: { some: { courseId: course.id } } },
        { attendance: { some: { session: { courseId: course.id } } } },
      ],
    },
    select: { id: true, name: true, community: true },
  });
  if (!person) return null;
  const sessions = await courseSessions(client, course.id);
  const [progress] = await progressOf(client, course, sessions, [person]);
  const certificate = await client.certificate.findUnique({
    where: { courseId_participantId: { courseId: course.id, participantId } },
    select: { id: true, revokedAt: true },
  });
  return { sessions, progress, certificate };
}

export const MATRIX_PAGE_SIZE = 20;

/** One page of the matrix: participants by name, with totals per session counted by the database. */
export async function courseMatrix(
  course: Pick<Course, "id" | "completionPercent">,
  page: number,
  pageSize = MATRIX_PAGE_SIZE,
  client: DbClient = db,
) {
  const { sql } = sqlBuilders();
  const [sessions, attendedBySession, enrolments, slice] = await Promise.all([
    courseSessions(client, course.id),
    readRows<{ sessionId: string; n: number }>(
      client,
      sql`SELECT a."sessionId", COUNT(*) AS "n" FROM "Attendance" a
      JOIN "TrainingSession" s ON s."id" = a."sessionId"
      WHERE s."courseId" = ${course.id} AND a."status" IN ('present', 'late')
      GROUP BY a."sessionId"`,
      { n: "number" },
    ),
    courseEnrolments(client, course.id),
    peoplePage(client, course.id, page, pageSize),
  ]);
  const { people, current, total } = slice;
  const columnTotals: Record<string, number> = {};
  for (const row of attendedBySession) columnTotals[row.sessionId] = row.n;
  return {
    sessions,
    rows: await progressOf(client, course, sessions, people, enrolments),
    columnTotals,
    total,
    page: current.page,
    pages: current.pages,
  };
}

/** Everyone in the course's roster with their progress (closing, CSV). */
export async function allProgress(
  course: Pick<Course, "id" | "completionPercent">,
  client: DbClient = db,
) {
  const [sessions, people, enrolments] = await Promise.all([
    courseSessions(client, course.id),
    rosterPeople(client, course.id),
    courseEnrolments(client, course.id),
  ]);
  return { sessions, rows: await progressOf(client, course, sessions, people, enrolments) };
}
