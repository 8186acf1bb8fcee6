import type { i18n as I18n } from "i18next";

/**
 * What a page's render asked for, kept for the life of the process: the same language, key and
 * options (plain values only) always give the same string, because the portal's translations
 * and i18next's options are fixed while it runs (resources.server.ts, config.ts). A lookup with
 * a count or a value to interpolate costs i18next ~25 µs (plural rules, fallbacks,
 * interpolation); a page of 50 people makes hundreds (issue 11). Kept per store of strings, so
 * an instance built on other strings (a test's) gets its own.
 */
const memos = new WeakMap<object, Map<string, string>>();
// Names and other values interpolated make keys without end; starting again is cheap.
const MAX_ENTRIES = 10_000;

const SEP = "\u0000";

/** The memo's key, or null when an option is not a plain value (a React node, a function, …). */
export function lookupKey(language: string, key: unknown, options?: unknown): string | null {
  if (typeof key !== "string") return null;
  let id = language + SEP + key;
  if (options === undefined || options === null) return id;
  if (typeof options !== "object" || Array.isArray(options)) return null;
  for (const name in options) {
    const value = (options as Record<string, unknown>)[name];
    if (value === undefined) continue;
    const type = typeof value;
    if (type === "string" || type === "number" || type === "boolean" || value === null)
      id += SEP + name + "=" + type[0] + String(value);
    else if (Array.isArray(value) && value.every((v) => typeof v === "string"))
      id += SEP + name + "=a" + value.join(SEP + SEP);
    else return null;
  }
  return id;
}

/** Serves `i18n.t` from the memo. */
export function memoizeTranslations(i18n: I18n): void {
  const data = (i18n as unknown as { store: { data: object } }).store.data;
  let memo = memos.get(data);
  if (!memo) memos.set(data, (memo = new Map()));
  const translate = i18n.t.bind(i18n) as unknown as (...args: unknown[]) => unknown;
  const cache = memo;
  i18n.t = ((...args: unknown[]) => {
    const id = args.length <= 2 ? lookupKey(i18n.language, args[0], args[1]) : null;
    if (id === null) return translate(...args);
    const hit = cache.get(id);
    if (hit !== undefined) return hit;
    const value = translate(...args);
    if (typeof value === "string") {
      if (cache.size >= MAX_ENTRIES) cache.clear();
      cache.set(id, value);
    }
    return value;
  }) as unknown as I18n["t"];
}
