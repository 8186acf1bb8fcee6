import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { db } from "~/db.server";
import * as materialsRoute from "~/routes/courses.$courseId.lessons.$lessonId.materials";
import * as downloadRoute from "~/routes/courses.$courseId.materials.$materialId";
import * as lessonsRoute from "~/routes/courses.$courseId.lessons._index";
import { getPage, postForm } from "~/test/routes";
import {
  type CourseWorld,
  courseIn,
  lessonIn,
  makeCourseWorld,
  pdfBytes,
  sendRequest,
  uploadRequest,
} from "./catalogue.fixtures";
import { addLesson, deleteLesson, moveLesson, updateLesson } from "./lessons.server";
import { addLinkMaterial, deleteMaterial } from "./materials.server";
import { MAX_UPLOAD_BYTES } from "./uploads";

let w: CourseWorld;
let uploads: string;
beforeAll(async () => {
  // A folder that does not exist yet: the first upload creates it.
  uploads = path.join(mkdtempSync(path.join(tmpdir(), "minga-test-")), "nested", "uploads");
  process.env.UPLOADS_DIR = uploads;
  w = await makeCourseWorld();
});
afterAll(() => rmSync(path.dirname(path.dirname(uploads)), { recursive: true, force: true }));

const onDisk = () => {
  try {
    return readdirSync(uploads);
  } catch {
    return [];
  }
};

type Reply = { result?: { error?: Record<string, string[]> } };

async function setup() {
  const course = await courseIn(w);
  const lesson = await lessonIn(course.id);
  const params = { courseId: course.id, lessonId: lesson.id };
  const path = `/courses/${course.id}/lessons/${lesson.id}/materials`;
  const upload = (
    file: { bytes: Uint8Array<ArrayBuffer>; name: string; type?: string } | null,
    fields: Record<string, string> = {},
  ) =>
    sendRequest(
      materialsRoute.action,
      uploadRequest(path, file, fields),
      params,
      w.users.facilitator,
    );
  const download = (materialId: string, user = w.users.anonymous) =>
    downloadRoute.loader({
      request: new Request(`http://localhost/courses/${course.id}/materials/${materialId}`),
      params: { courseId: course.id, materialId },
      context: { user, session: null, cspNonce: "", clientIp: "127.0.0.1" },
    });
  return { course, lesson, params, path, upload, download };
}

const files = (lessonId: string) => db.material.findMany({ where: { lessonId, kind: "file" } });

