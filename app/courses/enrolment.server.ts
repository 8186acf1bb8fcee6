import { ownParticipant } from "~/participants/own-record.server";
import { recordAudit } from "~/audit/audit.server";
import type { AuthUser } from "~/auth/session.server";
import { readCount, readRow } from "~/db-read.server";
import { containsText, db, type DbClient, sqlBuilders } from "~/db.server";
import { ok, refuse, refuseForm, type Outcome, type Refusal } from "~/forms/outcome";
import {
  createWalkIn,
  findableWithoutAccount,
  findPeopleWithoutAccount,
  type WalkInData,
} from "~/participants/participants.server";
import { searchWords } from "~/text/searchable";
import { instantToZoned } from "~/time/time-zone";
import {
  type EnrolledBy,
  type EnrolmentRefusal,
  type EnrolmentStatus,
  endRefusal,
  enrolmentRefusal,
  placesLeft,
  reEnrolmentRefusal,
  refusalMessage,
} from "./enrolment-rules";
import { pageOf } from "~/http/pagination";
import { lockRow } from "~/row-lock.server";

/**
 * Places on a course. Every change runs in one transaction that counts and writes together,
 * holding the course's row lock (app/row-lock.server.ts; on SQLite the one writer), so two
 * requests for the last place are served one after the other and the second sees the first's
 * row — never over capacity. See docs/decisions/015-enrolment.md and 027.
 */

interface Actor {
  id: string;
}

const courseFields = {
  id: true,
  platformId: true,
  status: true,
  enrolmentOpen: true,
  endDate: true,
  capacity: true,
  timeZone: true,
} as const;

type CourseFacts = NonNullable<Awaited<ReturnType<typeof courseFacts>>>;

function courseFacts(client: DbClient, courseId: string) {
  return client.course.findUnique({ where: { id: courseId }, select: courseFields });
}

/**
 * Runs `work` in one transaction with the course read by that transaction; an unknown
 * course is refused with `missing` (the routes answer 404 before it gets here).
 */
function onCourse<T>(
  courseId: string,
  missing: EnrolmentRefusal,
  work: (tx: DbClient, course: CourseFacts) => Promise<Outcome<T>>,
): Promise<Outcome<T>> {
  return db.$transaction(async (tx) => {
    // Places are counted and taken under the course's lock, one request after the other.
    await lockRow(tx, "Course", courseId);
    const course = await courseFacts(tx, courseId);
    if (!course) return refusal(missing);
    return work(tx, course);
  });
}

/** The course's own calendar day at `now`: a course "ends" at the end of its last local day. */
function courseToday(course: Pick<CourseFacts, "timeZone">, now: Date): string {
  return instantToZoned(now, course.timeZone).date;
}

export async function countEnrolled(client: DbClient, courseId: string): Promise<number> {
  // On every view of a course, and in the enrolment's transaction (through its client).
  return await readCount(
    client,
    sqlBuilders().sql`SELECT COUNT(*) AS "n" FROM "Enrolment"
      WHERE "courseId" = ${courseId} AND "status" = 'enrolled'`,
  );
}

function refusal(reason: EnrolmentRefusal, field?: string): Refusal {
  return field ? refuse(field, refusalMessage(reason)) : refuseForm(refusalMessage(reason));
}

/** Why no new place can be given right now (inside the caller's transaction), or null. */
async function placeRefusal(
  tx: DbClient,
  course: CourseFacts,
  by: EnrolledBy,
  now: Date,
): Promise<EnrolmentRefusal | null> {
  const enrolled = await countEnrolled(tx, course.id);
  return enrolmentRefusal(course, by, courseToday(course, now), enrolled);
}

/**
 * Gives `participantId` a place, inside the caller's transaction: a new row, or the old
 * one back to "enrolled" with the new enrolment time (sessions held while they were away
 * do not count against them; attendance recorded earlier still counts).
 */
async function givePlace(
  tx: DbClient,
  actor: Actor,
  course: CourseFacts,
  participantId: string,
  by: EnrolledBy,
  now: Date,
  field?: string,
): Promise<Outcome<{ enrolmentId: string }>> {
  const existing = await tx.enrolment.findUnique({
    where: { courseId_participantId: { courseId: course.id, participantId } },
    select: { id: true, status: true },
  });
  const again = reEnrolmentRefusal((existing?.status as EnrolmentStatus) ?? null, by);
  if (again) return refusal(again, field);
  const refused = await placeRefusal(tx, course, by, now);
  if (refused) return refusal(refused, field);
  const data = {
    status: "enrolled",
    enrolledAt: now,
    enrolledById: actor.id,
    endedAt: null,
    reason: null,
  };
  const row = existing
    ? await tx.enrolment.update({ where: { id: existing.id }, data, select: { id: true } })
    : await tx.enrolment.create({
        data: { ...data, courseId: course.id, participantId },
        select: { id: true },
      });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "enrolment.enrolled",
    entityType: "Course",
    entityId: course.id,
    platformId: course.platformId,
    details: { participantId, enrolmentId: row.id, by, again: !!existing },
  });
  return ok({ enrolmentId: row.id });
}

