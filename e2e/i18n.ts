import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The portal's own strings, read from locales/, so a browser test can run the same journey
 * in every language without copying a translation.
 */
export function tr(
  lang: string,
  ns: string,
  key: string,
  values: Record<string, string | number> = {},
) {
  const file = path.resolve("locales", lang, `${ns}.json`);
  let node: unknown = JSON.parse(readFileSync(file, "utf8"));
  for (const part of key.split(".")) node = (node as Record<string, unknown>)[part];
  if (typeof node !== "string") throw new Error(`no string ${lang}/${ns}:${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ""));
}
