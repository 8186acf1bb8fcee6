import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { RouteHandle } from "~/components/page-title";
import { requirePlatformRole } from "~/platforms/permissions.server";
import { requirePlatform } from "~/platforms/platforms.server";
import { ReportPage } from "~/reports/components/report-page";
import { reportFor } from "~/reports/report-page.server";

export const handle: RouteHandle = { pageTitle: (t) => t("reports:title") };

/** A platform's participation report, for its coordinators (and administrators). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  await requirePlatformRole(request, context, platform.id, "coordinator");
  const data = await reportFor(request, { platformId: platform.id }, platform.timeZone);
  return json({ platform: { slug: platform.slug, name: platform.name }, ...data });
}

export default function PlatformReport() {
  const { t } = useTranslation("reports");
  const { platform, form, report, print } = useLoaderData<typeof loader>();
  const base = `/platforms/${platform.slug}/reports`;
  return (
    <ReportPage
      title={`${t("title")} — ${platform.name}`}
      back={{ to: `/platforms/${platform.slug}`, label: platform.name }}
      basePath={base}
      form={form}
      report={report}
      print={print}
    />
  );
}
