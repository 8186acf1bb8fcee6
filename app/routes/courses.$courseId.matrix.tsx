import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { PersonName } from "~/components/person-name";
import type { RouteHandle } from "~/components/page-title";
import type { SessionStanding } from "~/courses/completion";
import { courseText, requireCourseManager } from "~/courses/courses.server";
import { courseMatrix } from "~/courses/progress.server";
import { formatDate } from "~/i18n/format";
import { useLabels } from "~/i18n/labels";
import { resolveLocale } from "~/i18n/i18next.server";
import { Pager } from "~/components/pager";
import { pageFromUrl } from "~/http/pagination";
import { TableScroll } from "~/components/table-scroll";

export const handle: RouteHandle = { pageTitle: (t) => t("certificates:matrix.title") };

const STANDINGS: SessionStanding[] = [
  "attended",
  "absent",
  "excused",
  "beforeEnrolment",
  "upcoming",
  "cancelled",
];

/** Participants × sessions for those who run the course, MATRIX_PAGE_SIZE people a page. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, course } = await requireCourseManager(request, context, params.courseId ?? "");
  const locale = await resolveLocale(request, user);
  const matrix = await courseMatrix(course, pageFromUrl(request.url));
  return json({
    course: {
      id: course.id,
      title: courseText(course, locale).title,
      percent: course.completionPercent,
      status: course.status,
    },
    sessions: matrix.sessions
      .filter((s) => s.status !== "cancelled")
      .map((s) => ({
        id: s.id,
        topic: s.topic,
        date: formatDate(s.startsAt, locale, course.timeZone),
        total: matrix.columnTotals[s.id] ?? 0,
      })),
    rows: matrix.rows.map((r) => ({
      id: r.participantId,
      name: r.name,
      community: r.community,
      enrolment: r.enrolment,
      standings: r.completion.standings,
      marks: r.marks,
      attended: r.completion.attended,
      counted: r.completion.counted,
      percent: r.completion.percent,
      state: r.completion.complete ? "completed" : r.completion.onTrack ? "onTrack" : "offTrack",
    })),
    page: matrix.page,
    pages: matrix.pages,
    total: matrix.total,
  });
}

export default function MatrixPage() {
  const { t } = useTranslation("certificates");
  const label = useLabels("certificates");
  const { course, sessions, rows, page, pages, total } = useLoaderData<typeof loader>();
  const here = `/courses/${course.id}/matrix`;
  return (
    <div className="stack">
      <p>
        <Link to={`/courses/${course.id}`}>{t("backToCourse")}</Link>
      </p>
      <h1>{t("matrix.heading", { title: course.title })}</h1>
      <p>{t("matrix.intro", { percent: course.percent })}</p>
      <p className="filter-row">
        <a href={`${here}.csv`} download>
          {t("matrix.csv")}
        </a>
        {course.status === "published" ? (
          <Link to={`/courses/${course.id}/close`}>{t("matrix.close")}</Link>
        ) : null}
        <Link to={`/courses/${course.id}/certificates`}>{t("matrix.certificates")}</Link>
      </p>
      <dl className="matrix-legend" aria-label={t("matrix.legend")}>
        {STANDINGS.map((s) => (
          <div key={s}>
            <dt aria-hidden="true">{t(`symbols.${s}`)}</dt>
            <dd>{t(`statuses.${s}`)}</dd>
          </div>
        ))}
      </dl>
      {rows.length === 0 ? (
        <p className="muted">{t("matrix.empty")}</p>
      ) : (
        <TableScroll>
          <table className="matrix">
            <thead>
              <tr>
                <th scope="col">{t("matrix.participant")}</th>
                {sessions.map((s) => (
                  <th scope="col" key={s.id}>
                    <Link to={`/courses/${course.id}/sessions/${s.id}`}>{s.topic}</Link>
                    <br />
                    <span className="muted">{s.date}</span>
                  </th>
                ))}
                <th scope="col">{t("matrix.total")}</th>
                <th scope="col">{t("matrix.percent")}</th>
                <th scope="col">{t("matrix.state")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <PersonName name={r.name || null} />
                    {r.enrolment === "enrolled" ? null : (
                      <span className="muted">
                        {" "}
                        {r.enrolment === "left"
                          ? t("matrix.left")
                          : r.enrolment === "withdrawn"
                            ? t("matrix.withdrawn")
                            : t("matrix.notEnrolled")}
                      </span>
                    )}
                  </th>
                  {sessions.map((s) => {
                    const standing = r.standings[s.id] as SessionStanding;
                    const mark = r.marks[s.id];
                    const said =
                      standing === "attended" && mark
                        ? label(`marks.${mark}`)
                        : label(`statuses.${standing}`);
                    return (
                      <td key={s.id} className={`mark-${standing}`}>
                        <span aria-hidden="true">{label(`symbols.${standing}`)}</span>
                        <span className="visually-hidden">{said}</span>
                      </td>
                    );
                  })}
                  <td>
                    {r.attended}/{r.counted}
                  </td>
                  <td>{r.counted > 0 ? `${r.percent} %` : "—"}</td>
                  <td>{label(`state.${r.state}Short`)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("matrix.columnTotal")}</th>
                {sessions.map((s) => (
                  <td key={s.id}>{s.total}</td>
                ))}
                <td colSpan={3} />
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      )}
      <p className="muted">{t("matrix.participants", { count: total })}</p>
      <Pager page={page} pages={pages} />
    </div>
  );
}
