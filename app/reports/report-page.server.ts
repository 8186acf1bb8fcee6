import { db } from "~/db.server";
import { toCsv } from "~/http/csv";
import { getFixedT } from "~/i18n/i18next.server";
import { participationReport, type ReportScope } from "./participation.server";
import { periodFromSearch } from "./period";
import { reportRows } from "./report-csv";

/**
 * What a report page and its CSV share: the period read from the address (errors beside
 * the fields, typed values kept) and, when it is valid, the published report.
 */
export async function reportFor(request: Request, scope: ReportScope, timeZone: string) {
  const search = new URL(request.url).searchParams;
  const form = periodFromSearch(search, timeZone);
  const report = form.period ? await participationReport(db, scope, form.period) : null;
  return {
    form: { values: form.values, errors: form.errors },
    report,
    print: search.get("print") === "1",
  };
}

export async function reportCsv(
  request: Request,
  scope: ReportScope,
  timeZone: string,
  locale: string,
  scopeName: string,
  fileName: string,
): Promise<Response> {
  const { form, report } = await reportFor(request, scope, timeZone);
  if (!report) return new Response(null, { status: 400, statusText: "Bad Request" });
  const t = await getFixedT(locale, "reports");
  return new Response(toCsv(reportRows(report, form.values, t, scopeName)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}-${form.values.from}-${form.values.to}.csv"`,
    },
  });
}
