import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import {
  DEFAULT_AUDIT_TIME_ZONE,
  auditCursorFrom,
  auditFiltersFrom,
  readAuditLog,
} from "~/audit/audit-log.server";
import { AuditLogView } from "~/audit/components/audit-log-view";
import { requireAdmin } from "~/auth/guards.server";
import type { RouteHandle } from "~/components/page-title";
import { db } from "~/db.server";
import { resolveLocale } from "~/i18n/i18next.server";

export const handle: RouteHandle = { pageTitle: (t) => t("admin:auditLog") };

/** The append-only audit log of the whole portal, newest first; read-only by construction. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireAdmin(request, context);
  const locale = await resolveLocale(request, user);
  const url = new URL(request.url);
  const filters = auditFiltersFrom(url.searchParams);
  const [log, platforms] = await Promise.all([
    readAuditLog(db, { platformId: null }, filters, {
      cursor: auditCursorFrom(url.searchParams),
      locale,
      timeZone: DEFAULT_AUDIT_TIME_ZONE,
    }),
    db.platform.findMany({
      select: { slug: true, name: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
  ]);
  return json({ log: { ...log, filters }, platforms });
}

export default function AuditPage() {
  const { t } = useTranslation("admin");
  const { log, platforms } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <p>
        <Link to="/admin">← {t("title")}</Link>
      </p>
      <h1>{t("auditLog")}</h1>
      <p className="hint">{t("auditHelp")}</p>
      <AuditLogView log={log} platforms={platforms} />
    </div>
  );
}
