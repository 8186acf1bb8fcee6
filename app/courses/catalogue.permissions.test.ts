import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { db } from "~/db.server";
import * as catalogueRoute from "~/routes/courses._index";
import * as newCourseRoute from "~/routes/courses.new";
import * as courseRoute from "~/routes/courses.$courseId._index";
import * as editRoute from "~/routes/courses.$courseId.edit";
import * as lessonsRoute from "~/routes/courses.$courseId.lessons._index";
import * as lessonRoute from "~/routes/courses.$courseId.lessons.$lessonId._index";
import * as materialsRoute from "~/routes/courses.$courseId.lessons.$lessonId.materials";
import * as downloadRoute from "~/routes/courses.$courseId.materials.$materialId";
import { type CallResult, getPage, isDenied, postForm } from "~/test/routes";
import {
  COURSE_MANAGERS,
  COURSE_ROLES,
  type CourseRole,
  type CourseWorld,
  courseFields,
  courseIn,
  lessonIn,
  makeCourseWorld,
  pdfBytes,
  sendRequest,
  uploadRequest,
} from "./catalogue.fixtures";

type Run = (w: CourseWorld, role: CourseRole) => Promise<CallResult>;

let uploads: string;
beforeAll(() => {
  uploads = mkdtempSync(path.join(tmpdir(), "minga-uploads-"));
  process.env.UPLOADS_DIR = uploads;
});
afterAll(() => rmSync(uploads, { recursive: true, force: true }));

/** Facilitators and coordinators of some platform, and administrators. */
const CREATORS_ANYWHERE: CourseRole[] = [
  "facilitator",
  "coordinator",
  "admin",
  "otherFacilitator",
  "otherCoordinator",
];
const PLATFORM_CREATORS: CourseRole[] = ["facilitator", "coordinator", "admin"];

