import { useLocation } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { cursorHref, pageHref } from "~/http/pagination";

/** Previous / next links of a paginated list; plain links, so they work without JavaScript. */
export function Pager({
  page,
  pages,
  param = "page",
  label,
}: {
  page: number;
  pages: number;
  param?: string;
  /** The landmark's name, where a page has two lists (two of one name would be one too many). */
  label?: string;
}) {
  const { t } = useTranslation();
  const { search } = useLocation();
  if (pages <= 1) return null;
  return (
    <nav aria-label={label ?? t("pager.label")} className="link-row pager">
      {page > 1 ? (
        <Link to={pageHref(search, page - 1, param)} rel="prev">
          {t("pager.previous")}
        </Link>
      ) : null}{" "}
      <span>{t("pager.page", { page, pages })}</span>{" "}
      {page < pages ? (
        <Link to={pageHref(search, page + 1, param)} rel="next">
          {t("pager.next")}
        </Link>
      ) : null}
    </nav>
  );
}

/**
 * Newer / older links of a list read from a cursor (a long log) rather than by page number;
 * plain links too.
 */
export function CursorPager({
  newer,
  older,
  labels,
}: {
  newer: string | null;
  older: string | null;
  labels: { nav: string; newer: string; older: string };
}) {
  const { search } = useLocation();
  if (!newer && !older) return null;
  return (
    <nav aria-label={labels.nav} className="link-row pager">
      {newer ? (
        <Link to={cursorHref(search, "newer", newer)} rel="prev">
          {labels.newer}
        </Link>
      ) : null}{" "}
      {older ? (
        <Link to={cursorHref(search, "older", older)} rel="next">
          {labels.older}
        </Link>
      ) : null}
    </nav>
  );
}
