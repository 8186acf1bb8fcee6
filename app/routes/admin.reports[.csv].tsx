import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/auth/guards.server";
import { getFixedT, resolveLocale } from "~/i18n/i18next.server";
import { reportCsv } from "~/reports/report-page.server";
import { ADMIN_REPORT_TIME_ZONE } from "./admin.reports";

/** The portal-wide report as CSV. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireAdmin(request, context);
  const locale = await resolveLocale(request, user);
  const t = await getFixedT(locale, "reports");
  return reportCsv(
    request,
    { platformId: null },
    ADMIN_REPORT_TIME_ZONE,
    locale,
    t("adminTitle"),
    "participation-all",
  );
}
