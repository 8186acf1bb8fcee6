import { recordAudit } from "~/audit/audit.server";
import { notFound } from "~/auth/guards.server";
import type { Platform as PlatformRow } from "@prisma/client";
import { readCount, readRow, readRows } from "~/db-read.server";
import { db, isUniqueViolation, sqlBuilders } from "~/db.server";
import { ok, refuse, type Outcome } from "~/forms/outcome";
import type { PlatformInput } from "./schemas";

export interface PlatformSummary {
  id: string;
  slug: string;
  name: string;
  description: string;
  country: string;
  region: string;
  timeZone: string;
  activeMembers: number;
}

/** The description in the reader's language; Spanish when there is none in theirs. */
export function localizedDescription(
  platform: { descriptionEs: string; descriptionEn: string },
  locale: string,
): string {
  if (locale === "en" && platform.descriptionEn) return platform.descriptionEn;
  return platform.descriptionEs;
}

export async function countActiveMembers(platformId: string): Promise<number> {
  const { sql } = sqlBuilders();
  return await readCount(
    db,
    sql`SELECT COUNT(*) AS "n" FROM "Membership" WHERE "platformId" = ${platformId} AND "status" = 'active'`,
  );
}

export async function listPlatforms(locale: string): Promise<PlatformSummary[]> {
  // The home page: each platform's members counted on the (platformId, status) index, in one
  // statement without Prisma (app/db-read.server.ts). Prisma's relation count grouped the
  // whole Membership table on every view.
  const { sql } = sqlBuilders();
  const platforms = await readRows<{
    id: string;
    slug: string;
    name: string;
    descriptionEs: string;
    descriptionEn: string;
    country: string;
    region: string;
    timeZone: string;
    activeMembers: number;
  }>(
    db,
    sql`SELECT p."id", p."slug", p."name", p."descriptionEs", p."descriptionEn", p."country",
      p."region", p."timeZone",
      (SELECT COUNT(*) FROM "Membership" m
        WHERE m."platformId" = p."id" AND m."status" = 'active') AS "activeMembers"
    FROM "Platform" p ORDER BY p."name" ASC, p."id" ASC`,
    { activeMembers: "number" },
  );
  return platforms.map(({ descriptionEs, descriptionEn, ...p }) => ({
    ...p,
    description: localizedDescription({ descriptionEs, descriptionEn }, locale),
  }));
}

/** Every column of a platform: read on every platform page, so without Prisma (db-read). */
export async function findPlatformBySlug(slug: string): Promise<PlatformRow | null> {
  const { sql } = sqlBuilders();
  return readRow<PlatformRow>(
    db,
    sql`SELECT "id", "slug", "name", "descriptionEs", "descriptionEn", "country", "region",
      "timeZone", "quorumPercent", "approvalRule", "nonMembersVoteByHand", "createdAt", "updatedAt"
    FROM "Platform" WHERE "slug" = ${slug}`,
    { nonMembersVoteByHand: "boolean", createdAt: "instant", updatedAt: "instant" },
  );
}

/** The platform named in the URL, or a 404. */
export async function requirePlatform(slug: string | undefined) {
  const platform = slug ? await findPlatformBySlug(slug) : null;
  if (!platform) notFound();
  return platform;
}

export type Platform = NonNullable<Awaited<ReturnType<typeof findPlatformBySlug>>>;

/** Creates a platform (administrators only — checked by the caller's route). */
export async function createPlatform(
  actorId: string,
  input: PlatformInput,
): Promise<Outcome<{ slug: string }>> {
  try {
    const platform = await db.$transaction(async (tx) => {
      const created = await tx.platform.create({ data: input });
      await recordAudit(tx, {
        actorId,
        action: "platform.created",
        entityType: "Platform",
        entityId: created.id,
        platformId: created.id,
        details: { ...input },
      });
      return created;
    });
    return ok({ slug: platform.slug });
  } catch (error) {
    if (isUniqueViolation(error, "slug")) return refuse("slug", "platforms:errors.slugTaken");
    throw error;
  }
}

export async function updatePlatform(
  actorId: string,
  platformId: string,
  input: PlatformInput,
): Promise<Outcome<{ slug: string }>> {
  try {
    const platform = await db.$transaction(async (tx) => {
      const before = await tx.platform.findUniqueOrThrow({ where: { id: platformId } });
      const updated = await tx.platform.update({ where: { id: platformId }, data: input });
      const changed = Object.fromEntries(
        Object.entries(input).filter(([k, v]) => before[k as keyof typeof before] !== v),
      );
      await recordAudit(tx, {
        actorId,
        action: "platform.updated",
        entityType: "Platform",
        entityId: platformId,
        platformId,
        details: { changed },
      });
      return updated;
    });
    return ok({ slug: platform.slug });
  } catch (error) {
    if (isUniqueViolation(error, "slug")) return refuse("slug", "platforms:errors.slugTaken");
    throw error;
  }
}