/** The signed-in person takes a place for themselves. */
export function enrolSelf(
  user: Pick<AuthUser, "id" | "name">,
  courseId: string,
  now = new Date(),
): Promise<Outcome<{ enrolmentId: string }>> {
  return onCourse(courseId, "notPublished", async (tx, course) => {
    const me = await ownParticipant(tx, user);
    return givePlace(tx, user, course, me.id, "self", now);
  });
}

/** Ends an enrolment (left or withdrawn), inside the caller's transaction, audited. */
async function endPlace(
  tx: DbClient,
  actor: Actor,
  course: CourseFacts,
  enrolment: { id: string; status: string; participantId: string } | null,
  how: { status: "left" } | { status: "withdrawn"; reason: string },
  now: Date,
): Promise<Outcome<{ participantId: string }>> {
  const refused = endRefusal(course, (enrolment?.status as EnrolmentStatus) ?? null);
  if (refused || !enrolment) return refusal(refused ?? "notEnrolled");
  await tx.enrolment.update({
    where: { id: enrolment.id },
    data: {
      status: how.status,
      endedAt: now,
      reason: how.status === "withdrawn" ? how.reason : null,
    },
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: `enrolment.${how.status}`,
    entityType: "Course",
    entityId: course.id,
    platformId: course.platformId,
    // Ids only: the reason stays on the enrolment, where managers read it.
    details: { participantId: enrolment.participantId, enrolmentId: enrolment.id },
  });
  return ok({ participantId: enrolment.participantId });
}

/** The signed-in person gives up their place. */
export function leaveSelf(
  user: Pick<AuthUser, "id">,
  courseId: string,
  now = new Date(),
): Promise<Outcome<{ participantId: string }>> {
  return onCourse(courseId, "notEnrolled", async (tx, course) => {
    const enrolment = await tx.enrolment.findFirst({
      where: { courseId, participant: { userId: user.id } },
      select: { id: true, status: true, participantId: true },
    });
    return endPlace(tx, user, course, enrolment, { status: "left" }, now);
  });
}

/** A manager withdraws someone, with a reason kept on the enrolment. */
export function withdrawPerson(
  actor: Actor,
  courseId: string,
  input: { enrolmentId: string; reason: string },
  now = new Date(),
): Promise<Outcome<{ participantId: string }>> {
  return onCourse(courseId, "notEnrolled", async (tx, course) => {
    // Scoped by the course: an enrolment of another course is simply not found.
    const enrolment = await tx.enrolment.findFirst({
      where: { id: input.enrolmentId, courseId },
      select: { id: true, status: true, participantId: true },
    });
    return endPlace(
      tx,
      actor,
      course,
      enrolment,
      { status: "withdrawn", reason: input.reason },
      now,
    );
  });
}

/** A manager enrols someone who has an account, by its e-mail. */
export function enrolByEmail(
  actor: Actor,
  courseId: string,
  email: string,
  now = new Date(),
): Promise<Outcome<{ enrolmentId: string }>> {
  return onCourse(courseId, "notPublished", async (tx, course) => {
    const user = await tx.user.findUnique({
      where: { email: email.toLowerCase() },
      select: { id: true, name: true },
    });
    if (!user) return refuse("email", "enrolment:errors.noAccount");
    const person = await ownParticipant(tx, user);
    return givePlace(tx, actor, course, person.id, "manager", now, "email");
  });
}

/** A manager enrols a person without an account found again by name and community. */
export function enrolKnownPerson(
  actor: Actor,
  courseId: string,
  participantId: string,
  now = new Date(),
): Promise<Outcome<{ enrolmentId: string }>> {
  return onCourse(courseId, "notPublished", async (tx, course) => {
    const person = await tx.participant.findFirst({
      where: { id: participantId, ...findableWithoutAccount(course.platformId) },
      select: { id: true },
    });
    if (!person) return refuseForm("enrolment:errors.personNotFound");
    return givePlace(tx, actor, course, person.id, "manager", now);
  });
}

/**
 * A manager enrols a person never recorded before: the walk-in record and the place are
 * written together, or (when there is no place) neither.
 */
