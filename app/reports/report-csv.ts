import type { TFunction } from "i18next";
import type { CsvValue } from "~/http/csv";
import type { Breakdown, Shown } from "./suppression";
import {
  ACTIVITIES,
  DIMENSIONS,
  HEADLINES,
  type ParticipationReport,
  type PublishedRow,
} from "./participation.server";

/**
 * The report as spreadsheet rows, from the same published (suppressed) figures the page
 * shows: the export never holds a number the page hides.
 */
export function reportRows(
  report: ParticipationReport,
  period: { from: string; to: string },
  t: TFunction,
  scopeName: string,
): CsvValue[][] {
  const shown = (v: Shown): CsvValue => (v === null ? t("reports:suppressed") : v);
  const rows: CsvValue[][] = [
    [t("reports:title"), scopeName],
    [t("reports:period.from"), period.from],
    [t("reports:period.to"), period.to],
    [],
    [
      t("reports:headline.title"),
      "",
      t("reports:headline.total"),
      t("reports:headline.women"),
      t("reports:headline.womenShare"),
      t("reports:headline.youth"),
      t("reports:headline.youthShare"),
    ],
  ];
  for (const h of HEADLINES) {
    const i = report.headline[h];
    rows.push([
      t(`reports:headline.${h}`),
      "",
      shown(i.total),
      shown(i.women),
      shown(i.womenShare),
      shown(i.youth),
      shown(i.youthShare),
    ]);
  }
  rows.push(
    [],
    [
      t("reports:trend.title"),
      t("reports:trend.month"),
      t("reports:headline.total"),
      t("reports:headline.women"),
      t("reports:headline.womenShare"),
      t("reports:headline.youth"),
      t("reports:headline.youthShare"),
    ],
  );
  for (const m of report.trend)
    rows.push([
      "",
      m.month,
      shown(m.total),
      shown(m.women),
      shown(m.womenShare),
      shown(m.youth),
      shown(m.youthShare),
    ]);
  rows.push(
    [],
    [
      t("reports:activities.title"),
      t("reports:activities.activity"),
      t("reports:dimensions.gender"),
      "",
      t("reports:activities.total"),
    ],
  );
  for (const a of ACTIVITIES) {
    const row: PublishedRow = report.rows[a];
    const activity = t(`reports:activities.${a}`);
    rows.push(["", activity, "", "", shown(row.total)]);
    for (const d of DIMENSIONS) {
      const b: Breakdown & { labels?: Record<string, string> } = row[d];
      for (const c of b.cells)
        rows.push([
          "",
          activity,
          t(`reports:dimensions.${d}`),
          categoryLabel(c.key, b.labels, t),
          shown(c.value),
        ]);
    }
  }
  rows.push([], [t("reports:nonMemberHands", { value: "" }).trim(), shown(report.nonMemberHands)]);
  return rows;
}

/** A category's name in the reader's language, or the place's own name. */
export function categoryLabel(
  key: string,
  labels: Record<string, string> | undefined,
  t: TFunction,
) {
  if (labels && key !== "notStated") return labels[key] ?? key;
  return t(`reports:categories.${key}`);
}
