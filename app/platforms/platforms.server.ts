import { db } from "~/db.server";

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
