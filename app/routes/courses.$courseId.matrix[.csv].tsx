import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCourseManager } from "~/courses/courses.server";
import { allProgress } from "~/courses/progress.server";
import { type CsvValue, toCsv } from "~/http/csv";
import { formatDate } from "~/i18n/format";
import { getFixedT, resolveLocale } from "~/i18n/i18next.server";

/** The whole matrix for a spreadsheet: UTF-8 with BOM, formula-safe (app/http/csv.ts). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, course } = await requireCourseManager(request, context, params.courseId ?? "");
  const locale = await resolveLocale(request, user);
  const t = await getFixedT(locale, "certificates");
  const { sessions: all, rows } = await allProgress(course);
  const sessions = all.filter((s) => s.status !== "cancelled");
  const state = (c: (typeof rows)[number]["completion"]) =>
    t(
      c.complete
        ? "state.completedShort"
        : c.onTrack
          ? "state.onTrackShort"
          : "state.offTrackShort",
    );
  const table: CsvValue[][] = [
    [
      t("csv.participant"),
      t("csv.community"),
      t("csv.enrolment"),
      ...sessions.map((s) => `${s.topic} (${formatDate(s.startsAt, locale, course.timeZone)})`),
      t("csv.attended"),
      t("csv.counted"),
      t("csv.percent"),
      t("csv.hours"),
      t("csv.state"),
    ],
    ...rows.map((r) => [
      r.name,
      r.community ?? "",
      t(`csv.${r.enrolment ?? "none"}`),
      ...sessions.map((s) => {
        const standing = r.completion.standings[s.id];
        const mark = r.marks[s.id];
        return standing === "attended" && mark ? t(`marks.${mark}`) : t(`statuses.${standing}`);
      }),
      r.completion.attended,
      r.completion.counted,
      r.completion.counted > 0 ? r.completion.percent : null,
      r.completion.hours,
      state(r.completion),
    ]),
  ];
  return new Response(toCsv(table), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="course-${course.id}-matrix.csv"`,
    },
  });
}
