import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarResponse } from "~/calendar/ics.server";
import { requireVisibleCourse } from "~/courses/courses.server";
import { courseCalendar } from "~/courses/sessions.server";
import { publicUrl } from "~/http/public-url.server";
import { resolveLocale } from "~/i18n/i18next.server";

/** A course's sessions as a calendar a phone can subscribe to (drafts: managers only). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const course = await requireVisibleCourse(context.user, params.courseId ?? "");
  const locale = await resolveLocale(request, context.user);
  const body = await courseCalendar(course, locale, (id) =>
    publicUrl(request, `/courses/${course.id}/sessions/${id}`),
  );
  return calendarResponse(body, `minga-course-${course.id}.ics`, course.status !== "draft");
}
