import { db, sqlList as sqlListOf } from "~/db.server";
import { ageGroupOfPerson } from "./demographics";
import { ageGroupSql } from "./demographics.server";

describe("age groups counted by the database", () => {
  it("gives every birth year and recorded group the same age group as ageGroupOfPerson", async () => {
    const at = new Date("2026-06-30T12:00:00Z");
    const people: { birthYear: number | null; ageGroup: string | null }[] = [];
    for (let year = 1880; year <= 2030; year++) people.push({ birthYear: year, ageGroup: "elder" });
    for (const ageGroup of [null, "youth", "adult", "elder", "child", ""])
      people.push({ birthYear: null, ageGroup });
    const created = await Promise.all(
      people.map((p, i) => db.participant.create({ data: { name: `Edad ${i}`, ...p } })),
    );
    const ids = created.map((c) => c.id);
    const rows = await db.$queryRaw<{ id: string; age: string | null }[]>`
      SELECT p."id" AS "id", ${ageGroupSql(at, 'p."birthYear"', 'p."ageGroup"')} AS "age"
      FROM "Participant" p WHERE p."id" IN (${sqlListOf(ids)})`;
    const byId = new Map(rows.map((r) => [r.id, r.age]));
    const mismatches = created.filter((c) => (byId.get(c.id) ?? null) !== ageGroupOfPerson(c, at));
    expect(mismatches).toEqual([]);
    // The thresholds are really exercised: 15, 30 and 60 years old that year.
    expect(byId.get(created[2026 - 15 - 1880].id)).toBe("youth");
    expect(byId.get(created[2026 - 14 - 1880].id)).toBeNull();
    expect(byId.get(created[2026 - 60 - 1880].id)).toBe("elder");
  });
});