describe("uploading materials", () => {
  it("stores a PDF under a random name and serves it with safe headers and its name", async () => {
    const { lesson, upload, download } = await setup();
    const bytes = pdfBytes(5000);
    const result = await upload(
      { bytes, name: "../../Guía de campo (v2).pdf", type: "text/html" },
      { title: "Guía" },
    );
    expect(result.status).toBe(302);
    const [material] = await files(lesson.id);
    expect(material).toMatchObject({
      title: "Guía",
      fileName: "Guía de campo (v2).pdf",
      contentType: "application/pdf",
      size: 5000,
    });
    expect(material!.storedName).toMatch(/^[0-9a-f]{48}$/);
    expect(onDisk()).toContain(material!.storedName);
    expect(readFileSync(path.join(uploads, material!.storedName!))).toEqual(Buffer.from(bytes));

    const response = await download(material!.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Length")).toBe("5000");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Content-Security-Policy")).toMatch(/\bsandbox\b/);
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="Guia de campo (v2).pdf"; filename*=UTF-8''Gu%C3%ADa%20de%20campo%20%28v2%29.pdf`,
    );
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from(bytes));
  });

  it("refuses a file over 10 MB beside the field and leaves nothing on disk", async () => {
    const { lesson, upload } = await setup();
    const before = onDisk();
    const result = await upload({ bytes: pdfBytes(MAX_UPLOAD_BYTES + 1), name: "grande.pdf" });
    expect(result.status).toBe(400);
    expect((result.body as Reply).result?.error?.file).toEqual(["courses:errors.tooLarge"]);
    expect(await files(lesson.id)).toHaveLength(0);
    expect(onDisk()).toEqual(before);
  });

  it("accepts a file of exactly 10 MB", async () => {
    const { lesson, upload } = await setup();
    const result = await upload({ bytes: pdfBytes(MAX_UPLOAD_BYTES), name: "justo.pdf" });
    expect(result.status).toBe(302);
    expect((await files(lesson.id))[0]!.size).toBe(MAX_UPLOAD_BYTES);
  });

  it.each([
    [
      "an SVG",
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      "a.svg",
      "image/svg+xml",
    ],
    [
      "HTML claiming to be a PDF",
      "<html><script>alert(1)</script></html>",
      "a.pdf",
      "application/pdf",
    ],
    ["a text file named .png", "hola mundo, no soy una imagen", "foto.png", "image/png"],
    ["an empty file", "", "vacio.pdf", "application/pdf"],
  ])("refuses %s by its bytes, nothing left behind", async (_name, text, name, type) => {
    const { lesson, upload } = await setup();
    const before = onDisk();
    const result = await upload({
      bytes: new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>,
      name,
      type,
    });
    expect(result.status).toBe(400);
    expect((result.body as Reply).result?.error?.file).toEqual(["courses:errors.wrongType"]);
    expect(await files(lesson.id)).toHaveLength(0);
    expect(onDisk()).toEqual(before);
  });

  it("takes a PNG whatever the browser claims, offering a .png name", async () => {
    const { lesson, upload, download } = await setup();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2]);
    const result = await upload({ bytes: png, name: "mapa.exe", type: "application/x-msdownload" });
    expect(result.status).toBe(302);
    const [m] = await files(lesson.id);
    expect(m).toMatchObject({ contentType: "image/png", fileName: "mapa.png" });
    expect((await download(m!.id)).headers.get("Content-Type")).toBe("image/png");
  });

  it("a refused title removes the file that had already arrived", async () => {
    const { lesson, upload } = await setup();
    const before = onDisk();
    const result = await upload({ bytes: pdfBytes(), name: "a.pdf" }, { title: "x".repeat(201) });
    expect(result.status).toBe(400);
    expect((result.body as Reply).result?.error?.title).toEqual(["validation.tooLong|max=200"]);
    expect(await files(lesson.id)).toHaveLength(0);
    expect(onDisk()).toEqual(before);
  });

  it("asks for a file when none was chosen", async () => {
    const { upload } = await setup();
    const result = await upload(null, { title: "Sin archivo" });
    expect(result.status).toBe(400);
    expect((result.body as Reply).result?.error?.file).toEqual(["validation.required"]);
  });

  it("stores nothing for a closed course", async () => {
    const course = await courseIn(w, { status: "closed" });
    const lesson = await lessonIn(course.id);
    const before = onDisk();
    const p = `/courses/${course.id}/lessons/${lesson.id}/materials`;
    const result = await sendRequest(
      materialsRoute.action,
      uploadRequest(p, { bytes: pdfBytes(), name: "a.pdf" }),
      { courseId: course.id, lessonId: lesson.id },
      w.users.coordinator,
    );
    expect(result.status).toBe(400);
    expect(onDisk()).toEqual(before);
  });

  it("deleting a material, or its lesson, removes the file from disk", async () => {
    const { lesson, course, upload, params, path: here } = await setup();
    await upload({ bytes: pdfBytes(), name: "uno.pdf" });
    await upload({ bytes: pdfBytes(), name: "dos.pdf" });
    const [one, two] = await files(lesson.id);
    const manager = await getPage(
      lessonsRoute.loader,
      `/courses/${course.id}/lessons`,
      { courseId: course.id },
      w.users.facilitator,
    );
    const listed = (manager.body as { lessons: { id: string; materials: number }[] }).lessons;
    // The manager's list counts the lesson's materials: the fixture's link and the two files.
    expect(listed.find((l) => l.id === lesson.id)?.materials).toBe(3);
    const removed = await postForm(materialsRoute.action, here, params, w.users.facilitator, {
      intent: "delete",
      materialId: one!.id,
    });
    expect(removed.status).toBe(302);
    expect(onDisk()).not.toContain(one!.storedName);
    expect(onDisk()).toContain(two!.storedName);
    await postForm(
      lessonsRoute.action,
      `/courses/${course.id}/lessons`,
      { courseId: course.id },
      w.users.facilitator,
      { intent: "delete", lessonId: lesson.id },
    );
    expect(onDisk()).not.toContain(two!.storedName);
    expect(await db.material.count({ where: { lessonId: lesson.id } })).toBe(0);
  });

  it("a material id from another course is a 404", async () => {
    const a = await setup();
    const b = await setup();
    await b.upload({ bytes: pdfBytes(), name: "b.pdf" });
    const [m] = await files(b.lesson.id);
    await expect(a.download(m!.id)).rejects.toMatchObject({ status: 404 });
  });

  it("links must be http or https", async () => {
    const { lesson, params, path: here } = await setup();
    const send = (url: string) =>
      postForm(materialsRoute.action, here, params, w.users.facilitator, {
        _form: "link",
        intent: "link",
        title: "Enlace",
        url,
      });
    const bad = await send("javascript:alert(1)");
    expect((bad.body as Reply).result?.error?.url).toEqual(["validation.url"]);
    expect((await send("https://example.org/a")).status).toBe(302);
    expect(await db.material.count({ where: { lessonId: lesson.id, kind: "link" } })).toBe(2);
  });
});

describe("a course closed while its content was being changed", () => {
  it("refuses the change inside its transaction, whatever the page read before: nothing written", async () => {
    const course = await courseIn(w);
    const lesson = await lessonIn(course.id);
    const second = await lessonIn(course.id, 1);
    const actor = w.users.courseFacilitator!;
    // What the route read before the close: the course still open.
    const asRead = { id: course.id, platformId: course.platformId, status: course.status };
    const link = { title: "Guía", url: "https://example.org/guia" };
    expect((await addLinkMaterial(actor, asRead, lesson.id, link)).ok).toBe(true);
    const material = await db.material.findFirstOrThrow({ where: { lessonId: lesson.id } });
    await db.course.update({ where: { id: course.id }, data: { status: "closed" } });
    const audited = await db.auditEvent.count({ where: { entityId: course.id } });
    const content = () =>
      db.lesson.findMany({
        where: { courseId: course.id },
        orderBy: { position: "asc" },
        include: { materials: { orderBy: { id: "asc" } } },
      });
    const before = await content();
    expect(before.map((l) => l.id)).toEqual([lesson.id, second.id]);
    const closed = { ok: false, fieldErrors: {}, formErrors: ["courses:errors.closed"] };

    expect(await addLesson(actor, asRead, { title: "Nueva", body: "" })).toEqual(closed);
    expect(await updateLesson(actor, asRead, lesson.id, { title: "Otra", body: "" })).toEqual(
      closed,
    );
    expect(await moveLesson(actor, asRead, second.id, "up")).toEqual(closed);
    expect(await deleteLesson(actor, asRead, second.id)).toEqual(closed);
    expect(await addLinkMaterial(actor, asRead, lesson.id, link)).toEqual(closed);
    expect(await deleteMaterial(actor, asRead, lesson.id, material.id)).toEqual(closed);

    expect(await content()).toEqual(before);
    expect(await db.auditEvent.count({ where: { entityId: course.id } })).toBe(audited);
  });
});
