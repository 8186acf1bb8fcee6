import type { AuthUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { ROLE_NAMES, addMember, makeCourse, makeUser, makeWorld } from "~/test/world";

/** The course roles of the brief: the platform world plus a facilitator elsewhere and a listed course facilitator. */
export const COURSE_ROLES = [...ROLE_NAMES, "otherFacilitator", "courseFacilitator"] as const;
export type CourseRole = (typeof COURSE_ROLES)[number];

/** Those who run a course of the world's platform. */
export const COURSE_MANAGERS: CourseRole[] = [
  "facilitator",
  "coordinator",
  "admin",
  "courseFacilitator",
];

export async function makeCourseWorld() {
  const world = await makeWorld();
  const otherFacilitator = await makeUser("Facilitador de otra");
  await addMember(otherFacilitator, world.other.id, "facilitator");
  const courseFacilitator = await makeUser("Facilitadora invitada");
  const users: Record<CourseRole, AuthUser | null> = {
    ...world.users,
    otherFacilitator,
    courseFacilitator,
  };
  return { ...world, users };
}
export type CourseWorld = Awaited<ReturnType<typeof makeCourseWorld>>;

/** A course of the world's platform with its listed (non-member) facilitator. */
export async function courseIn(w: CourseWorld, overrides: Parameters<typeof makeCourse>[1] = {}) {
  const course = await makeCourse(w.platform.id, overrides);
  await db.courseFacilitator.create({
    data: { courseId: course.id, userId: w.users.courseFacilitator!.id },
  });
  return course;
}

/** A lesson with one link material. */
export async function lessonIn(courseId: string, position = 0) {
  return db.lesson.create({
    data: {
      courseId,
      title: `Lección ${position + 1}`,
      body: "Texto",
      position,
      materials: {
        create: { title: "Guía", kind: "link", url: "https://example.org/guia", position: 0 },
      },
    },
    include: { materials: true },
  });
}

/** Valid course form fields (dates around today). */
export function courseFields(overrides: Record<string, string> = {}): Record<string, string> {
  const day = (offset: number) =>
    new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);
  return {
    _form: "course",
    titleEs: "Respuesta a delitos ambientales",
    titleEn: "Responding to environmental crimes",
    descriptionEs: "Cómo documentar y denunciar.",
    topic: "crimes",
    startDate: day(5),
    endDate: day(60),
    completionPercent: "75",
    enrolmentOpen: "on",
    capacity: "25",
    ...overrides,
  };
}

/** A multipart upload request with one file, as a browser sends it. */
export function uploadRequest(
  path: string,
  file: { bytes: Uint8Array<ArrayBuffer>; name: string; type?: string } | null,
  fields: Record<string, string> = {},
): Request {
  const form = new FormData();
  form.set("_form", "upload");
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file) {
    form.set("file", new File([file.bytes], file.name, { type: file.type ?? "application/pdf" }));
  }
  return new Request(`http://localhost${path}`, { method: "POST", body: form });
}

/** The smallest real-looking PDF: its signature and a little body. */
export function pdfBytes(size = 2000): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size).fill(0x20);
  bytes.set(new TextEncoder().encode("%PDF-1.4\n"), 0);
  return bytes;
}

export { sendRequest } from "~/test/routes";
