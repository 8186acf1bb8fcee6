import { databaseBefore } from "~/test/migrations";

// Moving proposal comments onto the discussion module must keep every comment: replies,
// edits and hidden ones included. Applies the real migrations to a database holding
// comments, as an existing installation would.

describe("the discussions migration", () => {
  let setup: ReturnType<typeof databaseBefore>;
  afterAll(() => setup?.remove());

  it("turns every comment into a post of its proposal's discussion", () => {
    setup = databaseBefore("discussions");
    const db = setup.db;
    const now = "2026-11-01T12:00:00.000Z";
    db.exec(`
      INSERT INTO Platform (id, slug, name, descriptionEs, descriptionEn, country, region, timeZone, updatedAt)
        VALUES ('pl', 'p', 'P', '', '', 'EC', 'R', 'America/Guayaquil', '${now}');
      INSERT INTO User (id, email, name, passwordHash, updatedAt) VALUES ('u1', 'a@x', 'Ana', 'x', '${now}');
      INSERT INTO User (id, email, name, passwordHash, updatedAt) VALUES ('u2', 'b@x', 'Beto', 'x', '${now}');
      INSERT INTO Proposal (id, platformId, authorId, title, summary, state, updatedAt)
        VALUES ('pr1', 'pl', 'u1', 'Con comentarios', 's', 'discussion', '${now}');
      INSERT INTO Proposal (id, platformId, authorId, title, summary, state, updatedAt)
        VALUES ('pr2', 'pl', 'u1', 'Sin comentarios', 's', 'discussion', '${now}');
      INSERT INTO Comment (id, proposalId, authorId, parentId, body, createdAt)
        VALUES ('c1', 'pr1', 'u1', NULL, 'Primera', '2026-11-01T12:00:00.000Z');
      INSERT INTO Comment (id, proposalId, authorId, parentId, body, editedAt, createdAt)
        VALUES ('c2', 'pr1', 'u2', 'c1', 'Respuesta', '2026-11-01T12:05:00.000Z', '2026-11-01T12:01:00.000Z');
      INSERT INTO Comment (id, proposalId, authorId, parentId, body, hiddenAt, hiddenReason, hiddenById, createdAt)
        VALUES ('c3', 'pr1', 'u2', NULL, 'Ofensivo', '2026-11-01T13:00:00.000Z', 'Respeto', 'u1', '2026-11-01T12:02:00.000Z');
    `);
    setup.migrateRest();

    const proposals = db.prepare(`SELECT id, discussionId FROM Proposal ORDER BY id`).all();
    expect(proposals).toEqual([
      { id: "pr1", discussionId: "pr1" },
      { id: "pr2", discussionId: null },
    ]);
    const posts = db
      .prepare(
        `SELECT id, discussionId, authorId, parentId, body, editedAt, hiddenReason, createdAt FROM Post ORDER BY id`,
      )
      .all();
    expect(posts).toEqual([
      {
        id: "c1",
        discussionId: "pr1",
        authorId: "u1",
        parentId: null,
        body: "Primera",
        editedAt: null,
        hiddenReason: null,
        createdAt: "2026-11-01T12:00:00.000Z",
      },
      {
        id: "c2",
        discussionId: "pr1",
        authorId: "u2",
        parentId: "c1",
        body: "Respuesta",
        editedAt: "2026-11-01T12:05:00.000Z",
        hiddenReason: null,
        createdAt: "2026-11-01T12:01:00.000Z",
      },
      {
        id: "c3",
        discussionId: "pr1",
        authorId: "u2",
        parentId: null,
        body: "Ofensivo",
        editedAt: null,
        hiddenReason: "Respeto",
        createdAt: "2026-11-01T12:02:00.000Z",
      },
    ]);
    expect(db.prepare(`SELECT hostType, platformId FROM Discussion`).all()).toEqual([
      { hostType: "proposal", platformId: "pl" },
    ]);
    expect(
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'Comment'`).all(),
    ).toEqual([]);
    expect(db.pragma("foreign_key_check")).toEqual([]);
  });
});
