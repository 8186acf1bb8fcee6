import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listAuditEvents } from "~/audit/audit.server";
import { requireAdmin } from "~/auth/guards.server";
import { Pager } from "~/components/pager";
import type { RouteHandle } from "~/components/page-title";
import { pageFromUrl } from "~/http/pagination";
import { formatDateTime } from "~/i18n/format";
import { resolveLocale } from "~/i18n/i18next.server";

export const handle: RouteHandle = { pageTitle: (t) => t("admin:auditLog") };

/** The append-only audit log, newest first; read-only by construction. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireAdmin(request, context);
  const locale = await resolveLocale(request, user);
  const log = await listAuditEvents({ page: pageFromUrl(request.url) });
  return json({
    ...log,
    events: log.events.map((e) => ({
      id: e.id,
      when: formatDateTime(e.createdAt, locale, "America/Guayaquil"),
      actor: e.actor ? `${e.actor.name} <${e.actor.email}>` : null,
      action: e.action,
      entity: `${e.entityType} ${e.entityId}`,
      details: e.details,
    })),
  });
}

export default function AuditPage() {
  const { t } = useTranslation("admin");
  const { events, page, pages } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <p>
        <Link to="/admin">← {t("title")}</Link>
      </p>
      <h1>{t("auditLog")}</h1>
      <p className="hint">{t("auditHelp")}</p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("when")}</th>
              <th scope="col">{t("who")}</th>
              <th scope="col">{t("what")}</th>
              <th scope="col">{t("details")}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td>{e.when}</td>
                <td>{e.actor ?? "—"}</td>
                <td>
                  {t(`actions.${e.action}`, { defaultValue: e.action })}
                  <br />
                  <span className="muted">{e.entity}</span>
                </td>
                <td>
                  <code className="details">{e.details}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={page} pages={pages} />
    </div>
  );
}
