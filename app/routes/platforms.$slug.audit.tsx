import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { auditCursorFrom, auditFiltersFrom, readAuditLog } from "~/audit/audit-log.server";
import { AuditLogView } from "~/audit/components/audit-log-view";
import type { RouteHandle } from "~/components/page-title";
import { db } from "~/db.server";
import { resolveLocale } from "~/i18n/i18next.server";
import { requirePlatformRole } from "~/platforms/permissions.server";
import { requirePlatform } from "~/platforms/platforms.server";

export const handle: RouteHandle = { pageTitle: (t) => t("admin:auditLog") };

/** A platform's audit log, for its coordinators (and administrators), in its time zone. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const user = await requirePlatformRole(request, context, platform.id, "coordinator");
  const locale = await resolveLocale(request, user);
  const url = new URL(request.url);
  const filters = { ...auditFiltersFrom(url.searchParams), platform: "" };
  const log = await readAuditLog(db, { platformId: platform.id }, filters, {
    cursor: auditCursorFrom(url.searchParams),
    locale,
    timeZone: platform.timeZone,
  });
  return json({ platform: { slug: platform.slug, name: platform.name }, log: { ...log, filters } });
}

export default function PlatformAuditPage() {
  const { t } = useTranslation("admin");
  const { platform, log } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <p>
        <Link to={`/platforms/${platform.slug}`}>← {platform.name}</Link>
      </p>
      <h1>
        {t("auditLog")} — {platform.name}
      </h1>
      <p className="hint">{t("auditHelp")}</p>
      <AuditLogView log={log} />
    </div>
  );
}
