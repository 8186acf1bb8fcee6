import type { Prisma } from "@prisma/client";
import { db, type DbClient } from "~/db.server";
import { type Completion, type CompletionSession, completionOf } from "./completion";
import type { Course } from "./courses.server";
import { pageOf } from "~/http/pagination";

const ENROLMENT_ROW = {
  participantId: true,
  status: true,
  enrolledAt: true,
} satisfies Prisma.EnrolmentSelect;
type EnrolmentRow = Prisma.EnrolmentGetPayload<{ select: typeof ENROLMENT_ROW }>;

/**
 * Who appears in a course's progress, matrix and closing: everyone with an enrolment in it
 * (also those who left, so their attendance is not hidden) and everyone with attendance at
 * one of its sessions (walk-ins not enrolled). Read from the course's own rows through their
 * indexes: a where-clause on the person table (either of two relations) had the database
 * scan every person of the portal, 100 ms on 10,000 people, once to count and once to page.
 * `size` is how many they are: every id is a person's (foreign keys), so no count is needed.
 * The enrolments are read whole (a course's, a few dozen rows) for the progress that follows.
 */
export async function courseParticipants(
  client: DbClient,
  courseId: string,
): Promise<{ where: Prisma.ParticipantWhereInput; size: number; enrolments: EnrolmentRow[] }> {
  const [enrolled, attended] = await Promise.all([
    client.enrolment.findMany({ where: { courseId }, select: ENROLMENT_ROW }),
    // Grouped by the database: Prisma's `distinct` reads every mark (a few hundred) and
    // drops the repeats in JavaScript.
    client.attendance.groupBy({ by: ["participantId"], where: { session: { courseId } } }),
  ]);
  const ids = new Set([...enrolled, ...attended].map((r) => r.participantId));
  return { where: { id: { in: [...ids] } }, size: ids.size, enrolments: enrolled };
}

/** The course's sessions in order, with what the completion rule needs. */
export function courseSessions(client: DbClient, courseId: string) {
  return client.trainingSession.findMany({
    where: { courseId },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: { id: true, topic: true, startsAt: true, endsAt: true, status: true, place: true },
  });
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
 * course's enrolments, when already read (courseParticipants); else these people's are read.
 */
async function progressOf(
  client: DbClient,
  course: Pick<Course, "id" | "completionPercent">,
  sessions: CompletionSession[],
  people: { id: string; name: string; community: string | null }[],
  known?: EnrolmentRow[],
): Promise<ParticipantProgress[]> {
  const ids = people.map((p) => p.id);
  const [enrolments, marks] = await Promise.all([
    known ??
      client.enrolment.findMany({
        where: { courseId: course.id, participantId: { in: ids } },
        select: ENROLMENT_ROW,
      }),
    client.attendance.findMany({
      where: { participantId: { in: ids }, session: { courseId: course.id } },
      select: { participantId: true, sessionId: true, status: true },
    }),
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
  const { where, size: total, enrolments } = await courseParticipants(client, course.id);
  const [sessions, attendedBySession] = await Promise.all([
    courseSessions(client, course.id),
    client.attendance.groupBy({
      by: ["sessionId"],
      where: { session: { courseId: course.id }, status: { in: ["present", "late"] } },
      _count: { _all: true },
    }),
  ]);
  const current = pageOf(page, total, pageSize);
  const people = await client.participant.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip: current.skip,
    take: current.take,
    select: { id: true, name: true, community: true },
  });
  const columnTotals: Record<string, number> = {};
  for (const row of attendedBySession)
    if (row.sessionId) columnTotals[row.sessionId] = row._count._all;
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
  const { where, enrolments } = await courseParticipants(client, course.id);
  const [sessions, people] = await Promise.all([
    courseSessions(client, course.id),
    client.participant.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true, community: true },
    }),
  ]);
  return { sessions, rows: await progressOf(client, course, sessions, people, enrolments) };
}
