import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarResponse } from "~/calendar/ics.server";
import { requireVisibleCourse } from "~/courses/courses.server";
import { courseCalendar, getSession } from "~/courses/sessions.server";
import { publicUrl } from "~/http/public-url.server";
import { resolveLocale } from "~/i18n/i18next.server";

/** One training session as an .ics file to add to a phone's calendar. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const course = await requireVisibleCourse(context.user, params.courseId ?? "");
  const session = await getSession(course.id, params.sessionId ?? "");
  const locale = await resolveLocale(request, context.user);
  const body = await courseCalendar(
    course,
    locale,
    (id) => publicUrl(request, `/courses/${course.id}/sessions/${id}`),
    session.id,
  );
  return calendarResponse(body, `minga-${session.id}.ics`, course.status !== "draft");
}
