import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import type { RouteHandle } from "~/components/page-title";
import { SessionForm } from "~/courses/components/session-form";
import { courseText, requireCourseManager } from "~/courses/courses.server";
import { sessionSchema } from "~/courses/session-schemas";
import { courseFacilitators, scheduleSession } from "~/courses/sessions.server";
import { rejectForm, redirectWithNotice } from "~/forms/respond.server";
import { resolveLocale } from "~/i18n/i18next.server";

export const handle: RouteHandle = { pageTitle: (t) => t("training:newTitle") };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, course } = await requireCourseManager(request, context, params.courseId ?? "");
  const locale = await resolveLocale(request, user);
  return json({
    course: {
      id: course.id,
      title: courseText(course, locale).title,
      timeZone: course.timeZone,
      startDate: course.startDate,
      endDate: course.endDate,
    },
    facilitators: await courseFacilitators(course.id),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, course } = await requireCourseManager(request, context, params.courseId ?? "");
  const submission = parseWithZod(await request.formData(), { schema: sessionSchema });
  if (submission.status !== "success") return rejectForm("session", submission);
  const outcome = await scheduleSession(user, course.id, submission.value);
  if (!outcome.ok) return rejectForm("session", submission, outcome);
  return redirectWithNotice(
    `/courses/${course.id}/sessions/${outcome.value.sessionId}`,
    "sessionScheduled",
  );
}

export default function NewSessionPage() {
  const { t } = useTranslation("training");
  const { course, facilitators } = useLoaderData<typeof loader>();
  return (
    <div className="narrow stack">
      <p>
        <Link to={`/courses/${course.id}`}>← {course.title}</Link>
      </p>
      <h1>{t("newTitle")}</h1>
      <p className="muted">{course.title}</p>
      <SessionForm
        timeZone={course.timeZone}
        facilitators={facilitators}
        bounds={{ min: course.startDate, max: course.endDate }}
        submitLabel={t("form.schedule")}
      />
    </div>
  );
}
