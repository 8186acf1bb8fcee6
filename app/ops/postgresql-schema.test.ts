import { readFileSync } from "node:fs";
import { postgresqlSchema, SOURCE, TARGET } from "../../prisma/postgresql-schema.mjs";

describe("PostgreSQL's schema, generated from SQLite's", () => {
  it("is what the generator writes from prisma/schema.prisma today (run npm run db:generate)", () => {
    expect(readFileSync(TARGET, "utf8")).toBe(postgresqlSchema(readFileSync(SOURCE, "utf8")));
  });

  it("differs only in the provider, the placeholder url and the client's folder", () => {
    const generated = postgresqlSchema(readFileSync(SOURCE, "utf8"));
    expect(generated).toMatch(/provider = "postgresql"/);
    expect(generated).toMatch(/output\s+= "\.\.\/\.\.\/node_modules\/\.prisma\/postgresql-client"/);
    expect(generated).not.toMatch(/"sqlite"|file:/);
    const models = (s: string) => s.slice(s.indexOf("\nmodel "));
    expect(models(generated)).toBe(models(readFileSync(SOURCE, "utf8")));
  });

  it("refuses a schema it does not recognise instead of writing a wrong one", () => {
    expect(() => postgresqlSchema('datasource db {\n  provider = "mysql"\n}\n')).toThrow(
      /provider "sqlite" not found/,
    );
  });
});
