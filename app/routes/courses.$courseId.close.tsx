import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { FormErrors } from "~/components/form-fields";
import type { RouteHandle } from "~/components/page-title";
import { Pager } from "~/components/pager";
import { closeCourse, closingPreview } from "~/courses/certificates.server";
import { courseText, requireCourseManager } from "~/courses/courses.server";
import { redirectWithNotice } from "~/forms/respond.server";
import { pageFromUrl } from "~/http/pagination";
import { formatDate } from "~/i18n/format";
import { resolveLocale } from "~/i18n/i18next.server";

export const handle: RouteHandle = { pageTitle: (t) => t("certificates:close.title") };

/** Confirmation: who will receive a certificate if the course is closed now. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, course } = await requireCourseManager(request, context, params.courseId ?? "");
  const locale = await resolveLocale(request, user);
  const url = new URL(request.url);
  const preview = await closingPreview(course, {
    qualifying: pageFromUrl(url, "qualifying"),
    others: pageFromUrl(url, "others"),
  });
  const listed = ({ people, page, pages, total }: typeof preview.qualifying) => ({
    page,
    pages,
    total,
    people: people.map((r) => ({
      id: r.participantId,
      name: r.name,
      attended: r.completion.attended,
      counted: r.completion.counted,
    })),
  });
  return json({
    course: {
      id: course.id,
      title: courseText(course, locale).title,
      percent: course.completionPercent,
      status: course.status,
      closedOn: course.closedAt ? formatDate(course.closedAt, locale, course.timeZone) : null,
    },
    held: preview.heldSessions,
    scheduled: preview.scheduledSessions,
    qualifying: listed(preview.qualifying),
    others: listed(preview.others),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, course } = await requireCourseManager(request, context, params.courseId ?? "");
  const outcome = await closeCourse(user, course.id);
  if (!outcome.ok) return json({ formErrors: outcome.formErrors ?? [] }, { status: 409 });
  return redirectWithNotice(`/courses/${course.id}/certificates`, "courseClosed");
}

function People({
  list,
  param,
  label,
}: {
  list: {
    page: number;
    pages: number;
    people: { id: string; name: string; attended: number; counted: number }[];
  };
  /** The list's own page parameter: the page has two lists, each paged apart. */
  param: string;
  label: string;
}) {
  const { t } = useTranslation("certificates");
  if (list.people.length === 0) return <p className="muted">{t("close.nobody")}</p>;
  return (
    <>
      <ul>
        {list.people.map((p) => (
          <li key={p.id}>
            {p.name} —{" "}
            {t("rule.sessions", { count: p.counted, attended: p.attended, counted: p.counted })}
          </li>
        ))}
      </ul>
      <Pager page={list.page} pages={list.pages} param={param} label={label} />
    </>
  );
}

export default function ClosePage() {
  const { t } = useTranslation("certificates");
  const { course, held, scheduled, qualifying, others } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.formErrors;
  return (
    <div className="stack">
      <p>
        <Link to={`/courses/${course.id}/matrix`}>← {t("matrix.title")}</Link>
      </p>
      <h1>{t("close.heading", { title: course.title })}</h1>
      <FormErrors errors={errors} />
      {course.status === "closed" ? (
        <>
          <p className="notice">{t("close.alreadyClosed")}</p>
          {course.closedOn ? <p>{t("close.closedOn", { date: course.closedOn })}</p> : null}
          <p>
            <Link to={`/courses/${course.id}/certificates`}>{t("matrix.certificates")}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t("close.explain", { percent: course.percent })}</p>
          <p>{t("close.held", { count: held })}</p>
          {scheduled > 0 ? (
            <p className="notice">{t("close.scheduled", { count: scheduled })}</p>
          ) : null}
          <h2>{t("close.receive", { count: qualifying.total })}</h2>
          <People list={qualifying} param="qualifying" label={t("close.receivePages")} />
          <h2>{t("close.notReceive", { count: others.total })}</h2>
          <People list={others} param="others" label={t("close.notReceivePages")} />
          {course.status === "published" ? (
            <Form method="post">
              <button type="submit" className="button">
                {t("close.confirm")}
              </button>
            </Form>
          ) : (
            <p className="notice">{t("close.notPublished")}</p>
          )}
        </>
      )}
    </div>
  );
}
