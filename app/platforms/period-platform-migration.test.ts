import { databaseBefore } from "~/test/migrations";

// The membership-period-platform migration gives each period its membership's platform and
// makes the periods of one membership disjoint: overlapping ones (left by merging two person
// records) become their union, so counting periods counts members (decision 036).

describe("the membership period platform migration", () => {
  let setup: ReturnType<typeof databaseBefore>;
  afterAll(() => setup?.remove());

  it("copies the platform and joins overlapping periods without changing who was a member when", () => {
    setup = databaseBefore("membership_period_platform");
    const db = setup.db;
    const at = (day: number) =>
      `2026-0${Math.floor(day / 30) + 1}-${String((day % 30) + 1).padStart(2, "0")}T12:00:00.000+00:00`;
    const now = at(0);
    db.exec(`
      INSERT INTO Platform (id, slug, name, descriptionEs, descriptionEn, country, region, timeZone, updatedAt)
        VALUES ('pa', 'a', 'A', '', '', 'EC', 'R', 'America/Guayaquil', '${now}'),
               ('pb', 'b', 'B', '', '', 'PE', 'R', 'America/Lima', '${now}');
      INSERT INTO Participant (id, name, updatedAt) VALUES ('p1', 'Ana', '${now}'), ('p2', 'Rosa', '${now}');
      INSERT INTO Membership (id, participantId, platformId, status, role, updatedAt)
        VALUES ('m1', 'p1', 'pa', 'active', 'member', '${now}'),
               ('m2', 'p1', 'pb', 'left', 'member', '${now}'),
               ('m3', 'p2', 'pa', 'active', 'member', '${now}');
      INSERT INTO MembershipPeriod (id, membershipId, startedAt, endedAt) VALUES
        -- m1: [1,10) and [5,20) overlap, [20,30) only touches them, [25, open) overlaps that one
        ('a1', 'm1', '${at(1)}', '${at(10)}'),
        ('a2', 'm1', '${at(5)}', '${at(20)}'),
        ('a3', 'm1', '${at(20)}', '${at(30)}'),
        ('a4', 'm1', '${at(25)}', NULL),
        -- m2: a period inside another
        ('b1', 'm2', '${at(2)}', '${at(40)}'),
        ('b2', 'm2', '${at(3)}', '${at(4)}'),
        -- m3: apart
        ('c1', 'm3', '${at(1)}', '${at(2)}'),
        ('c2', 'm3', '${at(3)}', NULL);
    `);
    setup.migrateRest();
    const rows = db
      .prepare(
        `SELECT id, membershipId, platformId, startedAt, endedAt FROM MembershipPeriod ORDER BY id`,
      )
      .all();
    expect(rows).toEqual([
      { id: "a1", membershipId: "m1", platformId: "pa", startedAt: at(1), endedAt: at(20) },
      { id: "a3", membershipId: "m1", platformId: "pa", startedAt: at(20), endedAt: null },
      { id: "b1", membershipId: "m2", platformId: "pb", startedAt: at(2), endedAt: at(40) },
      { id: "c1", membershipId: "m3", platformId: "pa", startedAt: at(1), endedAt: at(2) },
      { id: "c2", membershipId: "m3", platformId: "pa", startedAt: at(3), endedAt: null },
    ]);
    // The foreign key holds: a period cannot name another platform than its membership's.
    expect(() =>
      db.exec(
        `INSERT INTO MembershipPeriod (id, membershipId, platformId, startedAt) VALUES ('x', 'm1', 'pb', '${now}')`,
      ),
    ).toThrow(/FOREIGN KEY/);
  });
});
