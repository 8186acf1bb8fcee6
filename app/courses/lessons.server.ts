import { recordAudit } from "~/audit/audit.server";
import { notFound } from "~/auth/guards.server";
import type { AuthUser } from "~/auth/session.server";
import { db, type DbClient } from "~/db.server";
import { ok, refuseForm, type Outcome } from "~/forms/outcome";
import type { LessonInput } from "./catalogue-schemas";
import { courseEditableNow } from "./catalogue.server";
import type { Course } from "./courses.server";
import { removeStoredFiles } from "./materials.server";
import type { AuditAction } from "~/audit/actions";

type Actor = Pick<AuthUser, "id">;
type CourseRef = Pick<Course, "id" | "platformId">;

export const MAX_LESSONS = 100;

/** The course's lessons in order, each with how many materials it has (counted, not read). */
export function listLessons(courseId: string, client: DbClient = db) {
  return client.lesson.findMany({
    where: { courseId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, title: true, _count: { select: { materials: true } } },
  });
}

/** A lesson of this course (scoped by the course in the address), or a 404. */
export async function getLesson(courseId: string, lessonId: string, client: DbClient = db) {
  const lesson = await client.lesson.findFirst({
    where: { id: lessonId, courseId },
    include: { materials: { orderBy: [{ position: "asc" }, { createdAt: "asc" }] } },
  });
  if (!lesson) notFound();
  return lesson;
}

function audit(
  tx: DbClient,
  actor: Actor,
  course: CourseRef,
  action: AuditAction,
  lessonId: string,
) {
  return recordAudit(tx, {
    actorId: actor.id,
    action,
    entityType: "Course",
    entityId: course.id,
    platformId: course.platformId,
    details: { lessonId },
  });
}

export async function addLesson(
  actor: Actor,
  course: CourseRef,
  input: LessonInput,
): Promise<Outcome<{ lessonId: string }>> {
  return db.$transaction(async (tx) => {
    if (!(await courseEditableNow(tx, course.id))) return refuseForm("courses:errors.closed");
    const count = await tx.lesson.count({ where: { courseId: course.id } });
    if (count >= MAX_LESSONS) return refuseForm("courses:errors.tooManyLessons");
    const last = await tx.lesson.aggregate({
      where: { courseId: course.id },
      _max: { position: true },
    });
    const lesson = await tx.lesson.create({
      data: {
        courseId: course.id,
        title: input.title,
        body: input.body ?? "",
        position: (last._max.position ?? -1) + 1,
      },
    });
    await audit(tx, actor, course, "course.lessonAdded", lesson.id);
    return ok({ lessonId: lesson.id });
  });
}

export async function updateLesson(
  actor: Actor,
  course: CourseRef,
  lessonId: string,
  input: LessonInput,
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    if (!(await courseEditableNow(tx, course.id))) return refuseForm("courses:errors.closed");
    await getLesson(course.id, lessonId, tx);
    await tx.lesson.update({
      where: { id: lessonId },
      data: { title: input.title, body: input.body ?? "" },
    });
    await audit(tx, actor, course, "course.lessonUpdated", lessonId);
    return ok(null);
  });
}

/** Swaps the lesson with its neighbour above or below (nothing happens at either end). */
export async function moveLesson(
  actor: Actor,
  course: CourseRef,
  lessonId: string,
  direction: "up" | "down",
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    if (!(await courseEditableNow(tx, course.id))) return refuseForm("courses:errors.closed");
    const lessons = await tx.lesson.findMany({
      where: { courseId: course.id },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true },
    });
    const at = lessons.findIndex((l) => l.id === lessonId);
    if (at < 0) notFound();
    const to = direction === "up" ? at - 1 : at + 1;
    if (to < 0 || to >= lessons.length) return ok(null);
    const order = lessons.map((l) => l.id);
    [order[at], order[to]] = [order[to]!, order[at]!];
    // Renumbering every lesson also repairs gaps or ties left by earlier deletions.
    for (const [position, id] of order.entries()) {
      await tx.lesson.update({ where: { id }, data: { position } });
    }
    await audit(tx, actor, course, "course.lessonMoved", lessonId);
    return ok(null);
  });
}

/** Deletes a lesson with its materials, and their files once the rows are gone. */
export async function deleteLesson(
  actor: Actor,
  course: CourseRef,
  lessonId: string,
): Promise<Outcome<null>> {
  const storedNames = await db.$transaction(async (tx) => {
    if (!(await courseEditableNow(tx, course.id))) return null;
    const lesson = await getLesson(course.id, lessonId, tx);
    await tx.lesson.delete({ where: { id: lessonId } });
    await audit(tx, actor, course, "course.lessonDeleted", lessonId);
    return lesson.materials.flatMap((m) => (m.storedName ? [m.storedName] : []));
  });
  if (storedNames === null) return refuseForm("courses:errors.closed");
  await removeStoredFiles(storedNames);
  return ok(null);
}
