import Database from "better-sqlite3";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";

// The courses migration turned the assemblies' attendance table into the one table of every
// kind of attendance: every row recorded before must still be there, unchanged.

const dir = path.resolve("prisma/migrations");
const migrations = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const target = migrations.findIndex((m) => m.endsWith("_courses"));
const sql = (name: string) => readFileSync(path.join(dir, name, "migration.sql"), "utf8");

describe("the courses migration", () => {
  const file = path.resolve(`.tmp/migration-${randomUUID()}.db`);
  afterAll(() => rmSync(file, { force: true }));

  it("keeps every assembly attendance row in the shared table", () => {
    const db = new Database(file);
    for (const m of migrations.slice(0, target)) db.exec(sql(m));
    const now = "2026-11-01T12:00:00.000Z";
    db.exec(`
      INSERT INTO Platform (id, slug, name, descriptionEs, descriptionEn, country, region, timeZone, updatedAt)
        VALUES ('pl', 'p', 'P', '', '', 'EC', 'R', 'America/Guayaquil', '${now}');
      INSERT INTO Meeting (id, platformId, title, startsAt, endsAt, status, updatedAt)
        VALUES ('m1', 'pl', 'Asamblea', '${now}', '${now}', 'held', '${now}');
      INSERT INTO Participant (id, name, updatedAt) VALUES ('a', 'Ana', '${now}'), ('b', 'Beto', '${now}');
      INSERT INTO Attendance (id, meetingId, participantId, status, walkIn, recordedById, createdAt, updatedAt)
        VALUES ('at1', 'm1', 'a', 'present', 0, 'u', '${now}', '${now}'),
               ('at2', 'm1', 'b', 'excused', 1, NULL, '${now}', '${now}');
    `);
    const before = db.prepare(`SELECT * FROM Attendance ORDER BY id`).all();
    for (const m of migrations.slice(target)) db.exec(sql(m));
    const after = db.prepare(`SELECT * FROM Attendance ORDER BY id`).all() as Record<
      string,
      unknown
    >[];
    expect(after.map(({ sessionId, ...rest }) => (expect(sessionId).toBeNull(), rest))).toEqual(
      before,
    );
    expect(db.pragma("foreign_key_check")).toEqual([]);
    db.close();
  });
});
