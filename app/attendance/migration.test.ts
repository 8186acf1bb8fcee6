import { databaseBefore } from "~/test/migrations";

// The courses migration turned the assemblies' attendance table into the one table of every
// kind of attendance: every row recorded before must still be there, unchanged.

describe("the courses migration", () => {
  let setup: ReturnType<typeof databaseBefore>;
  afterAll(() => setup?.remove());

  it("keeps every assembly attendance row in the shared table", () => {
    setup = databaseBefore("courses");
    const db = setup.db;
    const now = "2026-11-01T12:00:00.000Z";
    db.exec(`
      INSERT INTO Platform (id, slug, name, descriptionEs, descriptionEn, country, region, timeZone, updatedAt)
        VALUES ('pl', 'p', 'P', '', '', 'EC', 'R', 'America/Guayaquil', '${now}');
      INSERT INTO Meeting (id, platformId, title, startsAt, endsAt, status, updatedAt)
        VALUES ('m1', 'pl', 'Asamblea', '${now}', '${now}', 'held', '${now}');
      INSERT INTO User (id, email, name, passwordHash, updatedAt) VALUES ('u', 'u@x', 'U', 'x', '${now}');
      INSERT INTO Participant (id, name, updatedAt) VALUES ('a', 'Ana', '${now}'), ('b', 'Beto', '${now}');
      INSERT INTO Attendance (id, meetingId, participantId, status, walkIn, recordedById, createdAt, updatedAt)
        VALUES ('at1', 'm1', 'a', 'present', 0, 'u', '${now}', '${now}'),
               ('at2', 'm1', 'b', 'excused', 1, NULL, '${now}', '${now}');
    `);
    const before = db.prepare(`SELECT * FROM Attendance ORDER BY id`).all();
    setup.migrateRest();
    const after = db.prepare(`SELECT * FROM Attendance ORDER BY id`).all() as Record<
      string,
      unknown
    >[];
    expect(after.map(({ sessionId, ...rest }) => (expect(sessionId).toBeNull(), rest))).toEqual(
      before,
    );
    expect(db.pragma("foreign_key_check")).toEqual([]);
  });
});
