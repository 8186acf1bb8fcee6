import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/auth/guards.server";
import { CompletionRule } from "~/components/completion-rule";
import type { RouteHandle } from "~/components/page-title";
import { courseText, requireVisibleCourse } from "~/courses/courses.server";
import { progressOfParticipant } from "~/courses/progress.server";
import { db } from "~/db.server";
import { formatDateTime } from "~/i18n/format";
import { resolveLocale } from "~/i18n/i18next.server";
import { TableScroll } from "~/components/table-scroll";

export const handle: RouteHandle = { pageTitle: (t) => t("certificates:progress.title") };

/** The signed-in person's own sessions and progress toward completion. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const course = await requireVisibleCourse(user, params.courseId ?? "");
  const locale = await resolveLocale(request, user);
  const participant = await db.participant.findUnique({
    where: { userId: user.id },
    select: { id: true },
  });
  const found = participant ? await progressOfParticipant(course, participant.id) : null;
  const text = courseText(course, locale);
  const base = { course: { id: course.id, title: text.title, closed: course.status === "closed" } };
  if (!found) return json({ ...base, progress: null });
  const { sessions, progress, certificate } = found;
  return json({
    ...base,
    progress: {
      percent: course.completionPercent,
      completion: progress.completion,
      sessions: sessions.map((s) => ({
        id: s.id,
        topic: s.topic,
        when: formatDateTime(s.startsAt, locale, course.timeZone),
        standing: progress.completion.standings[s.id],
        mark: progress.marks[s.id] ?? null,
      })),
      certificate: certificate ? { id: certificate.id, revoked: !!certificate.revokedAt } : null,
    },
  });
}

export default function ProgressPage() {
  const { t } = useTranslation("certificates");
  const { course, progress } = useLoaderData<typeof loader>();
  const back = (
    <p>
      <Link to={`/courses/${course.id}`}>{t("backToCourse")}</Link>
    </p>
  );
  if (!progress)
    return (
      <div className="stack">
        {back}
        <h1>{t("progress.notEnrolledTitle")}</h1>
        <p>{t("progress.notEnrolledBody")}</p>
      </div>
    );
  return (
    <div className="stack">
      {back}
      <h1>{t("progress.heading", { title: course.title })}</h1>
      {course.closed ? <p className="muted">{t("progress.closed")}</p> : null}
      <CompletionRule c={progress.completion} percent={progress.percent} />
      {progress.certificate ? (
        <p>
          {progress.certificate.revoked ? (
            t("progress.certificateRevoked")
          ) : (
            <Link
              className="button"
              to={`/courses/${course.id}/certificates/${progress.certificate.id}`}
            >
              {t("progress.certificate")}
            </Link>
          )}
        </p>
      ) : null}
      <h2>{t("progress.sessions")}</h2>
      {progress.sessions.length === 0 ? (
        <p className="muted">{t("progress.noSessions")}</p>
      ) : (
        <TableScroll>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("progress.session")}</th>
                <th scope="col">{t("progress.date")}</th>
                <th scope="col">{t("progress.status")}</th>
              </tr>
            </thead>
            <tbody>
              {progress.sessions.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={`/courses/${course.id}/sessions/${s.id}`}>{s.topic}</Link>
                  </td>
                  <td>{s.when}</td>
                  <td>
                    {t(`statuses.${s.standing}`)}
                    {s.mark && s.standing === "attended" ? ` (${t(`marks.${s.mark}`)})` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
