import type { i18n as I18n, TFunction } from "i18next";
import { useContext } from "react";
import { I18nContext } from "react-i18next";

/**
 * The `t` of a namespace for the page being rendered. Pages are only ever rendered on the
 * server, once, to a string (decisions 040 and 041): nothing re-renders, changes language or
 * loads a namespace later. So react-i18next's hook, which builds a new fixed `t`, checks every
 * namespace is loaded and sets up state and effects on each call, does work no page needs —
 * on a forum thread of 50 posts it is called hundreds of times (issue 11). Here each
 * namespace's `t` is made once for the render's i18next instance and shared by every
 * component; it goes through the instance's `t`, memoized by memo-translations.server.ts.
 */
const fixedTs = new WeakMap<I18n, Map<string, TFunction>>();

/** Outside a page's render (a component rendered alone in a test): the keys themselves. */
const keysOnly = ((key: string | string[]) =>
  Array.isArray(key) ? key[key.length - 1] : key) as unknown as TFunction;

export function useTranslation(ns?: string): { t: TFunction; i18n: I18n } {
  const i18n = useContext(I18nContext)?.i18n;
  if (!i18n) return { t: keysOnly, i18n: undefined as unknown as I18n };
  let byNamespace = fixedTs.get(i18n);
  if (!byNamespace) fixedTs.set(i18n, (byNamespace = new Map()));
  const key = ns ?? "";
  let t = byNamespace.get(key);
  if (!t) byNamespace.set(key, (t = i18n.getFixedT(null, ns ?? null)));
  return { t, i18n };
}
