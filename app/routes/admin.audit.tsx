import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listAuditEvents } from "~/audit/audit.server";
import { requireAdmin } from "~/auth/guards.server";
import type { RouteHandle } from "~/components/page-title";
import { formatDateTime } from "~/i18n/format";
import { resolveLocale } from "~/i18n/i18next.server";

export const handle: RouteHandle = { pageTitle: (t) => t("admin:auditLog") };

/** The append-only audit log, newest first; read-only by construction. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireAdmin(request, context);
  const locale = await resolveLocale(request, user);
  const asked = Number.parseInt(new URL(request.url).searchParams.get("page") ?? "1", 10);
  const page = Number.isSafeInteger(asked) && asked > 0 ? Math.min(asked, 1_000_000) : 1;
  const log = await listAuditEvents({ page });
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
      <p>
        {page > 1 ? <Link to={`?page=${page - 1}`}>{t("newer")}</Link> : null}{" "}
        {page < pages ? <Link to={`?page=${page + 1}`}>{t("older")}</Link> : null}
      </p>
    </div>
  );
}
