import type { Lesson, Material, TrainingSession } from "@prisma/client";
import { readCount, readRows } from "~/db-read.server";
import { db, sqlBuilders, sqlList } from "~/db.server";
import { readPage } from "~/http/pagination";
import type { Course } from "./courses.server";
import { placesLeft } from "./enrolment-rules";
import { countEnrolled } from "./enrolment.server";

// The public course page's reads, on every view of a course: without Prisma
// (app/db-read.server.ts).

/** Lessons (each with its text, up to 50,000 characters) and sessions a page of a course. */
export const COURSE_PAGE_LESSONS = 10;
export const COURSE_PAGE_SESSIONS = 20;

/**
 * Everything the public course page shows, for one reader: a page of its lessons with their
 * materials and a page of its sessions (each list counted and paged apart, `?lessons=`,
 * `?sessions=`: a course may have 100 long lessons and sessions without end), facilitators
 * and places left.
 */
export async function coursePageData(
  course: Course,
  pages: { lessons?: number; sessions?: number } = {},
) {
  // Every view of a course reads these: without Prisma (app/db-read.server.ts).
  const { sql } = sqlBuilders();
  const [lessons, sessions, facilitators, enrolled] = await Promise.all([
    readPage(
      pages.lessons ?? 1,
      COURSE_PAGE_LESSONS,
      (skip, take) => lessonsWithMaterials(course.id, { skip, take }),
      async () =>
        readCount(db, sql`SELECT COUNT(*) AS "n" FROM "Lesson" WHERE "courseId" = ${course.id}`),
    ),
    readPage(
      pages.sessions ?? 1,
      COURSE_PAGE_SESSIONS,
      (skip, take) =>
        readRows<TrainingSession>(
          db,
          sql`SELECT "id", "courseId", "topic", "startsAt", "endsAt", "place", "facilitatorId",
            "status", "cancelReason", "createdAt", "updatedAt"
          FROM "TrainingSession" WHERE "courseId" = ${course.id}
          ORDER BY "startsAt" ASC, "id" ASC LIMIT ${take} OFFSET ${skip}`,
          { startsAt: "instant", endsAt: "instant", createdAt: "instant", updatedAt: "instant" },
        ),
      () =>
        readCount(
          db,
          sql`SELECT COUNT(*) AS "n" FROM "TrainingSession" WHERE "courseId" = ${course.id}`,
        ),
    ),
    readRows<{ name: string }>(
      db,
      sql`SELECT u."name" FROM "CourseFacilitator" f JOIN "User" u ON u."id" = f."userId"
        WHERE f."courseId" = ${course.id}`,
    ),
    countEnrolled(db, course.id),
  ]);
  return {
    lessons: lessons.rows,
    lessonPage: lessons.page,
    sessions: sessions.rows,
    sessionPage: sessions.page,
    facilitators: facilitators.map((f) => f.name).sort((a, b) => a.localeCompare(b)),
    enrolled,
    placesLeft: placesLeft(course.capacity, enrolled),
  };
}

/** A page of the course's lessons in order, each with its materials in order. */
async function lessonsWithMaterials(courseId: string, slice: { skip: number; take: number }) {
  const { sql } = sqlBuilders();
  const lessons = await readRows<Lesson>(
    db,
    sql`SELECT "id", "courseId", "position", "title", "body", "createdAt", "updatedAt"
    FROM "Lesson" WHERE "courseId" = ${courseId}
    ORDER BY "position" ASC, "createdAt" ASC, "id" ASC LIMIT ${slice.take} OFFSET ${slice.skip}`,
    { createdAt: "instant", updatedAt: "instant" },
  );
  const materials =
    lessons.length > 0
      ? await readRows<Material>(
          db,
          sql`SELECT "id", "lessonId", "position", "title", "kind", "url", "storedName",
            "fileName", "contentType", "size", "createdAt"
          FROM "Material" WHERE "lessonId" IN (${sqlList(lessons.map((l) => l.id))})
          ORDER BY "position" ASC, "createdAt" ASC, "id" ASC`,
          { createdAt: "instant" },
        )
      : [];
  return lessons.map((lesson) => ({
    ...lesson,
    materials: materials.filter((m) => m.lessonId === lesson.id),
  }));
}
