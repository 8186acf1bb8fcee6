import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { DoneNotice } from "~/components/notice";
import type { RouteHandle } from "~/components/page-title";
import { Pager } from "~/components/pager";
import { SafeHtml } from "~/components/safe-html";
import { coursePageData } from "~/courses/course-page.server";
import { EnrolmentPanel } from "~/courses/enrolment-panel";
import { enrolmentPanelFor } from "~/courses/enrolment.server";
import { courseText, courseViewerOf, requireVisibleCourse } from "~/courses/courses.server";
import { pageFromUrl } from "~/http/pagination";
import { shareMeta } from "~/http/share-meta";
import { shareFor } from "~/http/share.server";
import { formatDate, formatDateTime, formatNumber, formatTime } from "~/i18n/format";
import { resolveLocale } from "~/i18n/i18next.server";
import { renderMarkdown } from "~/markdown/markdown.server";

export const handle: RouteHandle = {
  pageTitle: (_t, data) =>
    (data as { course?: { title: string } } | undefined)?.course?.title ?? "",
};

const calendarDay = (day: string, locale: string) => formatDate(`${day}T12:00:00Z`, locale, "UTC");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = context.user;
  const course = await requireVisibleCourse(user, params.courseId ?? "");
  const locale = await resolveLocale(request, user);
  const url = new URL(request.url);
  const [viewer, page] = await Promise.all([
    courseViewerOf(user, course),
    coursePageData(course, {
      lessons: pageFromUrl(url, "lessons"),
      sessions: pageFromUrl(url, "sessions"),
    }),
  ]);
  const enrolment = await enrolmentPanelFor(user, course, new Date(), page.enrolled);
  const text = courseText(course, locale);
  const share = await shareFor(request, locale, {
    path: `/courses/${course.id}`,
    title: text.title,
    description: text.description,
    type: "article",
  });
  const tz = course.timeZone;
  return json({
    share,
    viewer,
    enrolment,
    course: {
      id: course.id,
      title: text.title,
      descriptionHtml: renderMarkdown(text.description, { topHeading: 2 }),
      topic: course.topic,
      status: course.status,
      platform: course.platform ? { slug: course.platform.slug, name: course.platform.name } : null,
      dates: `${calendarDay(course.startDate, locale)} – ${calendarDay(course.endDate, locale)}`,
      timeZone: tz,
      completionPercent: formatNumber(course.completionPercent, locale),
      capacity: course.capacity,
      enrolmentOpen: course.enrolmentOpen,
    },
    facilitators: page.facilitators,
    placesLeft: page.placesLeft,
    lessonPage: {
      page: page.lessonPage.page,
      pages: page.lessonPage.pages,
      first: page.lessonPage.skip + 1,
    },
    sessionPage: { page: page.sessionPage.page, pages: page.sessionPage.pages },
    lessons: page.lessons.map((l) => ({
      id: l.id,
      title: l.title,
      bodyHtml: renderMarkdown(l.body, { topHeading: 4 }),
      materials: l.materials.map((m) => ({
        id: m.id,
        title: m.title,
        kind: m.kind,
        url: m.url,
        fileName: m.fileName,
      })),
    })),
    sessions: page.sessions.map((s) => ({
      id: s.id,
      topic: s.topic,
      status: s.status,
      when: `${formatDateTime(s.startsAt, locale, tz)} – ${formatTime(s.endsAt, locale, tz)}`,
      place: s.place,
    })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => shareMeta(data?.share);

function ManagerLinks() {
  const { t } = useTranslation("courses");
  const { course, viewer } = useLoaderData<typeof loader>();
  if (!viewer.canManage) return null;
  const base = `/courses/${course.id}`;
  return (
    <nav aria-label={t("manage.label")}>
      <ul className="link-row">
        <li>
          <Link to={`${base}/edit`}>{t("manage.edit")}</Link>
        </li>
        <li>
          <Link to={`${base}/lessons`}>{t("manage.lessons")}</Link>
        </li>
        <li>
          <Link to={`${base}/sessions/new`}>{t("manage.newSession")}</Link>
        </li>
        <li>
          <Link to={`${base}/people`}>{t("manage.people")}</Link>
        </li>
        <li>
          <Link to={`${base}/matrix`}>{t("manage.matrix")}</Link>
        </li>
        <li>
          <Link to={`${base}/close`}>{t("manage.close")}</Link>
        </li>
        <li>
          <Link to={`${base}/certificates`}>{t("manage.certificates")}</Link>
        </li>
      </ul>
    </nav>
  );
}

export default function CoursePage() {
  const { t } = useTranslation("courses");
  const {
    course,
    viewer,
    facilitators,
    placesLeft,
    lessons,
    lessonPage,
    sessions,
    sessionPage,
    enrolment,
  } = useLoaderData<typeof loader>();
  const base = `/courses/${course.id}`;
  return (
    <article className="stack">
      <DoneNotice />
      <p>
        <Link to="/courses">← {t("backToCatalogue")}</Link>
      </p>
      <h1>{course.title}</h1>
      <p>
        <span className="badge">{t(`topics.${course.topic}`)}</span>{" "}
        {course.status !== "published" ? (
          <span className={`badge state-${course.status}`}>{t(`statuses.${course.status}`)}</span>
        ) : null}
      </p>
      <ManagerLinks />
      <SafeHtml html={course.descriptionHtml} className="prose" />
      <dl className="facts">
        <dt>{t("platform")}</dt>
        <dd>
          {course.platform ? (
            <Link to={`/platforms/${course.platform.slug}`}>{course.platform.name}</Link>
          ) : (
            t("portalWide")
          )}
        </dd>
        <dt>{t("dates")}</dt>
        <dd>{course.dates}</dd>
        <dt>{t("facilitators")}</dt>
        <dd>{facilitators.length ? facilitators.join(", ") : t("noFacilitators")}</dd>
        <dt>{t("completionRule")}</dt>
        <dd>{t("completionRuleValue", { percent: course.completionPercent })}</dd>
        <dt>{t("places")}</dt>
        <dd>{placesLeft === null ? t("noLimit") : t("placesLeft", { count: placesLeft })}</dd>
      </dl>

      <EnrolmentPanel panel={enrolment} />

      <section aria-labelledby="sessions-heading" className="stack">
        <h2 id="sessions-heading">{t("sessions.heading")}</h2>
        <p className="hint">{t("sessions.timeZone", { timeZone: course.timeZone })}</p>
        {sessions.length === 0 ? <p className="muted">{t("sessions.none")}</p> : null}
        <ul className="meeting-list">
          {sessions.map((s) => (
            <li key={s.id}>
              <strong>{s.topic}</strong>{" "}
              {s.status !== "scheduled" ? (
                <span className={`badge ${s.status}`}>{t(`sessions.statuses.${s.status}`)}</span>
              ) : null}
              <br />
              {s.when}
              {s.place ? ` · ${s.place}` : ""}
              <br />
              <a href={`${base}/sessions/${s.id}/calendar.ics`}>{t("sessions.addToCalendar")}</a>
              {viewer.canManage ? (
                <>
                  {" · "}
                  <Link to={`${base}/sessions/${s.id}/attendance`}>{t("sessions.attendance")}</Link>
                  {" · "}
                  <Link to={`${base}/sessions/${s.id}/sheet`}>{t("sessions.sheet")}</Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
        <Pager
          page={sessionPage.page}
          pages={sessionPage.pages}
          param="sessions"
          label={t("sessions.pages")}
        />
        <p>
          <a href={`${base}/calendar.ics`}>{t("sessions.subscribe")}</a>
        </p>
      </section>

      <section aria-labelledby="lessons-heading" className="stack">
        <h2 id="lessons-heading">{t("lessons.title")}</h2>
        {lessons.length === 0 ? <p className="muted">{t("lessons.none")}</p> : null}
        <ol className="lesson-list" start={lessonPage.first}>
          {lessons.map((l) => (
            <li key={l.id} className="stack">
              <h3>{l.title}</h3>
              <SafeHtml html={l.bodyHtml} className="prose" />
              {l.materials.length ? (
                <ul className="material-list" aria-label={t("materials.of", { title: l.title })}>
                  {l.materials.map((m) => (
                    <li key={m.id}>
                      {m.kind === "link" ? (
                        <a href={m.url ?? undefined} rel="nofollow noopener">
                          {m.title}
                        </a>
                      ) : (
                        <a href={`${base}/materials/${m.id}`} download={m.fileName ?? true}>
                          {m.title}
                        </a>
                      )}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
        <Pager
          page={lessonPage.page}
          pages={lessonPage.pages}
          param="lessons"
          label={t("lessons.pages")}
        />
      </section>
    </article>
  );
}
