import { recordAudit } from "~/audit/audit.server";
import { notFound } from "~/auth/guards.server";
import { db, isUniqueViolation } from "~/db.server";
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

export function countActiveMembers(platformId: string): Promise<number> {
  return db.membership.count({ where: { platformId, status: "active" } });
}

export async function listPlatforms(locale: string): Promise<PlatformSummary[]> {
  const platforms = await db.platform.findMany({
    orderBy: { name: "asc" },
    include: { _count: { select: { memberships: { where: { status: "active" } } } } },
  });
  return platforms.map((p) => ({
    id: p.id,
    slug: p.slug,
    name: p.name,
    description: localizedDescription(p, locale),
    country: p.country,
    region: p.region,
    timeZone: p.timeZone,
    activeMembers: p._count.memberships,
  }));
}

export async function findPlatformBySlug(slug: string) {
  return db.platform.findUnique({ where: { slug } });
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
