import i18next from "i18next";
import { useRef } from "react";
import { useLocation, useNavigation } from "@remix-run/react";
import { initReactI18next } from "react-i18next";
import { INLINE_TRANSLATIONS_ID, i18nOptions } from "./config";

/**
 * The browser's translations. A page carries the namespaces its server render used (see
 * inline-translations.server.ts), so hydrating needs no request. The rest of the language is
 * fetched (cached by version) only when the person moves to another page in the browser, and
 * that page is shown once it has arrived — never with raw keys.
 */

interface InlineTranslations {
  lng: string;
  version: string;
  resources: Record<string, Record<string, unknown>>;
}

let version = "0";
let pending: Promise<void> | null = null;
let state: "partial" | "complete" | "failed" = "partial";

/** Fetches the whole language once; later calls share the same request. */
export function loadAllTranslations(): Promise<void> {
  if (state !== "partial") return Promise.resolve();
  pending ??= fetch(`/locales/${encodeURIComponent(i18next.language)}?v=${version}`)
    .then((response) => {
      if (!response.ok) throw new Error(`translations: ${response.status}`);
      return response.json() as Promise<Record<string, Record<string, unknown>>>;
    })
    .then((bundle) => {
      for (const [ns, strings] of Object.entries(bundle))
        i18next.addResourceBundle(i18next.language, ns, strings, true, true);
      state = "complete";
    })
    // Offline: keep showing pages with what is here rather than waiting for ever.
    .catch(() => {
      state = "failed";
    });
  return pending;
}

export async function startTranslations() {
  const block = document.getElementById(INLINE_TRANSLATIONS_ID);
  const inline = block?.textContent ? (JSON.parse(block.textContent) as InlineTranslations) : null;
  const lng = inline?.lng ?? document.documentElement.lang ?? "es";
  version = inline?.version ?? document.documentElement.dataset.i18nVersion ?? "0";
  await i18next.use(initReactI18next).init({
    ...i18nOptions,
    lng,
    ns: Object.keys(inline?.resources ?? {}),
    resources: { [lng]: inline?.resources ?? {} },
    partialBundledLanguages: true,
    // A string the page did not carry (shown only after some action in the browser): fetch
    // the language; components re-render when it is added.
    saveMissing: true,
    missingKeyHandler: () => void loadAllTranslations(),
    react: { useSuspense: false, bindI18nStore: "added" },
  });
  if (!inline) await loadAllTranslations();
  return i18next;
}

/**
 * In the root route: when the person moves to another page in the browser, start fetching the
 * rest of the language with the page's data and hold the new page back (React keeps the old
 * one on screen during the navigation) until the strings are here.
 */
export function useTranslationsForNavigation() {
  const location = useLocation();
  const navigation = useNavigation();
  const firstPage = useRef(location.key);
  if (typeof document === "undefined" || state !== "partial") return;
  const moved = location.key !== firstPage.current;
  if (navigation.state !== "idle" || moved) {
    const loading = loadAllTranslations();
    if (moved) throw loading;
  }
}
