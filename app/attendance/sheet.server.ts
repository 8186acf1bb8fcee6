import type { Prisma } from "@prisma/client";
import { containsText, type DbClient } from "~/db.server";
import { pageOf, readPage } from "~/http/pagination";
import { searchWords } from "~/text/searchable";
import { rosterFilters, type AttendanceHost, type RosterPerson } from "./attendance.server";
import type { AttendanceStatus } from "./statuses";

/**
 * The read side of attendance, for every host: the phone form's page of the roster (the
 * expected first, then the regulars, then everyone else), its counts, the printed sheet and
 * the list of those recorded. Writes are in attendance.server.ts.
 */

export type RosterTier = "expected" | "regular" | "others";

export interface RosterRow extends RosterPerson {
  participantId: string;
  status: AttendanceStatus | null;
  tier: RosterTier;
}

/** Rows of the attendance form a page: a phone screen or two, whatever the roster. */
export const ATTENDANCE_PAGE_SIZE = 30;
/** Walk-ins the form lists a page, the latest first: the one just written down is on top. */
export const WALK_INS_PAGE_SIZE = 30;

const COUNTED_PRESENT = ["present", "late"];

/** Name or community, every word typed, accents and case aside. */
function matching(q: string | undefined): Prisma.ParticipantWhereInput[] {
  return searchWords(q ?? "").map((w) => ({
    OR: [
      { searchText: { contains: w } },
      { name: containsText(w) },
      { community: containsText(w) },
    ],
  }));
}

/** Not one of the event's walk-ins (listed apart, even when a walk-in became enrolled). */
function notWalkInHere(host: AttendanceHost): Prisma.ParticipantWhereInput {
  return { NOT: { attendance: { some: { ...host.rows, walkIn: true } } } };
}

/** Who is listed on the form and the printed sheet: the roster less the event's walk-ins. */
async function listedFilters(client: DbClient, host: AttendanceHost, now: Date, ids?: string[]) {
  return [...(await rosterFilters(client, host, now, ids)), notWalkInHere(host)];
}

/** Past this many regulars, they are named by a filter rather than listed by id. */
const MAX_REGULAR_IDS = 5_000;

/**
 * Those present (or late) at the recent events, among those `within` (the rest of the
 * roster's filters): the tier of the regulars and its size. Found from those events' own
 * marks — a few hundred rows — then named by id: as a filter on each person's attendance,
 * the database tests every person of the portal (15 ms for 10,500 people on the benchmark,
 * against 2). Counted as they are found: counting them again by their list of ids sent
 * hundreds of values through the client a second time (4 ms a view).
 */
export async function regularsOf(
  client: DbClient,
  recent: Prisma.AttendanceWhereInput,
  within: Prisma.ParticipantWhereInput = {},
  maxIds = MAX_REGULAR_IDS,
): Promise<{ where: Prisma.ParticipantWhereInput; size: number }> {
  const present: Prisma.AttendanceWhereInput = {
    AND: [recent, { status: { in: COUNTED_PRESENT } }],
  };
  const rows = await client.attendance.groupBy({
    by: ["participantId"],
    where: { AND: [present, { participant: within }] },
  });
  return {
    where:
      rows.length > maxIds
        ? { AND: [within, { attendance: { some: present } }] }
        : { id: { in: rows.map((r) => r.participantId) } },
    size: rows.length,
  };
}

interface Tier {
  tier: RosterTier;
  /** Its filter, null when it is empty; found only when the page reaches it. */
  where: () => Promise<Prisma.ParticipantWhereInput | null>;
  /**
   * How many people, counted only when the page starts past it. The last list has none: a
   * page starting in it is read from there.
   */
  size?: () => Promise<number>;
}

/** Runs `make` the first time it is asked for, then answers the same. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

/**
 * The roster in the order of the form, as filters: the expected first, then the regulars,
 * then everyone else, each by name. The order never depends on this event's own marks, so
 * rows do not move between pages while attendance is being taken. `all` is their union.
 * A tier is read only as far as the page needs: the first pages of an assembly with answers
 * are all "expected", and finding the regulars (the last assemblies' marks) waits until a
 * page reaches them.
 */
async function rosterTiers(
  client: DbClient,
  host: AttendanceHost,
  now: Date,
  q?: string,
  ids?: string[],
) {
  const expected = await host.expected(client);
  const base = [...(await listedFilters(client, host, now, ids)), ...matching(q)];
  const all: Prisma.ParticipantWhereInput = { AND: base };
  if (expected === "everyone") {
    const everyone: Tier = { tier: "expected", where: async () => all };
    return { all, tiers: [everyone] };
  }
  const tiers: Tier[] = [];
  const notExpected = expected ? [{ NOT: expected }] : [];
  if (expected) {
    const where = { AND: [...base, expected] };
    tiers.push({
      tier: "expected",
      where: async () => where,
      size: () => client.participant.count({ where }),
    });
  }
  const regular = once(async () => {
    const recent = await host.recentEvents(client);
    return recent ? regularsOf(client, recent, { AND: [...base, ...notExpected] }) : null;
  });
  tiers.push({
    tier: "regular",
    where: async () => (await regular())?.where ?? null,
    size: async () => (await regular())?.size ?? 0,
  });
  tiers.push({
    tier: "others",
    where: async () => {
      const found = await regular();
      return { AND: [...base, ...notExpected, ...(found ? [{ NOT: found.where }] : [])] };
    },
  });
  return { all, tiers };
}

