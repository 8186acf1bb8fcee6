import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import {
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { recordAudit } from "~/audit/audit.server";
import { notFound } from "~/auth/guards.server";
import type { AuthUser } from "~/auth/session.server";
import { db, type DbClient } from "~/db.server";
import { ok, refuse, refuseForm, type Outcome } from "~/forms/outcome";
import type { LinkInput } from "./catalogue-schemas";
import { courseEditableNow } from "./catalogue.server";
import type { AuditAction } from "~/audit/actions";
import type { Course } from "./courses.server";
import {
  MAX_UPLOAD_BYTES,
  SNIFF_BYTES,
  cleanFileName,
  contentDisposition,
  sniffType,
  type UploadType,
} from "./uploads";

type Actor = Pick<AuthUser, "id">;
type CourseRef = Pick<Course, "id" | "platformId">;

export const MAX_MATERIALS_PER_LESSON = 30;

/** Where uploaded files live: UPLOADS_DIR, or data/uploads beside the app. */
export function uploadsDir(): string {
  return path.resolve(process.env.UPLOADS_DIR || "data/uploads");
}

/** Stored names are random hex made here: anything else is never turned into a path. */
const STORED_NAME = /^[0-9a-f]{48}$/;

function storedPath(storedName: string): string {
  if (!STORED_NAME.test(storedName)) throw new Error("Not a stored file name");
  return path.join(uploadsDir(), storedName);
}

/** Removes stored files (after their rows are gone); a file already missing is fine. */
export async function removeStoredFiles(storedNames: string[]): Promise<void> {
  await Promise.all(
    storedNames.map((name) => rm(storedPath(name), { force: true }).catch(() => undefined)),
  );
}

export interface StoredUpload {
  storedName: string;
  fileName: string;
  contentType: UploadType;
  size: number;
}

export type UploadProblem = "tooLarge" | "wrongType";

/**
 * Receives the file part of a multipart body while it streams: the bytes go to a temporary
 * file under a random name, the size is enforced as they arrive, the type is decided by the
 * first bytes. A refused or interrupted upload leaves nothing behind (the temporary file is
 * removed, and the rest of the part is read and dropped so the page can answer). Only a
 * complete, accepted file is renamed to its final name.
 */
export function createMaterialUpload() {
  let stored: StoredUpload | null = null;
  let problem: UploadProblem | null = null;

  async function drain(data: AsyncIterable<Uint8Array>) {
    for await (const chunk of data) void chunk;
  }

  async function receive(filename: string, data: AsyncIterable<Uint8Array>) {
    const dir = uploadsDir();
    await mkdir(dir, { recursive: true });
    const storedName = randomBytes(24).toString("hex");
    const partPath = path.join(dir, `${storedName}.part`);
    let out: WriteStream | null = createWriteStream(partPath, { flags: "wx" });
    let size = 0;
    let head = new Uint8Array(0);
    let type: UploadType | null = null;
    const stop = async (why: UploadProblem) => {
      problem = why;
      const closing = out!;
      out = null;
      closing.end();
      await finished(closing).catch(() => undefined);
      await rm(partPath, { force: true });
    };
    try {
      for await (const chunk of data) {
        if (!out) continue; // refused: the rest of the part is read and dropped
        size += chunk.byteLength;
        if (size > MAX_UPLOAD_BYTES) {
          await stop("tooLarge");
          continue;
        }
        if (!type && head.length < SNIFF_BYTES) {
          const joined = new Uint8Array(head.length + chunk.byteLength);
          joined.set(head);
          joined.set(chunk, head.length);
          head = joined;
          if (head.length >= SNIFF_BYTES) {
            type = sniffType(head);
            if (!type) {
              await stop("wrongType");
              continue;
            }
          }
        }
        if (!out.write(chunk))
          await new Promise<void>((resolve) => out!.once("drain", () => resolve()));
      }
      if (!out) return;
      // Shorter than any signature we need: decide on what arrived.
      if (!type) type = sniffType(head);
      if (!type || size === 0) {
        await stop("wrongType");
        return;
      }
      const finishing = out;
      out = null;
      finishing.end();
      await finished(finishing);
      await rename(partPath, path.join(dir, storedName));
      stored = { storedName, fileName: cleanFileName(filename, type), contentType: type, size };
    } finally {
      if (out) {
        // Interrupted (the connection dropped, the body was cut): nothing half-written stays.
        const closing: WriteStream = out;
        closing.destroy();
        await rm(partPath, { force: true });
      }
    }
  }

  return {
    /** For unstable_parseMultipartFormData: takes the "file" part, leaves the rest to others. */
    handler: async (part: {
      name: string;
      filename?: string;
      data: AsyncIterable<Uint8Array>;
    }): Promise<string | undefined> => {
      if (part.name !== "file" || part.filename === undefined) return undefined;
      // An empty file input still sends a part without a name; one file per form.
      if (!part.filename || stored || problem) {
        await drain(part.data);
        return undefined;
      }
      await receive(part.filename, part.data);
      return stored ? "received" : undefined;
    },
    get stored(): StoredUpload | null {
      return stored;
    },
    get problem(): UploadProblem | null {
      return problem;
    },
    /** Removes an accepted file that will not be used after all (the form was refused). */
    async discard() {
      if (stored) await removeStoredFiles([stored.storedName]);
      stored = null;
    },
  };
}
export type MaterialUpload = ReturnType<typeof createMaterialUpload>;

async function nextPosition(tx: DbClient, lessonId: string): Promise<number | null> {
  const count = await tx.material.count({ where: { lessonId } });
  if (count >= MAX_MATERIALS_PER_LESSON) return null;
  const last = await tx.material.aggregate({ where: { lessonId }, _max: { position: true } });
  return (last._max.position ?? -1) + 1;
}

async function lessonOf(tx: DbClient, course: CourseRef, lessonId: string) {
  const lesson = await tx.lesson.findFirst({ where: { id: lessonId, courseId: course.id } });
  if (!lesson) notFound();
  return lesson;
}

function auditMaterial(
  tx: DbClient,
  actor: Actor,
  course: CourseRef,
  action: AuditAction,
  details: Record<string, unknown>,
) {
  return recordAudit(tx, {
    actorId: actor.id,
    action,
    entityType: "Course",
    entityId: course.id,
    platformId: course.platformId,
    details,
  });
}

export async function addLinkMaterial(
  actor: Actor,
  course: CourseRef,
  lessonId: string,
  input: LinkInput,
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    if (!(await courseEditableNow(tx, course.id))) return refuseForm("courses:errors.closed");
    await lessonOf(tx, course, lessonId);
    const position = await nextPosition(tx, lessonId);
    if (position === null) return refuse("url", "courses:errors.tooManyMaterials");
    const material = await tx.material.create({
      data: { lessonId, position, title: input.title, kind: "link", url: input.url },
    });
    await auditMaterial(tx, actor, course, "course.materialAdded", {
      lessonId,
      materialId: material.id,
    });
    return ok(null);
  });
}

