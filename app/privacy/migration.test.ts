import { databaseBefore } from "~/test/migrations";

// The erase_account migration turned every *ById column into a foreign key to User. An
// installation may hold ids of accounts that no longer exist (they were plain text): those
// are cleared, every other id and row stays, and the new keys hold.

describe("the erase_account migration", () => {
  let setup: ReturnType<typeof databaseBefore>;
  afterAll(() => setup?.remove());

  it("keeps real ids, clears dangling ones and leaves no broken key", () => {
    setup = databaseBefore("erase_account");
    const db = setup.db;
    const now = "2026-11-01T12:00:00.000Z";
    db.exec(`
      INSERT INTO User (id, email, name, passwordHash, updatedAt) VALUES ('u', 'u@x', 'U', 'x', '${now}');
      INSERT INTO Platform (id, slug, name, descriptionEs, descriptionEn, country, region, timeZone, updatedAt)
        VALUES ('pl', 'p', 'P', '', '', 'EC', 'R', 'America/Guayaquil', '${now}');
      INSERT INTO Meeting (id, platformId, title, startsAt, endsAt, status, createdById, minutesPublishedById, updatedAt)
        VALUES ('m1', 'pl', 'Asamblea', '${now}', '${now}', 'held', 'u', 'gone', '${now}');
      INSERT INTO Proposal (id, platformId, authorId, title, summary, updatedAt)
        VALUES ('p1', 'pl', 'u', 'T', 'S', '${now}');
      INSERT INTO Vote (id, proposalId, platformId, kind, secret, opensAt, closesAt, quorumPercent, approvalRule, createdById, closedById)
        VALUES ('v1', 'p1', 'pl', 'yesNo', 0, '${now}', '${now}', 50, 'simple', 'gone', 'u');
      INSERT INTO InPersonVoter (id, voteId, meetingId, userId) VALUES ('iv1', 'v1', 'm1', 'gone'), ('iv2', 'v1', 'm1', 'u');
    `);
    const count = (table: string) =>
      (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    const before = ["Meeting", "Proposal", "Vote", "InPersonVoter"].map(count);
    setup.migrateRest();
    expect(["Meeting", "Proposal", "Vote", "InPersonVoter"].map(count)).toEqual(before);
    expect(db.prepare(`SELECT createdById, minutesPublishedById FROM Meeting`).get()).toEqual({
      createdById: "u",
      minutesPublishedById: null,
    });
    expect(db.prepare(`SELECT createdById, closedById FROM Vote`).get()).toEqual({
      createdById: null,
      closedById: "u",
    });
    expect(db.prepare(`SELECT userId FROM InPersonVoter ORDER BY id`).all()).toEqual([
      { userId: null },
      { userId: "u" },
    ]);
    expect(db.pragma("foreign_key_check")).toEqual([]);
  });
});
