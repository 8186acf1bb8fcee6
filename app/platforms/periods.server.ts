import type { Prisma } from "@prisma/client";
import { readCount } from "~/db-read.server";
import { type DbClient, sqlBuilders } from "~/db.server";
import { unitePeriods, type Period } from "./periods";

// A membership's periods of activity: opened and closed with its status, counted by platform.

/**
 * The membership is active from `at`: a period from then on, united with those it already has
 * so that they never overlap (an approval stamped before the last departure, a clock set back).
 */
export async function openPeriod(
  client: DbClient,
  membership: { id: string; platformId: string },
  at: Date,
) {
  await writeUnited(client, membership, await periodsOf(client, membership.id), [
    { id: null, startedAt: at, endedAt: null },
  ]);
}

const periodsOf = (client: DbClient, membershipId: string) =>
  client.membershipPeriod.findMany({
    where: { membershipId },
    select: { id: true, startedAt: true, endedAt: true },
  });

/** Rewrites a membership's stored periods as their union (two records' periods joined). */
export async function unitePeriodsOf(
  client: DbClient,
  membership: { id: string; platformId: string },
) {
  await writeUnited(client, membership, await periodsOf(client, membership.id));
}

/**
 * Writes the union of a membership's periods (`current`, as stored) with `added` (new ones,
 * without an id): only the rows that change.
 */
async function writeUnited(
  client: DbClient,
  membership: { id: string; platformId: string },
  current: Period[],
  added: Period<null>[] = [],
) {
  const { keep, drop } = unitePeriods<string | null>([...current, ...added]);
  const before = new Map(current.map((p) => [p.id, p]));
  const removed = drop.filter((id): id is string => id !== null);
  if (removed.length > 0)
    await client.membershipPeriod.deleteMany({ where: { id: { in: removed } } });
  for (const p of keep) {
    if (p.id === null) {
      await client.membershipPeriod.create({
        data: {
          membershipId: membership.id,
          platformId: membership.platformId,
          startedAt: p.startedAt,
          endedAt: p.endedAt,
        },
      });
    } else if (before.get(p.id)?.endedAt?.getTime() !== p.endedAt?.getTime()) {
      await client.membershipPeriod.update({ where: { id: p.id }, data: { endedAt: p.endedAt } });
    }
  }
}

export async function closePeriod(client: DbClient, membershipId: string, at: Date) {
  await client.membershipPeriod.updateMany({
    where: { membershipId, endedAt: null },
    data: { endedAt: at },
  });
}

/** A membership period covering that instant (start included, end not). */
export function periodCovering(instant: Date) {
  return {
    startedAt: { lte: instant },
    OR: [{ endedAt: null }, { endedAt: { gt: instant } }],
  } satisfies Prisma.MembershipPeriodWhereInput;
}

/**
 * The same rule as SQL over the period `t` (pass its alias), for the reads that skip Prisma
 * (app/db-read.server.ts). app/platforms/periods-sql.test.ts holds the two to the same rows.
 */
export function periodCoveringSql(t: string, instant: Date): Prisma.Sql {
  const { sql, raw } = sqlBuilders();
  const column = (name: string) => raw(`${t}."${name}"`);
  return sql`(${column("startedAt")} <= ${instant} AND (${column("endedAt")} IS NULL OR ${column("endedAt")} > ${instant}))`;
}

/** Memberships of the platform with a period covering that instant (start included, end not). */
export function activeAtWhere(platformId: string, instant: Date) {
  return {
    platformId,
    periods: { some: periodCovering(instant) },
  } satisfies Prisma.MembershipWhereInput;
}

/**
 * How many members the platform had at that instant (with an account or without): its periods
 * covering it, one index range, since a membership's periods never overlap (periods.ts).
 */
/**
 * SQL: the person in `person` (a column, e.g. `p."id"`) held a membership of the platform
 * with a period covering one of these instants (an assembly's roster, its quorum).
 */
export function memberAtSql(person: string, platformId: string, instants: Date[]): Prisma.Sql {
  const { sql, raw, join } = sqlBuilders();
  return sql`EXISTS (SELECT 1 FROM "Membership" m
    JOIN "MembershipPeriod" t ON t."membershipId" = m."id" AND t."platformId" = m."platformId"
    WHERE m."participantId" = ${raw(person)} AND m."platformId" = ${platformId}
      AND (${join(
        instants.map((at) => periodCoveringSql("t", at)),
        " OR ",
      )}))`;
}

export async function countActiveAt(client: DbClient, platformId: string, instant: Date) {
  const { sql } = sqlBuilders();
  return readCount(
    client,
    sql`SELECT COUNT(*) AS "n" FROM "MembershipPeriod" t
    WHERE t."platformId" = ${platformId} AND ${periodCoveringSql("t", instant)}`,
  );
}

/**
 * Periods covering `late` that started after `early`, of memberships not active at `early`:
 * the members at `late` who were not members at `early` (someone who left and came back in
 * between has a period at each and counts once). Few periods start in between: a short index
 * range.
 */
export function countJoinedBetween(client: DbClient, platformId: string, early: Date, late: Date) {
  const { sql } = sqlBuilders();
  return readCount(
    client,
    sql`SELECT COUNT(*) AS "n" FROM "MembershipPeriod" t
    WHERE t."platformId" = ${platformId} AND ${periodCoveringSql("t", late)}
      AND t."startedAt" > ${early}
      AND NOT EXISTS (SELECT 1 FROM "MembershipPeriod" e
        WHERE e."membershipId" = t."membershipId" AND e."platformId" = t."platformId"
          AND ${periodCoveringSql("e", early)})`,
  );
}

/**
 * How many members the platform had at either instant: those at the earlier one, and those
 * at the later one who joined in between.
 */
export async function countActiveAtEither(client: DbClient, platformId: string, a: Date, b: Date) {
  const [early, late] = a <= b ? [a, b] : [b, a];
  const [before, joined] = await Promise.all([
    countActiveAt(client, platformId, early),
    countJoinedBetween(client, platformId, early, late),
  ]);
  return before + joined;
}
