import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { badRequest } from "~/auth/guards.server";
import { FormErrors, TextField } from "~/components/form-fields";
import { DoneNotice } from "~/components/notice";
import type { RouteHandle } from "~/components/page-title";
import { useFormFor } from "~/components/use-form-for";
import { SessionForm } from "~/courses/components/session-form";
import {
  courseText,
  courseViewerOf,
  requireCourseManager,
  requireVisibleCourse,
} from "~/courses/courses.server";
import {
  courseRefusesSessions,
  sessionCancelRefusal,
  sessionEditRefusal,
} from "~/courses/session-rules";
import { sessionSchema } from "~/courses/session-schemas";
import {
  cancelSession,
  courseFacilitators,
  getSession,
  sessionFormValues,
  updateSession,
} from "~/courses/sessions.server";
import { formIdOf, rejectForm, redirectWithNotice } from "~/forms/respond.server";
import { formatDate, formatTime } from "~/i18n/format";
import { resolveLocale } from "~/i18n/i18next.server";
import { reasonSchema } from "~/platforms/schemas";

export const handle: RouteHandle = { pageTitle: (t) => t("training:title") };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = context.user;
  const course = await requireVisibleCourse(user, params.courseId ?? "");
  const session = await getSession(course.id, params.sessionId ?? "");
  const locale = await resolveLocale(request, user);
  const [viewer, facilitators] = await Promise.all([
    courseViewerOf(user, course),
    courseFacilitators(course.id),
  ]);
  const reason = session.status === "cancelled" ? session.cancelReason : null;
  const tz = course.timeZone;
  return json({
    course: {
      id: course.id,
      title: courseText(course, locale).title,
      timeZone: tz,
      startDate: course.startDate,
      endDate: course.endDate,
      closed: course.status === "closed",
    },
    session: {
      id: session.id,
      topic: session.topic,
      status: session.status,
      when: `${formatDate(session.startsAt, locale, tz)}, ${formatTime(session.startsAt, locale, tz)} – ${formatTime(session.endsAt, locale, tz)}`,
      place: session.place,
      facilitator: facilitators.find((f) => f.id === session.facilitatorId)?.name ?? null,
      cancelReason: reason,
    },
    canManage: viewer.canManage,
    canEdit:
      viewer.canManage && !sessionEditRefusal(session.status) && !courseRefusesSessions(course),
    canCancel:
      viewer.canManage && !sessionCancelRefusal(session.status) && !courseRefusesSessions(course),
    facilitators: viewer.canManage ? facilitators : [],
    values: viewer.canManage ? sessionFormValues(session, tz) : null,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, course } = await requireCourseManager(request, context, params.courseId ?? "");
  const session = await getSession(course.id, params.sessionId ?? "");
  const formData = await request.formData();
  const formId = formIdOf(formData);
  const page = `/courses/${course.id}/sessions/${session.id}`;
  const intent = formData.get("intent");
  if (intent === "cancel") {
    const submission = parseWithZod(formData, { schema: reasonSchema });
    if (submission.status !== "success") return rejectForm(formId, submission);
    const outcome = await cancelSession(user, course.id, session.id, submission.value.reason);
    if (!outcome.ok) return rejectForm(formId, submission, outcome);
    return redirectWithNotice(page, "sessionCancelled");
  }
  if (intent === "update") {
    const submission = parseWithZod(formData, { schema: sessionSchema });
    if (submission.status !== "success") return rejectForm(formId, submission);
    const outcome = await updateSession(user, course.id, session.id, submission.value);
    if (!outcome.ok) return rejectForm(formId, submission, outcome);
    return redirectWithNotice(page, "sessionUpdated");
  }
  badRequest();
}

function CancelForm() {
  const { t } = useTranslation("training");
  const [form, fields] = useFormFor<typeof reasonSchema>("cancel");
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="_form" value="cancel" />
      <TextField meta={fields.reason} label={t("page.cancelReason")} />
      <button type="submit" name="intent" value="cancel" className="button danger">
        {t("page.cancel")}
      </button>
    </Form>
  );
}

export default function SessionPage() {
  const { t } = useTranslation("training");
  const data = useLoaderData<typeof loader>();
  const { course, session } = data;
  const base = `/courses/${course.id}/sessions/${session.id}`;
  return (
    <div className="narrow stack">
      <p>
        <Link to={`/courses/${course.id}`}>← {course.title}</Link>
      </p>
      <DoneNotice />
      <h1>{session.topic}</h1>
      <p className="muted">{course.title}</p>
      <dl className="facts">
        <dt>{t("page.when")}</dt>
        <dd>{session.when}</dd>
        {session.place ? (
          <>
            <dt>{t("page.place")}</dt>
            <dd>{session.place}</dd>
          </>
        ) : null}
        {session.facilitator ? (
          <>
            <dt>{t("page.facilitator")}</dt>
            <dd>{session.facilitator}</dd>
          </>
        ) : null}
        <dt>{t("page.status")}</dt>
        <dd>{t(`statuses.${session.status}`)}</dd>
      </dl>
      {session.status === "cancelled" && session.cancelReason ? (
        <p className="notice">{t("page.cancelledBecause", { reason: session.cancelReason })}</p>
      ) : null}
      <ul className="link-row">
        <li>
          <a href={`${base}/calendar.ics`} download>
            {t("page.ics")}
          </a>
        </li>
        <li>
          <a href={`/courses/${course.id}/calendar.ics`}>{t("page.feed")}</a>
        </li>
      </ul>
      {data.canManage && session.status !== "cancelled" ? (
        <ul className="link-row">
          <li>
            <Link to={`${base}/attendance`}>{t("page.attendance")}</Link>
          </li>
          <li>
            <Link to={`${base}/sheet`}>{t("page.sheet")}</Link>
          </li>
        </ul>
      ) : null}
      {data.canManage && session.status === "held" ? (
        <p className="hint">{t("page.heldNote")}</p>
      ) : null}
      {data.canEdit && data.values ? (
        <section aria-labelledby="edit-heading" className="stack">
          <h2 id="edit-heading">{t("page.edit")}</h2>
          <SessionForm
            defaultValue={data.values}
            timeZone={course.timeZone}
            facilitators={data.facilitators}
            bounds={{ min: course.startDate, max: course.endDate }}
            submitLabel={t("form.save")}
            intent="update"
          />
        </section>
      ) : null}
      {data.canCancel ? (
        <section aria-labelledby="cancel-heading" className="stack">
          <h2 id="cancel-heading">{t("page.cancelHeading")}</h2>
          <CancelForm />
        </section>
      ) : null}
    </div>
  );
}
