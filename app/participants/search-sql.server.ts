import type { Prisma } from "@prisma/client";
import { sqlBuilders } from "~/db.server";
import { searchWords } from "~/text/searchable";

/**
 * A person `p` (the Participant table) found by name or community, every word typed, accents
 * and case aside: in `searchText`, or in the name or community as written (a record whose
 * search text predates its latest name). One condition per word, for SQL read without Prisma
 * (app/db-read.server.ts): the attendance roster and the member directory. Words are
 * lower-case letters and digits only: no LIKE wildcard, and LOWER matches case.
 */
export function personMatchingSql(q: string | undefined): Prisma.Sql[] {
  const { sql } = sqlBuilders();
  return searchWords(q ?? "").map((w) => {
    const like = `%${w}%`;
    return sql`(p."searchText" LIKE ${like} OR LOWER(p."name") LIKE ${like}
      OR LOWER(p."community") LIKE ${like})`;
  });
}