export function enrolNewPerson(
  actor: Actor,
  courseId: string,
  person: WalkInData,
  now = new Date(),
): Promise<Outcome<{ enrolmentId: string }>> {
  return onCourse(courseId, "notPublished", async (tx, course) => {
    const refused = await placeRefusal(tx, course, "manager", now);
    if (refused) return refusal(refused);
    const created = await createWalkIn(tx, person);
    return givePlace(tx, actor, course, created.id, "manager", now);
  });
}

/**
 * People without an account a manager may enrol, matching every word typed (name and
 * community), not already enrolled here. Bounded like the walk-in search.
 */
export async function enrolmentCandidates(
  course: { id: string; platformId: string | null },
  query: string,
) {
  const found = await findPeopleWithoutAccount(db, course.platformId, query, [
    { enrolments: { some: { courseId: course.id, status: "enrolled" } } },
  ]);
  return found.map((p) => ({ id: p.id, name: p.name, community: p.community }));
}

export const ENROLMENT_PAGE_SIZE = 20;

/**
 * Everyone who has held a place on the course, the enrolled first, searchable by name and
 * community; counted and paginated by the database.
 */
export async function enrolmentList(courseId: string, query: string, page: number) {
  const words = searchWords(query);
  const where = {
    courseId,
    AND: words.map((w) => ({
      participant: { OR: [{ searchText: { contains: w } }, { name: containsText(w) }] },
    })),
  };
  const [total, enrolled] = await Promise.all([
    db.enrolment.count({ where }),
    countEnrolled(db, courseId),
  ]);
  const current = pageOf(page, total, ENROLMENT_PAGE_SIZE);
  const [rows] = await Promise.all([
    db.enrolment.findMany({
      where,
      select: {
        id: true,
        status: true,
        enrolledAt: true,
        endedAt: true,
        reason: true,
        participant: { select: { id: true, name: true, community: true, userId: true } },
      },
      // "enrolled" sorts before "left" and "withdrawn".
      orderBy: [{ status: "asc" }, { participant: { name: "asc" } }, { id: "asc" }],
      skip: current.skip,
      take: current.take,
    }),
  ]);
  return {
    total,
    enrolled,
    page: current.page,
    pages: current.pages,
    people: rows.map((r) => ({
      enrolmentId: r.id,
      participantId: r.participant.id,
      name: r.participant.name,
      community: r.participant.community,
      hasAccount: !!r.participant.userId,
      status: r.status as EnrolmentStatus,
      enrolledAt: r.enrolledAt.toISOString(),
      endedAt: r.endedAt?.toISOString() ?? null,
      reason: r.reason,
    })),
  };
}

/** One enrolment of this course, for the withdrawal form (null when not on this course). */
export async function enrolmentOnCourse(courseId: string, enrolmentId: string) {
  const row = await db.enrolment.findFirst({
    where: { id: enrolmentId, courseId, status: "enrolled" },
    select: { id: true, participant: { select: { name: true } } },
  });
  return row ? { enrolmentId: row.id, name: row.participant.name } : null;
}

/**
 * What the course page offers the reader about their own place: their status, whether a
 * place can be taken now (and why not), and places left. `enrolled` is the course's count
 * when the page has made it already (`coursePageData`, course-page.server.ts).
 */
export async function enrolmentPanelFor(
  user: Pick<AuthUser, "id"> | null,
  course: CourseFacts,
  now = new Date(),
  enrolled?: number,
) {
  const [count, mine] = await Promise.all([
    enrolled ?? countEnrolled(db, course.id),
    user
      ? readRow<{ status: string; enrolledAt: Date }>(
          db,
          sqlBuilders().sql`SELECT e."status", e."enrolledAt" FROM "Enrolment" e
            JOIN "Participant" p ON p."id" = e."participantId"
            WHERE e."courseId" = ${course.id} AND p."userId" = ${user.id}`,
          { enrolledAt: "instant" },
        )
      : Promise.resolve(null),
  ]);
  const status = (mine?.status as EnrolmentStatus | undefined) ?? null;
  const refused =
    reEnrolmentRefusal(status, "self") ??
    enrolmentRefusal(course, "self", courseToday(course, now), count);
  return {
    courseId: course.id,
    signedIn: !!user,
    status,
    enrolledSince: mine && status === "enrolled" ? mine.enrolledAt.toISOString() : null,
    timeZone: course.timeZone,
    placesLeft: placesLeft(course.capacity, count),
    enrolRefusal: status === "enrolled" ? null : refused,
    canLeave: endRefusal(course, status) === null,
  };
}
export type EnrolmentPanelData = Awaited<ReturnType<typeof enrolmentPanelFor>>;
