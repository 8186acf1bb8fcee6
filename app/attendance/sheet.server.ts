import type { Prisma } from "@prisma/client";
import { readCount, readRows } from "~/db-read.server";
import { type DbClient, sqlBuilders } from "~/db.server";
import { pageOf, readPage } from "~/http/pagination";
import { personMatchingSql } from "~/participants/search-sql.server";
import type { AttendanceHost, RosterPerson } from "./attendance.server";
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

/**
 * The roster's reads are SQL over the person `p` (and the event's rows `a`), run without
 * Prisma (app/db-read.server.ts): the form is read on every view and after every save at an
 * assembly, and Prisma's filters could not name "answered yes" or "present lately" as a
 * subquery the database drives from (it read the answers, then sent hundreds of ids back).
 */

/** This event's attendance rows, as SQL over `a`. */
export function eventRowsSql(host: Pick<AttendanceHost, "rows">, a = "a"): Prisma.Sql {
  const { sql, raw } = sqlBuilders();
  return "meetingId" in host.rows
    ? sql`${raw(a)}."meetingId" = ${host.rows.meetingId}`
    : sql`${raw(a)}."sessionId" = ${host.rows.sessionId}`;
}

/**
 * Who is listed on the form and the printed sheet: the roster less the event's walk-ins
 * (listed apart, even when a walk-in became enrolled). With `joined`, the statement has the
 * person's row of this event LEFT JOINed as `a` (one at most: the event and person are
 * unique together), and reads "not a walk-in" from it instead of looking the row up again.
 */
function listedSql(host: AttendanceHost, now: Date, joined?: "a"): Prisma.Sql[] {
  const { sql } = sqlBuilders();
  return [
    host.rosterSql(now),
    joined
      ? sql`(a."walkIn" IS NULL OR a."walkIn" = ${false})`
      : sql`NOT EXISTS (SELECT 1 FROM "Attendance" w
      WHERE w."participantId" = p."id" AND ${eventRowsSql(host, "w")} AND w."walkIn" = ${true})`,
  ];
}

const all = (conditions: Prisma.Sql[]) => sqlBuilders().join(conditions, " AND ");

interface Tier {
  tier: RosterTier;
  /** Its condition on the person, besides the roster's and the search's. */
  where: Prisma.Sql[];
  /** The last list is never counted: a page starting in it is read from there. */
  counted: boolean;
  /**
   * Its condition names a few people (who answered, who came lately): they are put in order
   * first and the roster is checked in that order only until the page is full, rather than
   * for every one of them before sorting.
   */
  few: boolean;
}

/**
 * The roster in the order of the form, as conditions: the expected first, then the regulars,
 * then everyone else, each by name. The order never depends on this event's own marks, so
 * rows do not move between pages while attendance is being taken.
 */
