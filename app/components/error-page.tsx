import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";

/** Which error page an error gets (its title and text in common:errors). */
export function errorKind(error: unknown) {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind =
    status === 403
      ? "forbidden"
      : status === 404
        ? "notFound"
        : status === 413
          ? "tooLarge"
          : status === 415
            ? "unsupported"
            : status >= 400 && status < 500
              ? "badRequest"
              : "unexpected";
  return { status, kind };
}

/** Localized 403/404/other error page. Details of unexpected errors stay in the server log. */
export function ErrorPage() {
  const { t } = useTranslation();
  const { status, kind } = errorKind(useRouteError());
  return (
    <section className="error-page">
      <h1>{t(`errors.${kind}Title`)}</h1>
      <p>{t(`errors.${kind}Body`)}</p>
      <p className="muted">{t("errors.code", { status })}</p>
      <p>
        <Link to="/">{t("errors.home")}</Link>
      </p>
    </section>
  );
}
