import type { Prisma } from "@prisma/client";
import { sqlBuilders } from "~/db.server";
import { AGE_GROUPS, AGE_THRESHOLDS } from "./demographics";

/**
 * `ageGroupOfPerson` as an SQL expression over a person's birth year and recorded age group
 * columns, for counts grouped by the database. Same thresholds; a test holds the two together
 * for every birth year.
 */
export function ageGroupSql(at: Date, birthYear: string, ageGroup: string): Prisma.Sql {
  const { raw, sql } = sqlBuilders();
  const year = at.getUTCFullYear();
  if (!Number.isInteger(year)) throw new RangeError("Invalid date");
  const age = raw(`(${year} - ${birthYear})`);
  const { youth, adult, elder, oldest } = AGE_THRESHOLDS;
  const groups = raw(AGE_GROUPS.map((g) => `'${g}'`).join(", "));
  return sql`CASE
    WHEN ${raw(birthYear)} IS NOT NULL THEN CASE
      WHEN ${age} < ${raw(String(youth))} OR ${age} > ${raw(String(oldest))} THEN NULL
      WHEN ${age} < ${raw(String(adult))} THEN 'youth'
      WHEN ${age} < ${raw(String(elder))} THEN 'adult'
      ELSE 'elder' END
    WHEN ${raw(ageGroup)} IN (${groups}) THEN ${raw(ageGroup)}
  END`;
}