function rosterTiers(host: AttendanceHost): Tier[] {
  const { sql } = sqlBuilders();
  const expected = host.expectedSql();
  if (expected === "everyone") {
    return [{ tier: "expected", where: [], counted: false, few: false }];
  }
  const regular = host.regularSql();
  const notExpected = sql`NOT ${expected}`;
  return [
    { tier: "expected", where: [expected], counted: true, few: true },
    ...(regular
      ? [{ tier: "regular" as const, where: [notExpected, regular], counted: true, few: true }]
      : []),
    {
      tier: "others",
      where: [notExpected, ...(regular ? [sql`NOT ${regular}`] : [])],
      counted: false,
      few: false,
    },
  ];
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
  const { sql, raw, empty } = sqlBuilders();
  const matching = personMatchingSql(options.q);
  const base = [...listedSql(host, now), ...matching];
  const searching = !!options.q?.trim();
  const [rosterSize, onRoster, searched, marks, walkIns] = await Promise.all([
    host.rosterSize(client, now),
    // Marks of this event whose person is on the roster, walk-ins apart: from the event's rows.
    readRows<{ walkIn: boolean; n: number }>(
      client,
      sql`SELECT a."walkIn", COUNT(*) AS "n" FROM "Attendance" a
      JOIN "Participant" p ON p."id" = a."participantId"
      WHERE ${eventRowsSql(host)} AND ${host.rosterSql(now)}
      GROUP BY a."walkIn"`,
      { walkIn: "boolean", n: "number" },
    ),
    searching
      ? readCount(client, sql`SELECT COUNT(*) AS "n" FROM "Participant" p WHERE ${all(base)}`)
      : null,
    readRows<{ status: string; n: number }>(
      client,
      sql`SELECT a."status", COUNT(*) AS "n" FROM "Attendance" a
      WHERE ${eventRowsSql(host)} GROUP BY a."status"`,
      { n: "number" },
    ),
    walkInsPage(client, host, options.walkInsPage ?? 1),
  ]);
  const markedOnRoster = (walkIn: boolean) => onRoster.find((r) => r.walkIn === walkIn)?.n ?? 0;
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
  for (const { tier, where, counted, few } of rosterTiers(host)) {
    const want = page.take - roster.length;
    if (want <= 0) break;
    if (skip > 0 && counted) {
      const n = await readCount(
        client,
        sql`SELECT COUNT(*) AS "n" FROM "Participant" p WHERE ${all([...base, ...where])}`,
      );
      if (skip >= n) {
        skip -= n;
        continue;
      }
    }
    const rows = await readRows<{
      participantId: string;
      name: string;
      community: string | null;
      status: AttendanceStatus | null;
    }>(
      client,
      sql`${
        few
          ? // In order first, so that the roster (read from the person's id only, see
            // AttendanceHost.rosterSql) is checked row by row until the page is full.
            sql`WITH c AS MATERIALIZED (SELECT p."id", p."name", p."community" FROM "Participant" p
          WHERE ${all([...matching, ...where])}
          ORDER BY p."name" ASC, p."id" ASC) `
          : empty
      }SELECT p."id" AS "participantId", p."name", p."community", a."status"
      FROM ${few ? raw("c") : raw('"Participant"')} p
      LEFT JOIN "Attendance" a ON a."participantId" = p."id" AND ${eventRowsSql(host)}
      WHERE ${all([...listedSql(host, now, "a"), ...(few ? [] : [...matching, ...where])])}
      ORDER BY p."name" ASC, p."id" ASC
      LIMIT ${want} OFFSET ${skip}`,
    );
    skip = 0;
    for (const r of rows) roster.push({ ...r, tier });
  }
  const marked: Partial<Record<AttendanceStatus, number>> = {};
  for (const m of marks) marked[m.status as AttendanceStatus] = m.n;
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
  const { sql } = sqlBuilders();
  const walkIns = sql`${eventRowsSql(host)} AND a."walkIn" = ${true}`;
  const { rows, page } = await readPage(
    requested,
    WALK_INS_PAGE_SIZE,
    (skip, take) =>
      readRows<{
        attendanceId: string;
        participantId: string;
        name: string;
        community: string | null;
        gender: string | null;
        ageGroup: string | null;
        status: AttendanceStatus;
      }>(
        client,
        sql`SELECT a."id" AS "attendanceId", a."participantId", p."name", p."community",
          p."gender", p."ageGroup", a."status"
        FROM "Attendance" a JOIN "Participant" p ON p."id" = a."participantId"
        WHERE ${walkIns}
        ORDER BY a."createdAt" DESC, a."id" DESC
        LIMIT ${take} OFFSET ${skip}`,
      ),
    () => readCount(client, sql`SELECT COUNT(*) AS "n" FROM "Attendance" a WHERE ${walkIns}`),
  );
  return { rows, count: page.total, page: page.page, pages: page.pages };
}

/** The whole roster by name, for a printed sheet (paper has no pages to turn on screen). */
export async function printedRoster(client: DbClient, host: AttendanceHost, now: Date) {
  return readRows<{ name: string; community: string | null }>(
    client,
    sqlBuilders().sql`SELECT p."name", p."community" FROM "Participant" p
      WHERE ${all(listedSql(host, now))}
      ORDER BY p."name" ASC, p."id" ASC`,
  );
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
