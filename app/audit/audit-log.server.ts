import type { Prisma } from "@prisma/client";
import { containsText, type DbClient } from "~/db.server";
import { pageOf } from "~/http/pagination";
import { formatDateTime } from "~/i18n/format";
import { searchWords } from "~/text/searchable";
import { zonedToInstant } from "~/time/time-zone";
import { AUDIT_PAGE_SIZE } from "./audit.server";
import { AUDIT_ACTIONS, inGroupsOnly } from "./actions";

/**
 * Reading the audit log: administrators across the portal, coordinators for their platform.
 * Filters by platform, action, person (name or e-mail) and date; newest first, paginated;
 * each time in its platform's time zone. Reading only — the log has no update or delete.
 */
export const DEFAULT_AUDIT_TIME_ZONE = "America/Guayaquil";

export interface AuditFilters {
  platform: string;
  action: string;
  person: string;
  from: string;
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function auditFiltersFrom(search: URLSearchParams): AuditFilters {
  const read = (key: string, max: number) => (search.get(key) ?? "").trim().slice(0, max);
  return {
    platform: read("platform", 100),
    action: read("action", 60),
    person: read("person", 100),
    from: read("from", 10),
    to: read("to", 10),
  };
}

function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export async function readAuditLog(
  client: DbClient,
  scope: { platformId: string | null },
  filters: AuditFilters,
  options: { page: number; locale: string; timeZone: string },
) {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (scope.platformId) {
    and.push({ platformId: scope.platformId });
    // A platform's coordinators read its governance records, not what happens inside its
    // groups: who joined a private group, or why a forum post was hidden, is the group's own.
    and.push({ NOT: { entityType: { in: ["GroupMembership", "Thread"] } } });
    and.push({ NOT: { entityType: "Post", details: { contains: '"hostType":"thread"' } } });
  } else if (filters.platform) {
    const chosen = await client.platform.findUnique({
      where: { slug: filters.platform },
      select: { id: true },
    });
    // An unknown platform matches nothing, rather than silently showing everything.
    and.push({ platformId: chosen?.id ?? "-" });
  }
  if (filters.action) and.push({ action: filters.action });
  for (const word of searchWords(filters.person, 3))
    and.push({
      actor: {
        OR: [
          { name: containsText(word) },
          { email: containsText(word) },
          { participant: { searchText: { contains: word } } },
        ],
      },
    });
  const errors: { from?: string; to?: string } = {};
  if (filters.from) {
    const at = DAY.test(filters.from)
      ? zonedToInstant(filters.from, "00:00", options.timeZone)
      : null;
    if (at) and.push({ createdAt: { gte: at } });
    else errors.from = "admin:audit.errors.date";
  }
  if (filters.to) {
    const at = DAY.test(filters.to)
      ? zonedToInstant(nextDay(filters.to), "00:00", options.timeZone)
      : null;
    if (at) and.push({ createdAt: { lt: at } });
    else errors.to = "admin:audit.errors.date";
  }
  const where: Prisma.AuditEventWhereInput = { AND: and };
  const total = await client.auditEvent.count({ where });
  const page = pageOf(options.page, total, AUDIT_PAGE_SIZE);
  const events = await client.auditEvent.findMany({
    where,
    // Newest first; the id breaks ties between events of the same millisecond.
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: page.skip,
    take: page.take,
    include: { actor: { select: { name: true, email: true } } },
  });
  const platformIds = [...new Set(events.flatMap((e) => (e.platformId ? [e.platformId] : [])))];
  const platforms = new Map(
    (
      await client.platform.findMany({
        where: { id: { in: platformIds } },
        select: { id: true, name: true, timeZone: true },
      })
    ).map((p) => [p.id, p]),
  );
  return {
    errors,
    /** The filter's choices: every kind of entry this log can hold (a fixed list, not read). */
    actions: scope.platformId ? AUDIT_ACTIONS.filter((a) => !inGroupsOnly(a)) : [...AUDIT_ACTIONS],
    total,
    page: page.page,
    pages: page.pages,
    events: events.map((e) => {
      const platform = e.platformId ? platforms.get(e.platformId) : undefined;
      return {
        id: e.id,
        when: formatDateTime(e.createdAt, options.locale, platform?.timeZone ?? options.timeZone),
        platform: platform?.name ?? null,
        actor: e.actor ? `${e.actor.name} <${e.actor.email}>` : null,
        actorErased: e.actorErased,
        action: e.action,
        entity: `${e.entityType} ${e.entityId}`,
        details: e.details,
      };
    }),
  };
}
