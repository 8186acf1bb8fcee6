import { useTranslation } from "~/i18n/use-translation";
import { ACTIVITIES, HEADLINES } from "../activities";
import { ShareChart } from "./share-chart";
import { TableScroll } from "~/components/table-scroll";

type Shown = number | null;
interface BreakdownData {
  total: Shown;
  cells: { key: string; value: Shown }[];
  labels?: Record<string, string>;
}
interface Indicator {
  total: Shown;
  women: Shown;
  youth: Shown;
  womenShare: Shown;
  youthShare: Shown;
}
export interface ReportData {
  rows: Record<
    string,
    {
      total: Shown;
      gender: BreakdownData;
      ageGroup: BreakdownData;
      people: BreakdownData;
      community: BreakdownData;
    }
  >;
  headline: Record<string, Indicator>;
  trend: (Indicator & { month: string })[];
  nonMemberHands: Shown;
}

/** The whole report, as tables with the charts beside them; every figure already suppressed. */
export function ReportView({ report, open = false }: { report: ReportData; open?: boolean }) {
  const { t } = useTranslation("reports");
  const n = (v: Shown) => (v === null ? t("suppressed") : String(v));
  const pct = (v: Shown) => (v === null ? t("suppressed") : `${v} %`);
  const legend = { women: t("chartLegend.women"), youth: t("chartLegend.youth") };
  const label = (b: BreakdownData, key: string) =>
    b.labels && key !== "notStated" ? (b.labels[key] ?? key) : t(`categories.${key}`);
  const IndicatorCells = ({ i }: { i: Indicator }) => (
    <>
      <td>{n(i.total)}</td>
      <td>{n(i.women)}</td>
      <td>{pct(i.womenShare)}</td>
      <td>{n(i.youth)}</td>
      <td>{pct(i.youthShare)}</td>
    </>
  );
  const IndicatorHead = ({ first }: { first: string }) => (
    <tr>
      <th scope="col">{first || <span className="visually-hidden">{t("headline.group")}</span>}</th>
      <th scope="col">{t("headline.total")}</th>
      <th scope="col">{t("headline.women")}</th>
      <th scope="col">{t("headline.womenShare")}</th>
      <th scope="col">{t("headline.youth")}</th>
      <th scope="col">{t("headline.youthShare")}</th>
    </tr>
  );
  return (
    <div className="stack report">
      <section aria-labelledby="headline-title" className="stack">
        <h2 id="headline-title">{t("headline.title")}</h2>
        <TableScroll>
          <table>
            <thead>
              <IndicatorHead first="" />
            </thead>
            <tbody>
              {HEADLINES.map((h) => (
                <tr key={h}>
                  <th scope="row">{t(`headline.${h}`)}</th>
                  <IndicatorCells i={report.headline[h]} />
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <ShareChart
          title={t("headline.chart")}
          legend={legend}
          suppressed={t("suppressed")}
          bars={HEADLINES.map((h) => ({
            label: t(`headline.${h}`),
            women: report.headline[h].womenShare,
            youth: report.headline[h].youthShare,
          }))}
        />
      </section>

      <section aria-labelledby="trend-title" className="stack">
        <h2 id="trend-title">{t("trend.title")}</h2>
        <TableScroll>
          <table>
            <thead>
              <IndicatorHead first={t("trend.month")} />
            </thead>
            <tbody>
              {report.trend.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{m.month}</th>
                  <IndicatorCells i={m} />
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <ShareChart
          title={t("trend.chart")}
          legend={legend}
          suppressed={t("suppressed")}
          bars={report.trend.map((m) => ({
            label: m.month,
            women: m.womenShare,
            youth: m.youthShare,
          }))}
        />
      </section>

      <section aria-labelledby="activities-title" className="stack">
        <h2 id="activities-title">{t("activities.title")}</h2>
        {(["gender", "ageGroup"] as const).map((d) => {
          const keys = report.rows.anyActivity[d].cells.map((c) => c.key);
          return (
            <TableScroll key={d}>
              <table>
                <caption>{t(`dimensions.${d}`)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("activities.activity")}</th>
                    <th scope="col">{t("activities.total")}</th>
                    {keys.map((k) => (
                      <th scope="col" key={k}>
                        {t(`categories.${k}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {ACTIVITIES.map((a) => (
                    <tr key={a}>
                      <th scope="row">{t(`activities.${a}`)}</th>
                      <td>{n(report.rows[a].total)}</td>
                      {report.rows[a][d].cells.map((c) => (
                        <td key={c.key}>{n(c.value)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          );
        })}
        <p>{t("nonMemberHands", { value: n(report.nonMemberHands) })}</p>
        {(["people", "community"] as const).map((d) => (
          <div key={d} className="stack">
            <h3>{t(`dimensions.${d}`)}</h3>
            {ACTIVITIES.filter((a) => report.rows[a].total !== null).map((a) => {
              const b = report.rows[a][d];
              return (
                <details key={a} open={open}>
                  <summary>
                    {t(`activities.${a}`)} · {n(b.total)}
                  </summary>
                  <table>
                    <tbody>
                      {b.cells.map((c) => (
                        <tr key={c.key}>
                          <th scope="row">{label(b, c.key)}</th>
                          <td>{n(c.value)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </details>
              );
            })}
          </div>
        ))}
      </section>
    </div>
  );
}
