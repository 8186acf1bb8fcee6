import { randomBytes } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { recordAudit } from "~/audit/audit.server";
import { forbidden, notFound } from "~/auth/guards.server";
import type { AuthUser } from "~/auth/session.server";
import { containsText, db, type DbClient } from "~/db.server";
import { type Outcome, ok, refuse, refuseForm } from "~/forms/outcome";
import { pageOf } from "~/http/pagination";
import { formatDate } from "~/i18n/format";
import { lockRow } from "~/row-lock.server";
import { searchWords } from "~/text/searchable";
import { courseActorOf, getCourse, type Course } from "./courses.server";
import { canManageCourse, canRevokeCertificates } from "./permissions";
import { allProgress, mayReceiveCertificate } from "./progress.server";

/*
 * Verification codes: 128 random bits (crypto.randomBytes) written in base 32 (RFC 4648
 * alphabet, no padding: 26 characters) and grouped for reading aloud or typing. Anyone
 * holding the code may verify the certificate, so it must not be guessable or enumerable.
 */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const CODE_CHARS = 26;
const GROUPS = [5, 5, 5, 5, 6];

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function group(chars: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of GROUPS) {
    parts.push(chars.slice(at, at + size));
    at += size;
  }
  return parts.join("-");
}

/** A new verification code, e.g. "K7Q2M-ZP4XA-…". */
export function newCertificateCode(): string {
  return group(base32(randomBytes(16)));
}

/**
 * The stored form of a code someone typed (any case, with or without dashes or spaces),
 * or null when it cannot be one. Unknown and malformed codes get the same answer.
 */
export function normalizeCode(input: string): string | null {
  const chars = input
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .slice(0, CODE_CHARS + 1);
  if (!new RegExp(`^[${ALPHABET}]{${CODE_CHARS}}$`).test(chars)) return null;
  return group(chars);
}

/** People a page on the confirmation of a close, in each of its two lists. */
export const CLOSING_PAGE_SIZE = 50;

/**
 * Who will receive a certificate if the course is closed now, and who will not: both counted,
 * each listed a page at a time (`pages.qualifying`, `pages.others`). The completion rule is
 * worked out for everyone (it is what closing will issue), but only two pages are sent.
 */
export async function closingPreview(
  course: Parameters<typeof allProgress>[0],
  pages: { qualifying?: number; others?: number } = {},
  pageSize = CLOSING_PAGE_SIZE,
) {
  const { sessions, rows } = await allProgress(course);
  const listed = (people: typeof rows, requested = 1) => {
    const page = pageOf(requested, people.length, pageSize);
    return { ...page, people: people.slice(page.skip, page.skip + page.take) };
  };
  return {
    heldSessions: sessions.filter((s) => s.status === "held").length,
    scheduledSessions: sessions.filter((s) => s.status === "scheduled").length,
    qualifying: listed(rows.filter(mayReceiveCertificate), pages.qualifying),
    others: listed(
      rows.filter((r) => !mayReceiveCertificate(r)),
      pages.others,
    ),
  };
}

/**
 * Closes a published course and, in the same transaction, issues a certificate to everyone
 * who meets the completion rule. Attendance is frozen from then on (the sessions' attendance
 * window reads course.status).
 */
export async function closeCourse(
  actor: AuthUser,
  courseId: string,
): Promise<Outcome<{ issued: string[] }>> {
  return db.$transaction(async (tx) => {
    // Edits of the course's content take turns with its close (courseEditableNow).
    await lockRow(tx, "Course", courseId);
    const course = await getCourse(courseId, tx);
    const who = await courseActorOf(actor, course, tx);
    if (!who || !canManageCourse(who)) forbidden();
    return closeCourseIn(tx, actor, course, new Date());
  });
}

/**
 * The close itself, inside the caller's transaction, for someone already allowed to close
 * it (the action above; the demo content closes its finished course at a past date).
 */
export async function closeCourseIn(
  tx: DbClient,
  actor: { id: string },
  course: Course,
  now: Date,
): Promise<Outcome<{ issued: string[] }>> {
  if (course.status === "closed") return refuseForm("certificates:close.alreadyClosed");
  if (course.status !== "published") return refuseForm("certificates:close.notPublished");
  const { rows } = await allProgress(course, tx);
  await tx.course.update({
    where: { id: course.id },
    data: { status: "closed", closedAt: now, closedById: actor.id },
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "course.closed",
    entityType: "Course",
    entityId: course.id,
    platformId: course.platformId,
  });
  const issued: string[] = [];
  for (const row of rows.filter(mayReceiveCertificate)) {
    const certificate = await tx.certificate.create({
      data: {
        code: newCertificateCode(),
        courseId: course.id,
        participantId: row.participantId,
        name: row.name,
        hours: row.completion.hours,
        attended: row.completion.attended,
        counted: row.completion.counted,
        issuedAt: now,
        issuedById: actor.id,
      },
    });
    issued.push(certificate.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "certificate.issued",
      entityType: "Certificate",
      entityId: certificate.id,
      platformId: course.platformId,
      details: { courseId: course.id, participantId: row.participantId },
    });
  }
  return ok({ issued });
}