/**
 * Records an uploaded file as a material. The file is already complete on disk; if the
 * row cannot be written the file is removed, so disk and database never disagree.
 */
export async function addFileMaterial(
  actor: Actor,
  course: CourseRef,
  lessonId: string,
  upload: StoredUpload,
  title: string | undefined,
): Promise<Outcome<null>> {
  try {
    // A refusal (a closed course, too many materials) removes the file below.
    const outcome = await db.$transaction(async (tx): Promise<Outcome<null>> => {
      if (!(await courseEditableNow(tx, course.id))) return refuseForm("courses:errors.closed");
      await lessonOf(tx, course, lessonId);
      const position = await nextPosition(tx, lessonId);
      if (position === null) return refuse("file", "courses:errors.tooManyMaterials");
      const material = await tx.material.create({
        data: {
          lessonId,
          position,
          title: title || upload.fileName,
          kind: "file",
          storedName: upload.storedName,
          fileName: upload.fileName,
          contentType: upload.contentType,
          size: upload.size,
        },
      });
      await auditMaterial(tx, actor, course, "course.materialAdded", {
        lessonId,
        materialId: material.id,
      });
      return ok(null);
    });
    if (!outcome.ok) await removeStoredFiles([upload.storedName]);
    return outcome;
  } catch (error) {
    await removeStoredFiles([upload.storedName]);
    throw error;
  }
}

/** Deletes a material of this lesson; its file goes once the row is gone. */
export async function deleteMaterial(
  actor: Actor,
  course: CourseRef,
  lessonId: string,
  materialId: string,
): Promise<Outcome<null>> {
  const deleted = await db.$transaction(async (tx) => {
    if (!(await courseEditableNow(tx, course.id))) return null;
    const material = await tx.material.findFirst({
      where: { id: materialId, lessonId, lesson: { courseId: course.id } },
    });
    if (!material) notFound();
    await tx.material.delete({ where: { id: material.id } });
    await auditMaterial(tx, actor, course, "course.materialDeleted", {
      lessonId,
      materialId,
    });
    return { storedName: material.storedName };
  });
  if (!deleted) return refuseForm("courses:errors.closed");
  if (deleted.storedName) await removeStoredFiles([deleted.storedName]);
  return ok(null);
}

/**
 * A stored file as a download: its recorded type, its cleaned name, and headers that keep
 * any browser from sniffing or running it (nosniff, a sandboxing CSP).
 */
export async function materialDownload(courseId: string, materialId: string): Promise<Response> {
  const material = await db.material.findFirst({
    where: { id: materialId, kind: "file", lesson: { courseId } },
  });
  if (!material?.storedName || !material.contentType) notFound();
  const file = storedPath(material.storedName);
  const size = await stat(file).then(
    (s) => s.size,
    () => null,
  );
  if (size === null) notFound();
  const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: {
      "Content-Type": material.contentType,
      "Content-Length": String(size),
      "Content-Disposition": contentDisposition(material.fileName ?? "material"),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-cache",
    },
  });
}

/** Text fields of the upload form are small; anything bigger is not a form of ours. */
const MAX_TEXT_PART_BYTES = 64 * 1024;
const MAX_PARTS = 20;

/**
 * Reads the upload form as it streams: the file part through `createMaterialUpload`, the
 * other fields into memory (bounded). `formData` is null when the body could not be read;
 * whatever was stored is then already removed.
 */
export async function readUploadForm(
  request: Request,
): Promise<{ formData: FormData | null; upload: MaterialUpload }> {
  const upload = createMaterialUpload();
  const handle = unstable_composeUploadHandlers(
    upload.handler,
    unstable_createMemoryUploadHandler({ maxPartSize: MAX_TEXT_PART_BYTES }),
  );
  let parts = 0;
  try {
    const formData = await unstable_parseMultipartFormData(request, (part) => {
      parts += 1;
      if (parts > MAX_PARTS) throw new Error("Too many form fields");
      return handle(part);
    });
    return { formData, upload };
  } catch {
    await upload.discard();
    return { formData: null, upload };
  }
}
