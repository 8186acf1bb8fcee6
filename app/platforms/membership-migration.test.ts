import { databaseBefore } from "~/test/migrations";

// The members-without-account migration makes every membership belong to a person record:
// an account that had none gets one (its name), and each membership keeps its rows.

describe("the members without an account migration", () => {
  let setup: ReturnType<typeof databaseBefore>;
  afterAll(() => setup?.remove());

  it("gives every member a person record and keeps every membership and period", () => {
    setup = databaseBefore("members_without_account");
    const db = setup.db;
    const now = "2026-11-01T12:00:00.000Z";
    db.exec(`
      INSERT INTO Platform (id, slug, name, descriptionEs, descriptionEn, country, region, timeZone, updatedAt)
        VALUES ('pl', 'p', 'P', '', '', 'EC', 'R', 'America/Guayaquil', '${now}');
      INSERT INTO User (id, email, name, passwordHash, updatedAt)
        VALUES ('u1', 'a@example.org', 'Ana', 'x', '${now}'),
               ('u2', 'b@example.org', 'Bélgica Ñuste', 'x', '${now}'),
               ('u3', 'c@example.org', 'Sin membresía', 'x', '${now}');
      INSERT INTO Participant (id, userId, name, updatedAt) VALUES ('p1', 'u1', 'Ana', '${now}');
      INSERT INTO Membership (id, userId, platformId, status, role, updatedAt)
        VALUES ('m1', 'u1', 'pl', 'active', 'coordinator', '${now}'),
               ('m2', 'u2', 'pl', 'left', 'member', '${now}');
      INSERT INTO MembershipPeriod (id, membershipId, startedAt, endedAt)
        VALUES ('mp1', 'm1', '${now}', NULL), ('mp2', 'm2', '${now}', '${now}');
    `);
    const periods = db.prepare(`SELECT * FROM MembershipPeriod ORDER BY id`).all();
    setup.migrateRest();
    const rows = db
      .prepare(
        `SELECT m.id, m.userId, m.status, m.role, p.userId AS owner, p.name, p.searchText
         FROM Membership m JOIN Participant p ON p.id = m.participantId ORDER BY m.id`,
      )
      .all();
    expect(rows).toEqual([
      {
        id: "m1",
        userId: "u1",
        status: "active",
        role: "coordinator",
        owner: "u1",
        name: "Ana",
        searchText: "",
      },
      {
        id: "m2",
        userId: "u2",
        status: "left",
        role: "member",
        owner: "u2",
        name: "Bélgica Ñuste",
        searchText: "belgica nuste",
      },
    ]);
    // Only members were given a record; existing records are reused, not doubled.
    expect(db.prepare(`SELECT count(*) AS n FROM Participant`).get()).toEqual({ n: 2 });
    expect(
      db
        .prepare(`SELECT id, membershipId, startedAt, endedAt FROM MembershipPeriod ORDER BY id`)
        .all(),
    ).toEqual(periods);
    expect(db.pragma("foreign_key_check")).toEqual([]);
  });
});
