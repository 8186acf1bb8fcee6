import type { Prisma } from "@prisma/client";
import { containsText, type DbClient } from "~/db.server";
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

/**
 * Where a page of the log starts: just older or just newer than an entry, named by its time
 * and id (`?older=<ms>.<id>`). The log only grows and is read newest first, so a page starts
 * from the index on (platform, time, id) or (time, id) whatever its depth; numbered pages
 * (OFFSET) read every entry before the page, 90 ms at 100,000 entries.
 */
export interface AuditCursor {
  direction: "older" | "newer";
  at: Date;
  id: string;
}

const CURSOR = /^(\d{1,15})\.([A-Za-z0-9_-]{1,40})$/;

/** The page's cursor from the address; anything odd is the first page. */
export function auditCursorFrom(search: URLSearchParams): AuditCursor | null {
  for (const direction of ["older", "newer"] as const) {
    const m = CURSOR.exec(search.get(direction) ?? "");
    if (!m) continue;
    const at = new Date(Number(m[1]));
    if (!Number.isNaN(at.getTime())) return { direction, at, id: m[2] };
  }
  return null;
}

const cursorOf = (e: { createdAt: Date; id: string }) => `${e.createdAt.getTime()}.${e.id}`;

/** The entries past the cursor, in the log's order (time, then id). */
function beyond(cursor: AuditCursor): Prisma.AuditEventWhereInput {
  const [past, upTo] = cursor.direction === "older" ? ["lt", "lte"] : ["gt", "gte"];
  // The bound on the time alone lets the database start the page from the index.
  return {
    AND: [
      { createdAt: { [upTo]: cursor.at } },
      { OR: [{ createdAt: { [past]: cursor.at } }, { id: { [past]: cursor.id } }] },
    ],
  };
}

const newestFirst: Prisma.AuditEventOrderByWithRelationInput[] = [
  { createdAt: "desc" },
  { id: "desc" },
];

/**
 * Past this many entries, the log says "more than" rather than count them all (counting is a
 * read of every matching entry: 40 ms at 100,000; 1,000 take under 1 ms).
 */
export const AUDIT_COUNT_CAP = 1_000;

function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export async function readAuditLog(
  client: DbClient,
  scope: { platformId: string | null },
  filters: AuditFilters,
  options: { cursor: AuditCursor | null; locale: string; timeZone: string },
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
  const { cursor } = options;
  // Newest first; the id breaks ties between events of the same millisecond. A page of newer
  // entries is read upwards from the cursor, then turned round. One more than a page is read
  // to know whether the list goes on.
  const upwards = cursor?.direction === "newer";
  const [counted, read] = await Promise.all([
    // In the index's order: a count with `take` is otherwise ordered by id, a scan of all.
    client.auditEvent.count({ where, orderBy: newestFirst, take: AUDIT_COUNT_CAP + 1 }),
    client.auditEvent.findMany({
      where: cursor ? { AND: [where, beyond(cursor)] } : where,
      orderBy: upwards ? [{ createdAt: "asc" }, { id: "asc" }] : newestFirst,
      take: AUDIT_PAGE_SIZE + 1,
      include: { actor: { select: { name: true, email: true } } },
    }),
  ]);
  // Nothing past the cursor (an old address, another filter's cursor): the first page, not
  // an empty one without a way on.
  if (cursor && read.length === 0)
    return readAuditLog(client, scope, filters, { ...options, cursor: null });
  const goesOn = read.length > AUDIT_PAGE_SIZE;
  const events = read.slice(0, AUDIT_PAGE_SIZE);
  if (upwards) events.reverse();
  // Coming from a page, that page is still there the other way (the log never shrinks).
  const newer = upwards ? goesOn : cursor !== null;
  const older = upwards || goesOn;
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
    total: Math.min(counted, AUDIT_COUNT_CAP),
    /** More entries match than were counted (AUDIT_COUNT_CAP). */
    moreThanTotal: counted > AUDIT_COUNT_CAP,
    newer: newer && events.length > 0 ? cursorOf(events[0]!) : null,
    older: older && events.length > 0 ? cursorOf(events.at(-1)!) : null,
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
