import { RemixBrowser } from "@remix-run/react";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { startTranslations } from "./i18n/client";

/**
 * The server already rendered the page in the reader's language and put the strings it used
 * in the page, so the browser hydrates without asking for anything. Without JavaScript none
 * of this runs and every page still works.
 */
async function hydrate() {
  const i18n = await startTranslations();
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18n}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

hydrate().catch((error) => console.error(error));