/** The roster's search and page, and the page of the walk-ins. */
export interface SheetOptions {
  q?: string;
  page?: number;
  walkInsPage?: number;
}

/**
 * The phone form's data: one page of the roster (searched by name or community) with the
 * marks already saved, the event's walk-ins, and counts. The database counts and slices;
 * nothing proportional to the roster is loaded.
 */
export async function attendanceSheet(
  client: DbClient,
  host: AttendanceHost,
  now: Date,
  options: SheetOptions = {},
) {
  // A host that lists its roster's people (a course's enrolled) has its size in the list.
  const ids = host.rosterIds ? await host.rosterIds(client) : undefined;
  const { all, tiers } = await rosterTiers(client, host, now, options.q, ids);
  const [rosterSize, onRoster, searched, marks, walkIns] = await Promise.all([
    ids ? ids.length : host.rosterSize(client, now),
    // Marks of this event whose person is on the roster, walk-ins apart: from the event's rows.
    client.attendance.groupBy({
      by: ["walkIn"],
      where: { ...host.rows, participant: host.roster(now) },
      _count: { _all: true },
    }),
    options.q?.trim() ? client.participant.count({ where: all }) : null,
    client.attendance.groupBy({ by: ["status"], where: host.rows, _count: { _all: true } }),
    walkInsPage(client, host, options.walkInsPage ?? 1),
  ]);
  const markedOnRoster = (walkIn: boolean) =>
    onRoster.find((r) => r.walkIn === walkIn)?._count._all ?? 0;
  const walkInsOnRoster = markedOnRoster(true);
  const markedMembers = markedOnRoster(false);
  // Without a search, the list is the roster less its walk-ins (listed apart).
  const total = searched ?? rosterSize - walkInsOnRoster;
  const unmarked = rosterSize - walkInsOnRoster - markedMembers;
  const page = pageOf(options.page ?? 1, total, ATTENDANCE_PAGE_SIZE);
  // The page is a slice of the lists laid end to end. A list is counted only when the page
  // starts past its beginning (to know whether it starts past its end too); from where the
  // page starts, rows are read list after list until the page is full.
  const roster: RosterRow[] = [];
  let skip = page.skip;
  for (const { tier, where, size } of tiers) {
    const want = page.take - roster.length;
    if (want <= 0) break;
    if (skip > 0 && size) {
      const n = await size();
      if (skip >= n) {
        skip -= n;
        continue;
      }
    }
    const filter = await where();
    if (!filter) continue;
    const rows = await client.participant.findMany({
      where: filter,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip,
      take: want,
      select: {
        id: true,
        name: true,
        community: true,
        attendance: { where: host.rows, select: { status: true } },
      },
    });
    skip = 0;
    for (const r of rows) {
      roster.push({
        participantId: r.id,
        name: r.name,
        community: r.community,
        status: (r.attendance[0]?.status as AttendanceStatus | undefined) ?? null,
        tier,
      });
    }
  }
  const marked: Partial<Record<AttendanceStatus, number>> = {};
  for (const m of marks) marked[m.status as AttendanceStatus] = m._count._all;
  return {
    roster,
    walkIns: walkIns.rows,
    walkInCount: walkIns.count,
    walkInPage: walkIns.page,
    walkInPages: walkIns.pages,
    rosterSize,
    unmarked,
    marked,
    matches: total,
    page: page.page,
    pages: page.pages,
    window: host.window(now),
  };
}

/** A page of the event's walk-ins, the latest first, and how many there are. */
async function walkInsPage(client: DbClient, host: AttendanceHost, requested: number) {
  const where = { ...host.rows, walkIn: true };
  const { rows, page } = await readPage(
    requested,
    WALK_INS_PAGE_SIZE,
    (skip, take) =>
      client.attendance.findMany({
        where,
        include: {
          participant: { select: { name: true, community: true, gender: true, ageGroup: true } },
        },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        skip,
        take,
      }),
    () => client.attendance.count({ where }),
  );
  return {
    rows: rows.map((r) => ({
      attendanceId: r.id,
      participantId: r.participantId,
      name: r.participant.name,
      community: r.participant.community,
      gender: r.participant.gender,
      ageGroup: r.participant.ageGroup,
      status: r.status as AttendanceStatus,
    })),
    count: page.total,
    page: page.page,
    pages: page.pages,
  };
}

/** The whole roster by name, for a printed sheet (paper has no pages to turn on screen). */
export async function printedRoster(client: DbClient, host: AttendanceHost, now: Date) {
  return client.participant.findMany({
    where: { AND: await listedFilters(client, host, now) },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { name: true, community: true },
  });
}

/** Everyone recorded at the event, by name: for print views and minutes. */
export async function attendanceList(client: DbClient, host: Pick<AttendanceHost, "rows">) {
  const rows = await client.attendance.findMany({
    where: host.rows,
    include: { participant: { select: { name: true, community: true } } },
  });
  return rows
    .map((r) => ({
      name: r.participant.name,
      community: r.participant.community,
      status: r.status as AttendanceStatus,
      walkIn: r.walkIn,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
