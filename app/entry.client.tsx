import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { i18nOptions } from "./i18n/config";

/**
 * The server already rendered the page in the reader's language; the browser fetches
 * that one language's strings (cached by version) before hydrating. Without
 * JavaScript none of this runs and every page still works.
 */
async function hydrate() {
  const html = document.documentElement;
  const lng = html.lang || "es";
  const version = html.dataset.i18nVersion ?? "0";
  const response = await fetch(`/locales/${encodeURIComponent(lng)}?v=${version}`);
  const bundle = (await response.json()) as Record<string, Record<string, unknown>>;
  await i18next.use(initReactI18next).init({
    ...i18nOptions,
    lng,
    ns: Object.keys(bundle),
    resources: { [lng]: bundle },
  });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

hydrate().catch((error) => console.error(error));
