import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fallbackLanguage } from "./config";
import { sourceFiles } from "~/test/source-files";
import { localesDir, resources, supportedLanguages } from "./resources.server";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

function keysOf(lng: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [ns, tree] of Object.entries(resources[lng] ?? {})) {
    for (const [k, v] of flatten(tree as Tree)) out.set(`${ns}:${k}`, v);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe("translations", () => {
  it("offers Spanish first, and English", () => {
    expect(supportedLanguages[0]).toBe("es");
    expect(supportedLanguages).toContain("en");
  });

  const reference = keysOf(fallbackLanguage);
  for (const lng of supportedLanguages.filter((l) => l !== fallbackLanguage)) {
    it(`${lng} has exactly the keys of ${fallbackLanguage}, with the same placeholders`, () => {
      const other = keysOf(lng);
      const missing = [...reference.keys()].filter((k) => !other.has(k));
      const extra = [...other.keys()].filter((k) => !reference.has(k));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      for (const [key, text] of reference) {
        expect(placeholders(other.get(key)!), `${lng} ${key}`).toEqual(placeholders(text));
        expect(other.get(key)!.trim(), `${lng} ${key} is empty`).not.toBe("");
      }
    });
  }

  it("has every namespace file in every language folder", () => {
    const names = (lng: string) => readdirSync(path.join(localesDir, lng)).sort();
    for (const lng of supportedLanguages) expect(names(lng)).toEqual(names(fallbackLanguage));
  });

  it("defines every literal key the code asks for", () => {
    const files = sourceFiles();
    const missing: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      // The namespaces the file's components read by default: useTranslation("auth") → auth.
      const fileNamespaces = [
        ...source.matchAll(/useTranslation\("(\w+)"\)|getFixedT\(.*?,\s*"(\w+)"\)/g),
      ].map((m) => m[1] ?? m[2]);
      const namespacesToTry = fileNamespaces.length ? [...fileNamespaces, "common"] : ["common"];
      const literalKeys = [
        ...[...source.matchAll(/\bt\("([\w.:]+)"/g)].map((m) => m[1]),
        ...[...source.matchAll(/"((?:\w+:)?(?:validation|errors)\.[\w.]+)"/g)].map((m) => m[1]),
      ];
      for (const raw of literalKeys) {
        const candidates = raw.includes(":") ? [raw] : namespacesToTry.map((ns) => `${ns}:${raw}`);
        const found = candidates.some(
          (key) =>
            reference.has(key) || reference.has(`${key}_one`) || reference.has(`${key}_other`),
        );
        if (!found) missing.push(`${path.relative(path.resolve("app"), file)}: ${raw}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
