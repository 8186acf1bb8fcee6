import type { Prisma } from "@prisma/client";
import type { DbClient } from "~/db.server";
import { AGE_GROUPS, GENDERS, ageGroupOfPerson } from "~/participants/demographics";
import {
  shareOf,
  suppressBreakdown,
  suppressCount,
  type Breakdown,
  type Shown,
} from "./suppression";

/**
 * Participation reports for the programme's donors: distinct people per activity over a
 * period, broken down by gender, age group, people and community, every figure counted by the
 * database and published only through small-cell suppression (./suppression.ts).
 * A scope is one platform, or every platform (an administrator's report).
 * See docs/decisions/022-participation-reports.md.
 */
export interface Period {
  /** First instant of the period. */
  from: Date;
  /** First instant after it. */
  to: Date;
}

export type ReportScope = { platformId: string } | { platformId: null };

/** Attended an assembly, for the record: present or late. */
const ATTENDED = ["present", "late"];

export const ACTIVITIES = [
  "anyActivity",
  "assemblies",
  "assemblyMembers",
  "assemblyOthers",
  "votes",
  "votesOnline",
  "votesByHand",
  "forums",
  "coursesEnrolled",
  "coursesCompleted",
  "certificates",
] as const;
export type Activity = (typeof ACTIVITIES)[number];

export const HEADLINES = ["participants", "roleHolders", "proposalAuthors"] as const;
export type Headline = (typeof HEADLINES)[number];

