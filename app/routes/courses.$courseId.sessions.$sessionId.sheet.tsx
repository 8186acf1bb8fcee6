import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { BlankSheet } from "~/attendance/components/blank-sheet";
import type { RouteHandle } from "~/components/page-title";
import { courseText, requireCourseManager } from "~/courses/courses.server";
import { printedSessionSheet } from "~/courses/session-attendance.server";
import { formatDate, formatTime } from "~/i18n/format";
import { resolveLocale } from "~/i18n/i18next.server";

export const handle: RouteHandle = { pageTitle: (t) => t("training:sheet.title") };

/** A blank sign-in sheet to print and take to places without signal. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, course } = await requireCourseManager(request, context, params.courseId ?? "");
  const sheet = await printedSessionSheet(course, params.sessionId ?? "");
  const locale = await resolveLocale(request, user);
  const tz = course.timeZone;
  const { session } = sheet;
  return json({
    course: { id: course.id, title: courseText(course, locale).title },
    platform: course.platform?.name ?? null,
    session: {
      id: session.id,
      topic: session.topic,
      when: `${formatDate(session.startsAt, locale, tz)}, ${formatTime(session.startsAt, locale, tz)} – ${formatTime(session.endsAt, locale, tz)}`,
      place: session.place,
    },
    // Everyone enrolled, walk-ins of this session included: the sheet is the whole list.
    people: sheet.people,
  });
}

export default function SessionSheet() {
  const { t } = useTranslation("training");
  const { course, platform, session, people } = useLoaderData<typeof loader>();
  const when = `${session.when}${session.place ? ` · ${session.place}` : ""}`;
  return (
    <BlankSheet
      back={{ to: `/courses/${course.id}/sessions/${session.id}`, label: session.topic }}
      org={platform}
      title={`${course.title}: ${session.topic}`}
      when={when}
      running={`${course.title} · ${session.topic} · ${when}`}
      rosterHeading={t("sheet.enrolled")}
      people={people}
    />
  );
}
