import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Resource } from "i18next";
import { fallbackLanguage } from "./config";

/**
 * Translations live in the top-level locales/<language>/<namespace>.json files.
 * A language is available as soon as its folder exists: adding Kichwa means adding
 * locales/qu/*.json with the same keys as locales/es (the parity test checks it).
 */
export const localesDir = path.resolve(process.env.MINGA_LOCALES_DIR ?? "locales");

function readResources(): Resource {
  const resources: Resource = {};
  for (const lng of readdirSync(localesDir).sort()) {
    const dir = path.join(localesDir, lng);
    if (!statSync(dir).isDirectory()) continue;
    resources[lng] = {};
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
      resources[lng][file.replace(/\.json$/, "")] = JSON.parse(
        readFileSync(path.join(dir, file), "utf8"),
      );
    }
  }
  return resources;
}

export const resources = readResources();

/** Supported languages, the default (Spanish) first. */
export const supportedLanguages = [
  fallbackLanguage,
  ...Object.keys(resources).filter((l) => l !== fallbackLanguage),
];

export const namespaces = Object.keys(resources[fallbackLanguage] ?? {});

export function isSupportedLanguage(value: unknown): value is string {
  return typeof value === "string" && supportedLanguages.includes(value);
}

/** Each language's name in that language, for the language switcher. */
export function languageChoices(): { code: string; name: string }[] {
  return supportedLanguages.map((code) => {
    const common = resources[code]?.common as Record<string, unknown> | undefined;
    const name = (common?.languageName as string | undefined) ?? code;
    return { code, name };
  });
}