export const DIMENSIONS = ["gender", "ageGroup", "people", "community"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Longest period a report covers (its trend has one column a month). */
export const MAX_MONTHS = 24;

type Where = Prisma.ParticipantWhereInput;

function scoped(scope: ReportScope) {
  return scope.platformId ? { platformId: scope.platformId } : {};
}

/** Who took part in each activity during the period, as conditions on a Participant. */
async function activityWheres(
  client: DbClient,
  scope: ReportScope,
  period: Period,
): Promise<Record<Activity, Where>> {
  const during = { gte: period.from, lt: period.to };
  const inScope = scoped(scope);
  const assemblies: Where = {
    attendance: {
      some: {
        status: { in: ATTENDED },
        meeting: { ...inScope, startsAt: during, status: { not: "cancelled" } },
      },
    },
  };
  // A member is someone whose membership of the platform was active at some time in the period.
  // The membership belongs to the person record, so members without an account count too.
  const member: Where = {
    memberships: {
      some: {
        ...inScope,
        periods: {
          some: {
            startedAt: { lt: period.to },
            OR: [{ endedAt: null }, { endedAt: { gte: period.from } }],
          },
        },
      },
    },
  };
  // What an erased account had done is kept on its anonymous person record (decision 024).
  const erased = (activity: string): Where => ({
    erasedActivities: { some: { activity, at: during, ...inScope } },
  });
  const votesOnline: Where = {
    OR: [
      { user: { ballots: { some: { createdAt: during, vote: inScope } } } },
      erased("voteOnline"),
    ],
  };
  // Hands raised by members are recorded per person record, with or without an account.
  const votesByHand: Where = {
    OR: [{ inPersonVotes: { some: { createdAt: during, vote: inScope } } }, erased("voteByHand")],
  };
  const courses = scope.platformId ? { platformId: scope.platformId } : {};
  const coursesEnrolled: Where = {
    enrolments: {
      some: {
        course: courses,
        enrolledAt: { lt: period.to },
        OR: [{ endedAt: null }, { endedAt: { gte: period.from } }],
      },
    },
  };
  const coursesCompleted: Where = {
    certificates: { some: { course: courses, issuedAt: during } },
  };
  const certificates: Where = {
    certificates: { some: { course: courses, issuedAt: during, revokedAt: null } },
  };
  const forums: Where = {
    OR: [
      {
        user: {
          // Public groups only: a private group's counts are its members' alone (decision 022).
          posts: {
            some: {
              createdAt: during,
              discussion: {
                hostType: "thread",
                ...inScope,
                thread: { group: { visibility: "public" } },
              },
            },
          },
        },
      },
      erased("forumPost"),
    ],
  };
  const votes: Where = { OR: [votesOnline, votesByHand] };
  return {
    anyActivity: {
      OR: [assemblies, votesOnline, votesByHand, forums, coursesEnrolled, coursesCompleted],
    },
    assemblies,
    assemblyMembers: { AND: [assemblies, member] },
    assemblyOthers: { AND: [assemblies, { NOT: member }] },
    votes,
    votesOnline,
    votesByHand,
    forums,
    coursesEnrolled,
    coursesCompleted,
    certificates,
  };
}

/** Coordinators, facilitators and group moderators (roles held now), and proposal authors. */
function headlineWheres(
  scope: ReportScope,
  period: Period,
  participants: Where,
): Record<Headline, Where> {
  const inScope = scoped(scope);
  return {
    participants,
    roleHolders: {
      OR: [
        {
          memberships: {
            some: { ...inScope, status: "active", role: { in: ["facilitator", "coordinator"] } },
          },
        },
        {
          user: {
            groupMemberships: {
              some: { status: "active", role: "moderator", group: inScope },
            },
          },
        },
      ],
    },
    proposalAuthors: {
      OR: [
        {
          user: {
            proposals: { some: { ...inScope, createdAt: { gte: period.from, lt: period.to } } },
          },
        },
        {
          erasedActivities: {
            some: { activity: "proposal", ...inScope, at: { gte: period.from, lt: period.to } },
          },
        },
      ],
    },
  };
}

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

/**
 * Distinct people matching `where`, by each dimension. One query returns the matching
 * people's five profile fields (at most the scope's participants, each once), folded here.
 */
async function countBy(client: DbClient, where: Where, at: Date): Promise<Counted> {
  const people = await client.participant.findMany({
    where,
    select: { gender: true, birthYear: true, ageGroup: true, people: true, community: true },
  });
  const gender = new Map<string, number>(GENDERS.map((g) => [g, 0]));
  const age = new Map<string, number>([...AGE_GROUPS, NOT_STATED].map((a) => [a, 0]));
  const peoples = new Map<string | null, number>();
  const communities = new Map<string | null, number>();
  for (const p of people) {
    const g = p.gender && gender.has(p.gender) ? p.gender : "undisclosed";
    gender.set(g, gender.get(g)! + 1);
    const a = ageGroupOfPerson(p, at) ?? NOT_STATED;
    age.set(a, age.get(a)! + 1);
    peoples.set(p.people, (peoples.get(p.people) ?? 0) + 1);
    communities.set(p.community, (communities.get(p.community) ?? 0) + 1);
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
    total: people.length,
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
  const wheres = await activityWheres(client, scope, period);
  const rows = {} as Record<Activity, PublishedRow>;
  for (const activity of ACTIVITIES) {
    rows[activity] = publish(await countBy(client, wheres[activity], at));
  }
  const heads = headlineWheres(scope, period, wheres.anyActivity);
  const headline = {} as Record<Headline, Indicator>;
  for (const h of HEADLINES) {
    headline[h] =
      h === "participants"
        ? indicator(rows.anyActivity)
        : indicator(publish(await countBy(client, heads[h], at)));
  }
  const trend = [];
  for (const month of monthsOf(period)) {
    const monthWheres = await activityWheres(client, scope, month);
    const counted = await countBy(client, monthWheres.anyActivity, at);
    trend.push({ month: month.month, ...indicator(publish(counted)) });
  }
  // Hands of people who are not members are counted, not named: one figure, suppressed alone.
  const tallies = await client.inPersonTally.aggregate({
    where: { meeting: { ...scoped(scope), startsAt: { gte: period.from, lt: period.to } } },
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

/** How many distinct people took part in anything in the scope during the period. */
export async function countParticipants(client: DbClient, scope: ReportScope, period: Period) {
  const wheres = await activityWheres(client, scope, period);
  return client.participant.count({ where: wheres.anyActivity });
}

/**
 * The exact number of distinct people behind each activity and headline, before any
 * suppression: what the published figures are made from (checked by the erasure's tests).
 */
export async function exactCounts(client: DbClient, scope: ReportScope, period: Period) {
  const activities = await activityWheres(client, scope, period);
  const headlines = headlineWheres(scope, period, activities.anyActivity);
  const wheres: Record<string, Where> = { ...activities, ...headlines };
  const counts = await Promise.all(
    Object.entries(wheres).map(
      async ([key, where]) => [key, await client.participant.count({ where })] as const,
    ),
  );
  return Object.fromEntries(counts);
}
