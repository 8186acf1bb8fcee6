import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { DoneNotice } from "~/components/notice";
import { Pager } from "~/components/pager";
import type { RouteHandle } from "~/components/page-title";
import {
  catalogueFilterPlatforms,
  listCatalogue,
  mayCreateSomeCourse,
  parseCatalogueFilters,
} from "~/courses/catalogue.server";
import { courseText } from "~/courses/courses.server";
import { COURSE_TOPICS } from "~/courses/topics";
import { shareMeta } from "~/http/share-meta";
import { shareFor } from "~/http/share.server";
import { formatDate, formatDateTime } from "~/i18n/format";
import { getFixedT, resolveLocale } from "~/i18n/i18next.server";

export const handle: RouteHandle = { pageTitle: (t) => t("courses:title") };

/** A local "YYYY-MM-DD" shown as that calendar day, whatever the server's zone. */
const calendarDay = (day: string, locale: string) => formatDate(`${day}T12:00:00Z`, locale, "UTC");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const filters = parseCatalogueFilters(url);
  const locale = await resolveLocale(request, context.user);
  const [catalogue, platforms, canCreate, t] = await Promise.all([
    listCatalogue(context.user, filters),
    catalogueFilterPlatforms(),
    mayCreateSomeCourse(context.user),
    getFixedT(locale, "courses"),
  ]);
  const share = await shareFor(request, locale, {
    path: "/courses",
    title: t("title"),
    description: t("intro"),
  });
  return json({
    share,
    filters,
    platforms,
    canCreate,
    page: catalogue.page,
    pages: catalogue.pages,
    total: catalogue.total,
    courses: catalogue.items.map((c) => ({
      id: c.id,
      title: courseText(c, locale).title,
      topic: c.topic,
      status: c.status,
      platform: c.platform,
      dates: `${calendarDay(c.startDate, locale)} – ${calendarDay(c.endDate, locale)}`,
      nextSession: c.nextSession ? formatDateTime(c.nextSession, locale, c.timeZone) : null,
      placesLeft: c.placesLeft,
      enrolmentOpen: c.enrolmentOpen,
    })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => shareMeta(data?.share);

export default function CataloguePage() {
  const { t } = useTranslation("courses");
  const { filters, platforms, canCreate, courses, page, pages, total } =
    useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <DoneNotice />
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {canCreate ? (
        <p>
          <Link to="/courses/new" className="button primary">
            {t("newCourse")}
          </Link>
        </p>
      ) : null}
      <Form method="get" className="filters" aria-label={t("filters.label")}>
        <div className="field">
          <label htmlFor="filter-topic">{t("filters.topic")}</label>
          <select id="filter-topic" name="topic" defaultValue={filters.topic ?? ""}>
            <option value="">{t("filters.allTopics")}</option>
            {COURSE_TOPICS.map((topic) => (
              <option key={topic} value={topic}>
                {t(`topics.${topic}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-platform">{t("filters.platform")}</label>
          <select id="filter-platform" name="platform" defaultValue={filters.platform ?? ""}>
            <option value="">{t("filters.allPlatforms")}</option>
            {platforms.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("filters.apply")}
        </button>
      </Form>
      <p className="muted" role="status">
        {t("found", { count: total })}
      </p>
      {courses.length === 0 ? <p className="notice">{t("empty")}</p> : null}
      <ul className="card-grid course-list">
        {courses.map((c) => (
          <li key={c.id} className="card">
            <h2 className="card-title">
              <Link to={`/courses/${c.id}`}>{c.title}</Link>
            </h2>
            <p>
              <span className="badge">{t(`topics.${c.topic}`)}</span>{" "}
              {c.status !== "published" ? (
                <span className={`badge state-${c.status}`}>{t(`statuses.${c.status}`)}</span>
              ) : null}
            </p>
            <dl className="facts">
              <dt>{t("platform")}</dt>
              <dd>{c.platform ? c.platform.name : t("portalWide")}</dd>
              <dt>{t("dates")}</dt>
              <dd>{c.dates}</dd>
              <dt>{t("nextSession")}</dt>
              <dd>{c.nextSession ?? t("noUpcomingSession")}</dd>
              <dt>{t("places")}</dt>
              <dd>
                {c.placesLeft === null ? t("noLimit") : t("placesLeft", { count: c.placesLeft })}
              </dd>
            </dl>
          </li>
        ))}
      </ul>
      <Pager page={page} pages={pages} />
    </div>
  );
}
