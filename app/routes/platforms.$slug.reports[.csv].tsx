import type { LoaderFunctionArgs } from "@remix-run/node";
import { resolveLocale } from "~/i18n/i18next.server";
import { requirePlatformRole } from "~/platforms/permissions.server";
import { requirePlatform } from "~/platforms/platforms.server";
import { reportCsv } from "~/reports/report-page.server";

/** The platform's report as CSV: the same suppressed figures as the page. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const user = await requirePlatformRole(request, context, platform.id, "coordinator");
  const locale = await resolveLocale(request, user);
  return reportCsv(
    request,
    { platformId: platform.id },
    platform.timeZone,
    locale,
    platform.name,
    `participation-${platform.slug}`,
  );
}
