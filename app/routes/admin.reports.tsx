import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/auth/guards.server";
import type { RouteHandle } from "~/components/page-title";
import { ReportPage } from "~/reports/components/report-page";
import { platformTotals } from "~/reports/platform-totals.server";
import { reportFor } from "~/reports/report-page.server";
import { TableScroll } from "~/components/table-scroll";

export const handle: RouteHandle = { pageTitle: (t) => t("reports:adminTitle") };

/** Dates of the portal-wide report are read in the corridors' main time zone. */
export const ADMIN_REPORT_TIME_ZONE = "America/Guayaquil";

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireAdmin(request, context);
  const data = await reportFor(request, { platformId: null }, ADMIN_REPORT_TIME_ZONE);
  return json({
    ...data,
    platforms: data.report ? await platformTotals(request, ADMIN_REPORT_TIME_ZONE) : [],
  });
}

export default function AdminReport() {
  const { t } = useTranslation("reports");
  const { form, report, print, platforms } = useLoaderData<typeof loader>();
  return (
    <ReportPage
      title={t("adminTitle")}
      back={{ to: "/admin", label: t("admin:title") }}
      basePath="/admin/reports"
      form={form}
      report={report}
      print={print}
    >
      <section aria-labelledby="platforms-title" className="stack">
        <h2 id="platforms-title">{t("platforms.title")}</h2>
        <TableScroll>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("platforms.platform")}</th>
                <th scope="col">{t("activities.total")}</th>
              </tr>
            </thead>
            <tbody>
              {platforms.map((p) => (
                <tr key={p.slug}>
                  <th scope="row">{p.name}</th>
                  <td>{p.total === null ? t("suppressed") : p.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </ReportPage>
  );
}
