import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { decodeMessage } from "~/forms/messages";
import { ReportView, type ReportData } from "./report-view";

/**
 * A report page: the period form (a plain GET form), the links to the CSV and the print
 * view, and the report. The print view drops the controls; the browser prints it.
 */
export function ReportPage({
  title,
  back,
  basePath,
  form,
  report,
  print,
  children,
}: {
  title: string;
  back: { to: string; label: string };
  basePath: string;
  form: { values: { from: string; to: string }; errors: { from?: string; to?: string } };
  report: ReportData | null;
  print: boolean;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation("reports");
  const { t: tc } = useTranslation();
  const query = new URLSearchParams(form.values).toString();
  const error = (key: "from" | "to") => {
    const raw = form.errors[key];
    if (!raw) return null;
    const m = decodeMessage(raw);
    return (
      <p id={`period-${key}-error`} className="field-error">
        {tc(m.key, m.values)}
      </p>
    );
  };
  return (
    <div className="stack">
      <p className="no-print">
        <Link to={back.to}>← {back.label}</Link>
      </p>
      <h1>{title}</h1>
      <p className="hint">{t("intro")}</p>
      {print ? (
        <p className="no-print">
          {t("printHint")} <Link to={`${basePath}?${query}`}>{t("back")}</Link>
        </p>
      ) : (
        <Form method="get" className="stack no-print">
          <fieldset className="stack">
            <legend>{t("period.legend")}</legend>
            {(["from", "to"] as const).map((key) => (
              <div key={key} className="field">
                <label htmlFor={`period-${key}`}>{t(`period.${key}`)}</label>
                <input
                  id={`period-${key}`}
                  name={key}
                  type="date"
                  defaultValue={form.values[key]}
                  aria-invalid={form.errors[key] ? true : undefined}
                  aria-describedby={form.errors[key] ? `period-${key}-error` : undefined}
                />
                {error(key)}
              </div>
            ))}
          </fieldset>
          <button type="submit" className="button">
            {t("period.show")}
          </button>
        </Form>
      )}
      {report ? (
        <>
          <p>
            {t("period.from")} {form.values.from} · {t("period.to")} {form.values.to}
          </p>
          {print ? null : (
            <p className="link-row no-print">
              <a href={`${basePath}.csv?${query}`} download>
                {t("csv")}
              </a>{" "}
              <Link to={`${basePath}?${query}&print=1`}>{t("printView")}</Link>
            </p>
          )}
          {children}
          <ReportView report={report} open={print} />
        </>
      ) : null}
    </div>
  );
}
