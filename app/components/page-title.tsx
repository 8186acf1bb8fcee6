import { useMatches, useRouteError } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "~/i18n/use-translation";
import { errorKind } from "./error-page";

/**
 * Routes name their page in `handle.pageTitle`, with the translation function, so
 * titles follow the reader's language without a translated string in every loader.
 */
export interface RouteHandle {
  pageTitle?: (t: TFunction, data: unknown) => string;
}

export function PageTitle() {
  const { t } = useTranslation();
  const error = useRouteError();
  const matches = useMatches();
  // An error page is titled as what it says (403, 404…), not as the page that was refused.
  // Without an error, React Router answers null (its context's default), not undefined.
  if (error !== null && error !== undefined)
    return <title>{`${t(`errors.${errorKind(error).kind}Title`)} · Minga`}</title>;
  const match = [...matches]
    .reverse()
    .find((m) => (m.handle as RouteHandle | undefined)?.pageTitle);
  const title = match ? (match.handle as RouteHandle).pageTitle!(t, match.data) : null;
  return <title>{title ? `${title} · Minga` : `Minga · ${t("site.tagline")}`}</title>;
}
