import { db } from "~/db.server";
import { listsFolded, tidyTemplates } from "~/db-plan-templates.server";

const chunk = (text: string) => ({ type: "stringChunk", chunk: text });
const parameter = { type: "parameter" };
const scalar = (scalarType: string) => ({ arity: "scalar", scalarType, dbType: null });

/** A template as the compiler writes one: the text between "?"s as pieces, each "?" a parameter. */
function template<More extends object>(sql: string, args: unknown[], types: string[], more?: More) {
  const fragments = sql
    .split("?")
    .flatMap((text, i) => [...(i > 0 ? [parameter] : []), ...(text ? [chunk(text)] : [])]);
  return { type: "templateSql", fragments, args, argTypes: types.map(scalar), ...(more as More) };
}

describe("the SQL templates of query plans, tidied", () => {
  it("folds each IN (…) of single parameters, leaving the rest of the template as it was", () => {
    const sql = template(
      "SELECT * FROM t WHERE a IN (?,?,?) AND b = ? AND c NOT IN (?) LIMIT ?",
      ["x", "y", "z", 7, "w", 10],
      ["string", "string", "string", "int", "string", "bigint"],
      { placeholderFormat: { prefix: "?", hasNumbering: false }, chunkable: false },
    );
    const plan = { type: "dataMap", args: { expr: { type: "query", args: sql } } };
    const folded = tidyTemplates(plan);
    expect(folded.args.expr.args).toEqual({
      ...sql,
      fragments: [
        chunk("SELECT * FROM t WHERE a IN "),
        { type: "parameterTuple" },
        chunk(" AND b = "),
        parameter,
        chunk(" AND c NOT IN "),
        { type: "parameterTuple" },
        chunk(" LIMIT "),
        parameter,
      ],
      args: [["x", "y", "z"], 7, ["w"], 10],
      argTypes: [scalar("string"), scalar("int"), scalar("string"), scalar("bigint")],
    });
    // The plan given is left as it was (plans may be kept and shared).
    expect(plan.args.expr.args).toBe(sql);
    expect(sql.fragments).toHaveLength(12);
  });

  it("leaves alone what is not a plain list: tuples of columns, mixed types, no list at all", () => {
    const tuples = template("WHERE (a, b) IN ((?,?))", [1, 2], ["int", "int"]);
    const mixed = template("WHERE a IN (?,?)", [1, "2"], ["int", "string"]);
    const none = template("WHERE a = ?", [1], ["int"]);
    for (const plan of [tuples, mixed, none]) expect(tidyTemplates({ plan }).plan).toBe(plan);
  });

  it("marks a template without lists not chunkable; one with a list stays chunkable", () => {
    const fixed = template("SELECT * FROM t WHERE a = ? LIMIT ?", ["x", 1], ["string", "bigint"], {
      chunkable: true,
    });
    const listed = template("SELECT * FROM t WHERE a IN (?,?)", ["x", "y"], ["string", "string"], {
      chunkable: true,
    });
    const [tidyFixed, tidyListed] = tidyTemplates([fixed, listed]);
    expect(tidyFixed).toEqual({ ...fixed, chunkable: false });
    expect(tidyListed).toMatchObject({ chunkable: true, args: [["x", "y"]] });
    expect(fixed.chunkable).toBe(true);
  });

  // Runs on both databases: PostgreSQL numbers its placeholders ($1, $2…), so a list folded
  // with the wrong count would shift every value after it.
  it("reads the same rows as before, for lists of one, a few and hundreds, with values after them", async () => {
    const stamp = `fold-${Date.now()}`;
    const users = [];
    for (const name of ["Ana", "Beto", "Carla", "Dora", "Elio"])
      users.push(
        await db.user.create({
          data: { email: `${name.toLowerCase()}-${stamp}@example.org`, name, passwordHash: "-" },
        }),
      );
    const [ana, beto, carla, dora, elio] = users;
    const names = async (where: object) =>
      (
        await db.user.findMany({
          where: { AND: [where, { email: { endsWith: `${stamp}@example.org` } }] },
          orderBy: { name: "asc" },
          select: { name: true },
        })
      ).map((u) => u.name);
    const unknown = Array.from({ length: 300 }, (_, i) => `nobody-${i}`);
    const before = listsFolded();
    expect(await names({ id: { in: [beto.id] } })).toEqual(["Beto"]);
    expect(await names({ id: { in: [elio.id, ana.id, carla.id] } })).toEqual([
      "Ana",
      "Carla",
      "Elio",
    ]);
    expect(await names({ id: { in: [...unknown, dora.id, ...unknown] } })).toEqual(["Dora"]);
    expect(await names({ id: { notIn: [ana.id, beto.id] } })).toEqual(["Carla", "Dora", "Elio"]);
    expect(
      await names({
        OR: [{ id: { in: [ana.id, ...unknown] } }, { name: { in: ["Elio", "Zoe"] } }],
      }),
    ).toEqual(["Ana", "Elio"]);
    expect(await names({ id: { in: [] } })).toEqual([]);
    // Counted and grouped the same way.
    expect(await db.user.count({ where: { id: { in: [ana.id, beto.id, ...unknown] } } })).toBe(2);
    // The compiler's plans were folded: these lists did not go through as single parameters.
    expect(listsFolded() - before).toBeGreaterThanOrEqual(6);
  });
});
