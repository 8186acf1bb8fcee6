import { readFileSync } from "node:fs";
import path from "node:path";
import { ZodType } from "zod";
import { sourceFiles } from "~/test/source-files";
import { decodeMessage } from "./messages";

/**
 * Every form's schema answers bad input with translation keys that both languages define,
 * never with Zod's own English ("Required", "Expected string…"): a Spanish reader would see
 * English beside the field. An empty form is what Conform hands over when nothing is typed
 * (empty fields arrive as undefined).
 */
const schemaFiles = sourceFiles().filter((f) => /schemas\.ts$/.test(f));

function hasKey(language: string, key: string): boolean {
  const [ns, rest] = key.includes(":") ? key.split(":", 2) : ["common", key];
  let node: unknown = JSON.parse(
    readFileSync(path.resolve("locales", language, `${ns}.json`), "utf8"),
  );
  for (const part of rest.split(".")) {
    if (typeof node !== "object" || node === null) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
}

/** Messages of the issues a schema raises for `input`, nested unions included. */
function messagesOf(schema: ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

describe("form schemas", () => {
  it("are found", () => {
    expect(schemaFiles.length).toBeGreaterThan(10);
  });

  for (const file of schemaFiles) {
    it(`${path.relative(path.resolve("app"), file)} answers an empty form in both languages`, async () => {
      const mod = (await import(file)) as Record<string, unknown>;
      const schemas = Object.entries(mod).filter(
        (e): e is [string, ZodType] => e[1] instanceof ZodType,
      );
      const untranslated: string[] = [];
      for (const [name, schema] of schemas) {
        for (const input of [{}]) {
          for (const message of messagesOf(schema, input)) {
            const { key } = decodeMessage(message);
            if (!hasKey("es", key) || !hasKey("en", key)) untranslated.push(`${name}: ${message}`);
          }
        }
      }
      expect(untranslated).toEqual([]);
    });
  }
});
