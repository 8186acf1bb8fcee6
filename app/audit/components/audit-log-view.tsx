import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { CursorPager } from "~/components/pager";
import { decodeMessage } from "~/forms/messages";
import { TableScroll } from "~/components/table-scroll";

export interface AuditLogData {
  filters: { platform: string; action: string; person: string; from: string; to: string };
  errors: { from?: string; to?: string };
  actions: string[];
  total: number;
  moreThanTotal: boolean;
  newer: string | null;
  older: string | null;
  events: {
    id: string;
    when: string;
    platform: string | null;
    actor: string | null;
    /** The actor's account was erased (no actor otherwise means the portal itself). */
    actorErased: boolean;
    action: string;
    entity: string;
    details: string;
  }[];
}

/** The audit log's filters (a plain GET form) and one page of entries. */
export function AuditLogView({
  log,
  platforms,
}: {
  log: AuditLogData;
  /** For administrators: the platforms to filter by (coordinators read their own only). */
  platforms?: { slug: string; name: string }[];
}) {
  const { t } = useTranslation("admin");
  const { t: tc } = useTranslation();
  const { filters, errors } = log;
  const error = (key: "from" | "to") => {
    const raw = errors[key];
    if (!raw) return null;
    const m = decodeMessage(raw);
    return (
      <p id={`audit-${key}-error`} className="field-error">
        {tc(m.key, m.values)}
      </p>
    );
  };
  return (
    <div className="stack">
      <Form method="get" className="stack" role="search">
        {platforms ? (
          <div className="field">
            <label htmlFor="audit-platform">{t("audit.platform")}</label>
            <select id="audit-platform" name="platform" defaultValue={filters.platform}>
              <option value="">{t("audit.any")}</option>
              {platforms.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="audit-action">{t("audit.action")}</label>
          <select id="audit-action" name="action" defaultValue={filters.action}>
            <option value="">{t("audit.any")}</option>
            {log.actions.map((a) => (
              <option key={a} value={a}>
                {t(`actions.${a}`, { defaultValue: a })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-person">{t("audit.person")}</label>
          <input
            id="audit-person"
            name="person"
            type="search"
            defaultValue={filters.person}
            maxLength={100}
          />
        </div>
        {(["from", "to"] as const).map((key) => (
          <div key={key} className="field">
            <label htmlFor={`audit-${key}`}>{t(`audit.${key}`)}</label>
            <input
              id={`audit-${key}`}
              name={key}
              type="date"
              defaultValue={filters[key]}
              aria-invalid={errors[key] ? true : undefined}
              aria-describedby={errors[key] ? `audit-${key}-error` : undefined}
            />
            {error(key)}
          </div>
        ))}
        <button type="submit" className="button">
          {t("audit.filter")}
        </button>
      </Form>
      <p className="muted" role="status">
        {log.moreThanTotal
          ? t("audit.countMore", { count: log.total })
          : t("audit.count", { count: log.total })}
      </p>
      <TableScroll>
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
            {log.events.map((e) => (
              <tr key={e.id}>
                <td>
                  {e.when}
                  {e.platform ? (
                    <>
                      <br />
                      <span className="muted">{e.platform}</span>
                    </>
                  ) : null}
                </td>
                <td>{e.actor ?? (e.actorErased ? t("common:formerMember") : "—")}</td>
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
      </TableScroll>
      <CursorPager
        newer={log.newer}
        older={log.older}
        labels={{ nav: tc("pager.label"), newer: t("audit.newer"), older: t("audit.older") }}
      />
    </div>
  );
}