const ACTIONS: { name: string; allowed: CourseRole[]; draft?: boolean; run: Run }[] = [
  {
    name: "create a course on the platform",
    allowed: PLATFORM_CREATORS,
    run: (w, r) =>
      postForm(
        newCourseRoute.action,
        `/courses/new?platform=${w.platform.slug}`,
        {},
        w.users[r],
        courseFields(),
      ),
  },
  {
    name: "create a portal-wide course",
    allowed: ["admin"],
    run: (w, r) =>
      postForm(
        newCourseRoute.action,
        "/courses/new?platform=none",
        {},
        w.users[r],
        courseFields({ timeZone: "America/Lima" }),
      ),
  },
  {
    name: "edit a course",
    allowed: COURSE_MANAGERS,
    run: async (w, r) => {
      const c = await courseIn(w);
      return postForm(editRoute.action, `/courses/${c.id}/edit`, { courseId: c.id }, w.users[r], {
        ...courseFields(),
        intent: "update",
      });
    },
  },
  {
    name: "publish a course",
    allowed: COURSE_MANAGERS,
    draft: true,
    run: async (w, r) => {
      const c = await courseIn(w, { status: "draft" });
      return postForm(editRoute.action, `/courses/${c.id}/edit`, { courseId: c.id }, w.users[r], {
        _form: "publish",
        intent: "publish",
      });
    },
  },
  {
    // Published with nobody enrolled (with enrolments the rule says no): back to a draft.
    name: "unpublish a course",
    allowed: COURSE_MANAGERS,
    run: async (w, r) => {
      const c = await courseIn(w);
      return postForm(editRoute.action, `/courses/${c.id}/edit`, { courseId: c.id }, w.users[r], {
        _form: "publish",
        intent: "unpublish",
      });
    },
  },
  {
    name: "add a lesson",
    allowed: COURSE_MANAGERS,
    run: async (w, r) => {
      const c = await courseIn(w);
      return postForm(
        lessonsRoute.action,
        `/courses/${c.id}/lessons`,
        { courseId: c.id },
        w.users[r],
        { _form: "lesson", intent: "add", title: "Lección", body: "Texto" },
      );
    },
  },
  {
    name: "move a lesson up",
    allowed: COURSE_MANAGERS,
    run: async (w, r) => {
      const c = await courseIn(w);
      await lessonIn(c.id, 0);
      const second = await lessonIn(c.id, 1);
      return postForm(
        lessonsRoute.action,
        `/courses/${c.id}/lessons`,
        { courseId: c.id },
        w.users[r],
        { intent: "up", lessonId: second.id },
      );
    },
  },
  {
    name: "move a lesson down",
    allowed: COURSE_MANAGERS,
    run: async (w, r) => {
      const c = await courseIn(w);
      const first = await lessonIn(c.id, 0);
      await lessonIn(c.id, 1);
      return postForm(
        lessonsRoute.action,
        `/courses/${c.id}/lessons`,
        { courseId: c.id },
        w.users[r],
        { intent: "down", lessonId: first.id },
      );
    },
  },
  {
    name: "delete a lesson",
    allowed: COURSE_MANAGERS,
    run: async (w, r) => {
      const c = await courseIn(w);
      const l = await lessonIn(c.id);
      return postForm(
        lessonsRoute.action,
        `/courses/${c.id}/lessons`,
        { courseId: c.id },
        w.users[r],
        { intent: "delete", lessonId: l.id },
      );
    },
  },
  {
    name: "edit a lesson",
    allowed: COURSE_MANAGERS,
    run: async (w, r) => {
      const c = await courseIn(w);
      const l = await lessonIn(c.id);
      return postForm(
        lessonRoute.action,
        `/courses/${c.id}/lessons/${l.id}`,
        { courseId: c.id, lessonId: l.id },
        w.users[r],
        { _form: "lesson", title: "Nuevo título", body: "Nuevo texto" },
      );
    },
  },
  {
    name: "add a link material",
    allowed: COURSE_MANAGERS,
    run: async (w, r) => {
      const c = await courseIn(w);
      const l = await lessonIn(c.id);
      return postForm(
        materialsRoute.action,
        `/courses/${c.id}/lessons/${l.id}/materials`,
        { courseId: c.id, lessonId: l.id },
        w.users[r],
        { _form: "link", intent: "link", title: "Mapa", url: "https://example.org/mapa" },
      );
    },
  },
  {
    name: "delete a material",
    allowed: COURSE_MANAGERS,
    run: async (w, r) => {
      const c = await courseIn(w);
      const l = await lessonIn(c.id);
      return postForm(
        materialsRoute.action,
        `/courses/${c.id}/lessons/${l.id}/materials`,
        { courseId: c.id, lessonId: l.id },
        w.users[r],
        { intent: "delete", materialId: l.materials[0]!.id },
      );
    },
  },
  {
    name: "upload a file material",
    allowed: COURSE_MANAGERS,
    run: async (w, r) => {
      const c = await courseIn(w);
      const l = await lessonIn(c.id);
      const p = `/courses/${c.id}/lessons/${l.id}/materials`;
      return sendRequest(
        materialsRoute.action,
        uploadRequest(p, { bytes: pdfBytes(), name: "guia.pdf" }),
        { courseId: c.id, lessonId: l.id },
        w.users[r],
      );
    },
  },
];

describe("course catalogue permission matrix: actions × roles", () => {
  let world: CourseWorld;
  beforeAll(async () => {
    world = await makeCourseWorld();
  });
  for (const action of ACTIONS) {
    for (const role of COURSE_ROLES) {
      const allowed = action.allowed.includes(role);
      it(`${action.name} — ${role}: ${allowed ? "allowed" : "denied"}`, async () => {
        const auditBefore = await db.auditEvent.count();
        const result = await action.run(world, role);
        if (allowed) {
          expect(result.status, JSON.stringify(result.body)).toBe(302);
          expect(await db.auditEvent.count()).toBe(auditBefore + 1);
        } else {
          expect(isDenied(result), JSON.stringify(result)).toBe(true);
          if (role === "anonymous") expect(result.location).toMatch(/^\/login\?redirectTo=/);
          // A draft does not exist for those who may not see it.
          else expect(result.status).toBe(action.draft ? 404 : 403);
          expect(await db.auditEvent.count()).toBe(auditBefore);
        }
      });
    }
  }
});

