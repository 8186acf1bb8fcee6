import { databaseBefore } from "~/test/migrations";

// The hands_per_person migration keys raised hands by person record: every hand recorded
// before belonged to an account, so it goes to that account's person record; a hand whose
// account was erased (no user any more) stays without one, still counted in the tallies.

describe("the hands_per_person migration", () => {
  let setup: ReturnType<typeof databaseBefore>;
  afterAll(() => setup?.remove());

  it("gives every recorded hand its account's person record and keeps every row", () => {
    setup = databaseBefore("hands_per_person");
    const db = setup.db;
    const now = "2026-11-01T12:00:00.000Z";
    db.exec(`
      INSERT INTO User (id, email, name, passwordHash, updatedAt)
        VALUES ('u1', 'a@x', 'Ana', 'x', '${now}'), ('u2', 'b@x', 'Beto', 'x', '${now}');
      INSERT INTO Participant (id, userId, name, updatedAt)
        VALUES ('p1', 'u1', 'Ana', '${now}'), ('p2', 'u2', 'Beto', '${now}');
      INSERT INTO Platform (id, slug, name, descriptionEs, descriptionEn, country, region, timeZone, updatedAt)
        VALUES ('pl', 'p', 'P', '', '', 'EC', 'R', 'America/Guayaquil', '${now}');
      INSERT INTO Meeting (id, platformId, title, startsAt, endsAt, status, updatedAt)
        VALUES ('m1', 'pl', 'Asamblea', '${now}', '${now}', 'held', '${now}');
      INSERT INTO Proposal (id, platformId, title, summary, updatedAt)
        VALUES ('pr', 'pl', 'T', 'S', '${now}');
      INSERT INTO Vote (id, proposalId, platformId, kind, secret, opensAt, closesAt, quorumPercent, approvalRule)
        VALUES ('v1', 'pr', 'pl', 'yesNo', 0, '${now}', '${now}', 50, 'simple');
      INSERT INTO InPersonVoter (id, voteId, meetingId, userId, createdAt)
        VALUES ('h1', 'v1', 'm1', 'u1', '${now}'), ('h2', 'v1', 'm1', 'u2', '${now}'),
               ('h3', 'v1', 'm1', NULL, '${now}');
    `);
    setup.migrateRest();
    expect(
      db
        .prepare(`SELECT id, userId, participantId, createdAt FROM InPersonVoter ORDER BY id`)
        .all(),
    ).toEqual([
      { id: "h1", userId: "u1", participantId: "p1", createdAt: now },
      { id: "h2", userId: "u2", participantId: "p2", createdAt: now },
      { id: "h3", userId: null, participantId: null, createdAt: now },
    ]);
    expect(db.pragma("foreign_key_check")).toEqual([]);
  });
});