const certificateSelect = {
  id: true,
  code: true,
  courseId: true,
  participantId: true,
  name: true,
  hours: true,
  attended: true,
  counted: true,
  issuedAt: true,
  revokedAt: true,
} as const;

/** Certificates a page on the course's list (each with its revoke form). */
export const CERTIFICATES_PAGE_SIZE = 25;

/**
 * A search of a course's certificates: a verification code (any case, dashes or not) finds
 * its certificate; otherwise every word typed is in the holder's name (accents and case
 * aside, through the person's search text; the name on the certificate is kept too).
 */
function certificateSearch(q: string): Prisma.CertificateWhereInput[] {
  const code = normalizeCode(q);
  if (code) return [{ code }];
  return searchWords(q).map((w) => ({
    OR: [{ participant: { searchText: { contains: w } } }, { name: containsText(w) }],
  }));
}

/**
 * One page of the course's certificates by name, searched by name or code, with how many
 * there are and how many of them were revoked, counted by the database.
 */
export async function courseCertificates(
  courseId: string,
  options: { page?: number; q?: string } = {},
  pageSize = CERTIFICATES_PAGE_SIZE,
  client: DbClient = db,
) {
  const where: Prisma.CertificateWhereInput = {
    AND: [{ courseId }, ...certificateSearch(options.q ?? "")],
  };
  const [found, issued, revoked] = await Promise.all([
    client.certificate.count({ where }),
    client.certificate.count({ where: { courseId } }),
    client.certificate.count({ where: { courseId, revokedAt: { not: null } } }),
  ]);
  const page = pageOf(options.page ?? 1, found, pageSize);
  const certificates = await client.certificate.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip: page.skip,
    take: page.take,
    select: { ...certificateSelect, revokeReason: true },
  });
  return { certificates, page, issued, revoked };
}

/** A certificate of a course, scoped by its course, with who may see it; else a 404. */
export async function certificateOfCourse(courseId: string, certificateId: string) {
  const certificate = await db.certificate.findFirst({
    where: { id: certificateId, courseId },
    select: { ...certificateSelect, participant: { select: { userId: true } } },
  });
  if (!certificate) notFound();
  return certificate;
}

/** The certificate a verification code names, or null (unknown and malformed alike). */
export async function certificateByCode(input: string) {
  const code = normalizeCode(input);
  if (!code) return null;
  return db.certificate.findUnique({
    where: { code },
    select: {
      ...certificateSelect,
      course: {
        select: {
          id: true,
          titleEs: true,
          titleEn: true,
          descriptionEs: true,
          descriptionEn: true,
          startDate: true,
          endDate: true,
          timeZone: true,
          platform: { select: { name: true } },
        },
      },
    },
  });
}

/** Names of the people who taught the course: its listed facilitators, then those of its sessions. */
export async function facilitatorNames(courseId: string, client: DbClient = db) {
  const [listed, sessions] = await Promise.all([
    client.courseFacilitator.findMany({
      where: { courseId },
      select: { user: { select: { id: true, name: true } } },
    }),
    client.trainingSession.findMany({
      where: { courseId, status: "held", facilitatorId: { not: null } },
      select: { facilitatorId: true },
    }),
  ]);
  const ids = new Set(listed.map((l) => l.user.id));
  const extra = [...new Set(sessions.map((s) => s.facilitatorId!))].filter((id) => !ids.has(id));
  const others = extra.length
    ? await client.user.findMany({ where: { id: { in: extra } }, select: { name: true } })
    : [];
  return [...listed.map((l) => l.user.name), ...others.map((o) => o.name)].sort((a, b) =>
    a.localeCompare(b),
  );
}

export const REVOKE_REASON_MAX = 500;

/** Revokes a certificate with a reason (coordinators of the platform, administrators). */
export async function revokeCertificate(
  actor: AuthUser,
  courseId: string,
  certificateId: string,
  reason: string,
): Promise<Outcome<{ id: string }>> {
  const text = reason.trim();
  if (!text) return refuse("reason", "certificates:revoke.reasonRequired");
  if (text.length > REVOKE_REASON_MAX) return refuse("reason", "certificates:revoke.reasonTooLong");
  return db.$transaction(async (tx) => {
    const course = await getCourse(courseId, tx);
    const who = await courseActorOf(actor, course, tx);
    if (!who || !canRevokeCertificates(who)) forbidden();
    const certificate = await tx.certificate.findFirst({
      where: { id: certificateId, courseId: course.id },
      select: { id: true, revokedAt: true },
    });
    if (!certificate) notFound();
    if (certificate.revokedAt) return refuseForm("certificates:revoke.alreadyRevoked");
    await tx.certificate.update({
      where: { id: certificate.id },
      data: { revokedAt: new Date(), revokedById: actor.id, revokeReason: text },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "certificate.revoked",
      entityType: "Certificate",
      entityId: certificate.id,
      platformId: course.platformId,
      details: { courseId: course.id },
    });
    return ok({ id: certificate.id });
  });
}

/** A course's local calendar date ("2026-03-02") in words, without shifting it across time zones. */
export function formatLocalDate(date: string, locale: string): string {
  return formatDate(`${date}T12:00:00Z`, locale, "UTC");
}