const PAGES: { name: string; allowed: CourseRole[] | "all"; draft?: boolean; run: Run }[] = [
  {
    name: "catalogue",
    allowed: "all",
    run: (w, r) => getPage(catalogueRoute.loader, "/courses", {}, w.users[r]),
  },
  {
    name: "new course page",
    allowed: CREATORS_ANYWHERE,
    run: (w, r) => getPage(newCourseRoute.loader, "/courses/new", {}, w.users[r]),
  },
  {
    name: "published course page",
    allowed: "all",
    run: async (w, r) => {
      const c = await courseIn(w);
      return getPage(courseRoute.loader, `/courses/${c.id}`, { courseId: c.id }, w.users[r]);
    },
  },
  {
    name: "draft course page",
    allowed: COURSE_MANAGERS,
    draft: true,
    run: async (w, r) => {
      const c = await courseIn(w, { status: "draft" });
      return getPage(courseRoute.loader, `/courses/${c.id}`, { courseId: c.id }, w.users[r]);
    },
  },
  {
    name: "edit page",
    allowed: COURSE_MANAGERS,
    run: async (w, r) => {
      const c = await courseIn(w);
      return getPage(editRoute.loader, `/courses/${c.id}/edit`, { courseId: c.id }, w.users[r]);
    },
  },
  {
    name: "draft's edit page",
    allowed: COURSE_MANAGERS,
    draft: true,
    run: async (w, r) => {
      const c = await courseIn(w, { status: "draft" });
      return getPage(editRoute.loader, `/courses/${c.id}/edit`, { courseId: c.id }, w.users[r]);
    },
  },
  {
    name: "lessons page",
    allowed: COURSE_MANAGERS,
    run: async (w, r) => {
      const c = await courseIn(w);
      return getPage(
        lessonsRoute.loader,
        `/courses/${c.id}/lessons`,
        { courseId: c.id },
        w.users[r],
      );
    },
  },
  {
    name: "lesson page",
    allowed: COURSE_MANAGERS,
    run: async (w, r) => {
      const c = await courseIn(w);
      const l = await lessonIn(c.id);
      return getPage(
        lessonRoute.loader,
        `/courses/${c.id}/lessons/${l.id}`,
        { courseId: c.id, lessonId: l.id },
        w.users[r],
      );
    },
  },
  {
    name: "materials page",
    allowed: COURSE_MANAGERS,
    run: async (w, r) => {
      const c = await courseIn(w);
      const l = await lessonIn(c.id);
      return getPage(
        materialsRoute.loader,
        `/courses/${c.id}/lessons/${l.id}/materials`,
        { courseId: c.id, lessonId: l.id },
        w.users[r],
      );
    },
  },
  {
    name: "a published course's file",
    allowed: "all",
    run: async (w, r) => fileOf(w, r, "published"),
  },
  {
    name: "a draft's file",
    allowed: COURSE_MANAGERS,
    draft: true,
    run: async (w, r) => fileOf(w, r, "draft"),
  },
];

/** A course with one uploaded PDF (through the real upload route), fetched as `role`. */
async function fileOf(w: CourseWorld, role: CourseRole, status: string) {
  const c = await courseIn(w, { status });
  const l = await lessonIn(c.id);
  const p = `/courses/${c.id}/lessons/${l.id}/materials`;
  const sent = await sendRequest(
    materialsRoute.action,
    uploadRequest(p, { bytes: pdfBytes(), name: "guia.pdf" }),
    { courseId: c.id, lessonId: l.id },
    w.users.admin,
  );
  expect(sent.status).toBe(302);
  const m = await db.material.findFirstOrThrow({ where: { lessonId: l.id, kind: "file" } });
  return getPage(
    downloadRoute.loader,
    `/courses/${c.id}/materials/${m.id}`,
    { courseId: c.id, materialId: m.id },
    w.users[role],
  );
}

describe("course catalogue permission matrix: pages × roles", () => {
  let world: CourseWorld;
  beforeAll(async () => {
    world = await makeCourseWorld();
  });
  for (const page of PAGES) {
    for (const role of COURSE_ROLES) {
      const allowed = page.allowed === "all" || page.allowed.includes(role);
      it(`${page.name} — ${role}: ${allowed ? "shown" : "refused"}`, async () => {
        const result = await page.run(world, role);
        if (allowed) expect(result.status).toBe(200);
        else {
          expect(isDenied(result), JSON.stringify(result)).toBe(true);
          // Drafts do not exist for signed-in people who cannot see them.
          if (page.draft && role !== "anonymous") expect(result.status).toBe(404);
        }
      });
    }
  }
});
