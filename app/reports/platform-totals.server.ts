import { db } from "~/db.server";
import { participantsPerPlatform } from "./participation.server";
import { periodFromSearch } from "./period";
import { suppressCount } from "./suppression";

/**
 * Each platform's number of participants in the period, for the administrator's report.
 * People can take part in several platforms, so these do not add up to the portal's total
 * and no cell can be subtracted back from it; each is suppressed on its own.
 */
export async function platformTotals(request: Request, timeZone: string) {
  const form = periodFromSearch(new URL(request.url).searchParams, timeZone);
  if (!form.period) return [];
  const [platforms, totals] = await Promise.all([
    db.platform.findMany({
      select: { id: true, slug: true, name: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
    participantsPerPlatform(db, form.period),
  ]);
  return platforms.map((p) => ({
    slug: p.slug,
    name: p.name,
    total: suppressCount(totals.get(p.id) ?? 0),
  }));
}
