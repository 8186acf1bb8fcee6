import Database from "better-sqlite3";
import { db } from "~/db.server";
import { databaseProvider } from "~/db-url.server";
import { keepStatements, statementStats } from "~/db-statements.server";

/** A connection as the adapter opens it, used the way the adapter uses it. */
function connection() {
  const database = new Database(":memory:");
  database.defaultSafeIntegers(true);
  database.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
  keepStatements(database);
  const read = (sql: string, values: unknown[]) => {
    const statement = database.prepare(sql).bind(values);
    return { columns: statement.columns().map((c) => c.name), rows: statement.raw().all() };
  };
  const write = (sql: string, values: unknown[]) => database.prepare(sql).bind(values).run();
  return { database, read, write };
}

describe("prepared statements kept by the SQLite connection", () => {
  it("prepares a query once and runs it with each use's own values", () => {
    const { read, write } = connection();
    const before = statementStats();
    for (const name of ["Ana", "Luis", "Rosa"]) write("INSERT INTO t (name) VALUES (?)", [name]);
    const byName = (name: string) => read("SELECT id, name FROM t WHERE name = ?", [name]);
    expect(byName("Luis")).toEqual({ columns: ["id", "name"], rows: [[2n, "Luis"]] });
    expect(byName("Rosa").rows).toEqual([[3n, "Rosa"]]);
    expect(byName("nadie").rows).toEqual([]);
    const after = statementStats();
    // Two statements prepared (the insert, the select); five uses reused them.
    expect(after.prepared - before.prepared).toBe(2);
    expect(after.reused - before.reused).toBe(4);
  });

  it("keeps a transaction's statements usable after a failure inside it", () => {
    const { database, read, write } = connection();
    database.prepare("BEGIN").run();
    write("INSERT INTO t (id, name) VALUES (?, ?)", [1, "Ana"]);
    expect(() => write("INSERT INTO t (id, name) VALUES (?, ?)", [1, "otra"])).toThrow(/UNIQUE/);
    database.prepare("ROLLBACK").run();
    write("INSERT INTO t (id, name) VALUES (?, ?)", [1, "Luis"]);
    expect(read("SELECT name FROM t", []).rows).toEqual([["Luis"]]);
  });

  it("sees a changed schema (SQLite prepares a kept statement again)", () => {
    const { database, read, write } = connection();
    write("INSERT INTO t (name) VALUES (?)", ["Ana"]);
    expect(read("SELECT * FROM t", []).columns).toEqual(["id", "name"]);
    database.exec("ALTER TABLE t ADD COLUMN community TEXT");
    expect(read("SELECT * FROM t", []).columns).toEqual(["id", "name", "community"]);
  });

  it("describes the columns of a query that names them once, and of `SELECT *` each time", () => {
    const { read, write } = connection();
    write("INSERT INTO t (name) VALUES (?)", ["Ana"]);
    const statementClass = Object.getPrototypeOf(new Database(":memory:").prepare("SELECT 1"));
    const described = vi.spyOn(statementClass, "columns");
    try {
      for (let i = 0; i < 3; i++) {
        expect(read("SELECT id, name, COUNT(*) AS n FROM t GROUP BY id", [])).toEqual({
          columns: ["id", "name", "n"],
          rows: [[1n, "Ana", 1n]],
        });
      }
      expect(described).toHaveBeenCalledTimes(1);
      for (let i = 0; i < 3; i++) read("SELECT * FROM t", []);
      expect(described).toHaveBeenCalledTimes(4);
    } finally {
      described.mockRestore();
    }
  });

  it.runIf(databaseProvider() === "sqlite")(
    "is what the portal's database client uses",
    async () => {
      const before = statementStats();
      for (let i = 0; i < 3; i++) await db.platform.count({ where: { slug: "no-such-platform" } });
      expect(statementStats().reused - before.reused).toBeGreaterThanOrEqual(2);
    },
  );
});
