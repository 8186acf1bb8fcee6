import { readRows } from "~/db-read.server";
import { db, sqlBuilders } from "~/db.server";
import {
  countActiveAt,
  countJoinedBetween,
  periodCovering,
  periodCoveringSql,
} from "~/platforms/periods.server";
import { addMember, makePlatform, makeUser } from "~/test/world";

/**
 * The membership-period rule has two renderings: a Prisma filter (votes, tallies) and SQL
 * (the attendance form, the counts). They must select the same periods at every instant,
 * the edges included: a period covers its start, not its end.
 */
const day = 86_400_000;
const t0 = new Date("2026-06-01T12:00:00.000Z");
const at = (days: number) => new Date(t0.getTime() + days * day);

describe("who was a member at an instant: Prisma's filter and the SQL agree", () => {
  it("on every period shape, at the edges and between", async () => {
    const platform = await makePlatform();
    const shapes = [
      [{ startedAt: at(0), endedAt: at(10) }],
      [{ startedAt: at(5) }],
      [
        { startedAt: at(-20), endedAt: at(-1) },
        { startedAt: at(3), endedAt: null },
      ],
      [{ startedAt: at(10), endedAt: at(10.5) }],
    ];
    for (const [i, periods] of shapes.entries())
      await addMember(await makeUser(`Persona ${i}`), platform.id, "member", periods);
    const { sql } = sqlBuilders();
    const instants = [-20, -1, -0.5, 0, 3, 5, 9.99, 10, 10.25, 10.5, 11].map(at);
    for (const instant of instants) {
      const byPrisma = await db.membershipPeriod.findMany({
        where: { platformId: platform.id, ...periodCovering(instant) },
        select: { id: true },
      });
      const bySql = await readRows<{ id: string }>(
        db,
        sql`SELECT t."id" FROM "MembershipPeriod" t
        WHERE t."platformId" = ${platform.id} AND ${periodCoveringSql("t", instant)}`,
      );
      const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
      expect(ids(bySql), instant.toISOString()).toEqual(ids(byPrisma));
      expect(await countActiveAt(db, platform.id, instant)).toBe(byPrisma.length);
    }
    // Members on day 5 who were not on day -1: those from day 0 and day 5, and the one back on
    // day 3 (who left on day -1: a period's end is not covered).
    expect(await countJoinedBetween(db, platform.id, at(-1), at(5))).toBe(3);
    // From day 0: the one who started that day was already a member.
    expect(await countJoinedBetween(db, platform.id, at(0), at(5))).toBe(2);
    expect(await countJoinedBetween(db, platform.id, at(5), at(9))).toBe(0);
  });
});
