import type { Prisma } from "@prisma/client";
import type { DbClient } from "~/db.server";
import { AGE_GROUPS, GENDERS } from "~/participants/demographics";
import { ageGroupSql } from "~/participants/demographics.server";
import {
  shareOf,
  suppressBreakdown,
  suppressCount,
  type Breakdown,
  type Shown,
} from "./suppression";
import { ACTIVITIES, HEADLINES, type Activity, type Headline } from "./activities";
import { peopleLists, type Period, type ReportScope } from "./took-part.server";

export { ACTIVITIES, HEADLINES, type Activity, type Headline, type Period, type ReportScope };

/**
 * Participation reports for the programme's donors: distinct people per activity over a
 * period, broken down by gender, age group, people and community, every figure counted by the
 * database and published only through small-cell suppression (./suppression.ts).
 * A scope is one platform, or every platform (an administrator's report). Who took part in
 * what is in ./took-part.server.ts. See docs/decisions/022-participation-reports.md.
 */

export const DIMENSIONS = ["gender", "ageGroup", "people", "community"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Longest period a report covers (its trend has one column a month). */
export const MAX_MONTHS = 24;

const NOT_STATED = "notStated";

/** A free-text answer folded so "Kichwa" and " kichwa" are one category. */
function category(value: string | null): string {
  const folded = (value ?? "").trim().replace(/\s+/g, " ");
  return folded ? folded.toLocaleLowerCase("es") : NOT_STATED;
}

interface Counted {
  total: number;
  gender: { key: string; value: number }[];
  ageGroup: { key: string; value: number }[];
  people: { key: string; value: number; label: string }[];
  community: { key: string; value: number; label: string }[];
}

/** People of a list, counted by the database for each profile the report breaks down by. */
async function profiles(client: DbClient, people: Prisma.Sql, at: Date) {
  const rows = await client.$queryRaw<
    {
      gender: string | null;
      age: string | null;
      people: string | null;
      community: string | null;
      n: number | bigint;
    }[]
  >`
    SELECT p."gender" AS "gender", ${ageGroupSql(at, 'p."birthYear"', 'p."ageGroup"')} AS "age",
      p."people" AS "people", p."community" AS "community", COUNT(*) AS "n"
    FROM "Participant" p
    WHERE p."id" IN (SELECT "pid" FROM (${people}) AS took)
    GROUP BY 1, 2, 3, 4`;
  // PostgreSQL's COUNT is a bigint; SQLite's a number.
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/**
 * Distinct people of a list, by each dimension: one grouped count from the database (a row
 * per profile found, not per person), folded here into the four breakdowns.
 */
async function countBy(client: DbClient, people: Prisma.Sql, at: Date): Promise<Counted> {
  const rows = await profiles(client, people, at);
  const gender = new Map<string, number>(GENDERS.map((g) => [g, 0]));
  const age = new Map<string, number>([...AGE_GROUPS, NOT_STATED].map((a) => [a, 0]));
  const peoples = new Map<string | null, number>();
  const communities = new Map<string | null, number>();
  let total = 0;
  for (const r of rows) {
    total += r.n;
    const g = r.gender && gender.has(r.gender) ? r.gender : "undisclosed";
    gender.set(g, gender.get(g)! + r.n);
    const a = r.age ?? NOT_STATED;
    age.set(a, age.get(a)! + r.n);
    peoples.set(r.people, (peoples.get(r.people) ?? 0) + r.n);
    communities.set(r.community, (communities.get(r.community) ?? 0) + r.n);
  }
  const places = (counts: Map<string | null, number>) => {
    // Spellings folded together are labelled by the most common one.
    const folded = new Map<string, { value: number; label: string; labelCount: number }>();
    for (const [value, count] of counts) {
      const key = category(value);
      const entry = folded.get(key) ?? { value: 0, label: "", labelCount: -1 };
      entry.value += count;
      if (key !== NOT_STATED && count > entry.labelCount) {
        entry.label = value!.trim();
        entry.labelCount = count;
      }
      folded.set(key, entry);
    }
    return [...folded.entries()]
      .map(([key, e]) => ({ key, value: e.value, label: e.label }))
      .sort((a, b) =>
        a.key === NOT_STATED ? 1 : b.key === NOT_STATED ? -1 : a.label.localeCompare(b.label, "es"),
      );
  };
  return {
    total,
    gender: [...gender.entries()].map(([key, value]) => ({ key, value })),
    ageGroup: [...age.entries()].map(([key, value]) => ({ key, value })),
    people: places(peoples),
    community: places(communities),
  };
}

export interface PublishedRow {
  total: Shown;
  gender: Breakdown;
  ageGroup: Breakdown;
  people: Breakdown & { labels: Record<string, string> };
  community: Breakdown & { labels: Record<string, string> };
}

function publish(c: Counted): PublishedRow {
  const labels = (cells: { key: string; label: string }[]) =>
    Object.fromEntries(cells.map((x) => [x.key, x.label]));
  const gender = suppressBreakdown(c.total, c.gender);
  return {
    total: gender.total,
    gender,
    ageGroup: suppressBreakdown(c.total, c.ageGroup),
    people: { ...suppressBreakdown(c.total, c.people), labels: labels(c.people) },
    community: { ...suppressBreakdown(c.total, c.community), labels: labels(c.community) },
  };
}

const cell = (b: Breakdown, key: string): Shown =>
  b.cells.find((c) => c.key === key)?.value ?? null;

export interface Indicator {
  total: Shown;
  women: Shown;
  youth: Shown;
  womenShare: Shown;
  youthShare: Shown;
}

function indicator(row: Pick<PublishedRow, "total" | "gender" | "ageGroup">): Indicator {
  const women = cell(row.gender, "woman");
  const youth = cell(row.ageGroup, "youth");
  return {
    total: row.total,
    women,
    youth,
    womenShare: shareOf(women, row.total),
    youthShare: shareOf(youth, row.total),
  };
}

/** The months a period touches, as [first instant, next month's first instant) in UTC. */
export function monthsOf(period: Period): { month: string; from: Date; to: Date }[] {
  const months = [];
  let y = period.from.getUTCFullYear();
  let m = period.from.getUTCMonth();
  while (months.length < MAX_MONTHS + 1) {
    const start = new Date(Date.UTC(y, m, 1));
    if (start >= period.to) break;
    const next = new Date(Date.UTC(y, m + 1, 1));
    months.push({
      month: `${y}-${String(m + 1).padStart(2, "0")}`,
      from: start < period.from ? period.from : start,
      to: next > period.to ? period.to : next,
    });
    y = next.getUTCFullYear();
    m = next.getUTCMonth();
  }
  return months;
}

export async function participationReport(client: DbClient, scope: ReportScope, period: Period) {
  const at = new Date(period.to.getTime() - 1);
  const { activities, headlines } = peopleLists(scope, period);
  const rows = {} as Record<Activity, PublishedRow>;
  for (const activity of ACTIVITIES) {
    rows[activity] = publish(await countBy(client, activities[activity], at));
  }
  const headline = {} as Record<Headline, Indicator>;
  for (const h of HEADLINES) {
    headline[h] =
      h === "participants"
        ? indicator(rows.anyActivity)
        : indicator(publish(await countBy(client, headlines[h], at)));
  }
  const trend = [];
  for (const month of monthsOf(period)) {
    const counted = await countBy(client, peopleLists(scope, month).activities.anyActivity, at);
    trend.push({ month: month.month, ...indicator(publish(counted)) });
  }
  // Hands of people who are not members are counted, not named: one figure, suppressed alone.
  const tallies = await client.inPersonTally.aggregate({
    where: {
      meeting: {
        ...(scope.platformId ? { platformId: scope.platformId } : {}),
        startsAt: { gte: period.from, lt: period.to },
      },
    },
    _sum: { nonMemberHands: true },
  });
  return {
    rows,
    headline,
    trend,
    nonMemberHands: suppressCount(tallies._sum.nonMemberHands ?? 0),
  };
}

export type ParticipationReport = Awaited<ReturnType<typeof participationReport>>;

/** Distinct people of a list. */
async function countPeople(client: DbClient, people: Prisma.Sql): Promise<number> {
  const [row] = await client.$queryRaw<{ n: number | bigint }[]>`
    SELECT COUNT(*) AS "n" FROM "Participant" p
    WHERE p."id" IN (SELECT "pid" FROM (${people}) AS took)`;
  return Number(row.n);
}

/**
 * How many distinct people took part in anything on each platform during the period, in one
 * statement (platforms where nobody did are absent).
 */
export async function participantsPerPlatform(
  client: DbClient,
  period: Period,
): Promise<Map<string, number>> {
  const { activities } = peopleLists({ platformId: null }, period);
  const rows = await client.$queryRaw<{ pl: string; n: number | bigint }[]>`
    SELECT "pl", COUNT(DISTINCT "pid") AS "n" FROM (${activities.anyActivity}) AS took
    WHERE "pl" IS NOT NULL GROUP BY "pl"`;
  return new Map(rows.map((r) => [r.pl, Number(r.n)]));
}

/**
 * The exact number of distinct people behind each activity and headline, before any
 * suppression: what the published figures are made from (checked by the erasure's tests).
 */
export async function exactCounts(client: DbClient, scope: ReportScope, period: Period) {
  const { activities, headlines } = peopleLists(scope, period);
  const counts: Record<string, number> = {};
  for (const [key, people] of Object.entries({ ...activities, ...headlines }))
    counts[key] = await countPeople(client, people);
  return counts;
}
