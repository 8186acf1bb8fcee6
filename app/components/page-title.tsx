import { useMatches } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "~/i18n/use-translation";

/**
 * Routes name their page in `handle.pageTitle`, with the translation function, so
 * titles follow the reader's language without a translated string in every loader.
 */
export interface RouteHandle {
  pageTitle?: (t: TFunction, data: unknown) => string;
}

export function PageTitle() {
  const { t } = useTranslation();
  const matches = useMatches();
  const match = [...matches]
    .reverse()
    .find((m) => (m.handle as RouteHandle | undefined)?.pageTitle);
  const title = match ? (match.handle as RouteHandle).pageTitle!(t, match.data) : null;
  return <title>{title ? `${title} · Minga` : `Minga · ${t("site.tagline")}`}</title>;
}
