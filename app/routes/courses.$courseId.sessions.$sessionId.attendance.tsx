import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { pageFromUrl } from "~/http/pagination";
import { AttendanceForm } from "~/attendance/components/attendance-form";
import { attendanceFormAction } from "~/attendance/form-action.server";
import { ATTENDANCE_STATUSES } from "~/attendance/statuses";
import type { RouteHandle } from "~/components/page-title";
import { courseText, requireCourseManager } from "~/courses/courses.server";
import { sessionAttendanceFormSchema } from "~/courses/session-schemas";
import {
  inSessionHost,
  sessionAttendanceSheet,
  sessionWalkInCandidates,
} from "~/courses/session-attendance.server";
import { formatDate, formatTime } from "~/i18n/format";
import { resolveLocale } from "~/i18n/i18next.server";

export const handle: RouteHandle = { pageTitle: (t) => t("training:attendance.title") };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, course } = await requireCourseManager(request, context, params.courseId ?? "");
  const search = new URL(request.url).searchParams;
  const q = search.get("q")?.slice(0, 100) ?? "";
  const who = search.get("who")?.slice(0, 100) ?? "";
  const sheet = await sessionAttendanceSheet(course, params.sessionId ?? "", {
    q,
    page: pageFromUrl(request.url),
    walkInsPage: pageFromUrl(request.url, "walkins"),
  });
  const locale = await resolveLocale(request, user);
  const tz = course.timeZone;
  const { session } = sheet;
  return json({
    course: { id: course.id, title: courseText(course, locale).title },
    session: {
      id: session.id,
      topic: session.topic,
      when: `${formatDate(session.startsAt, locale, tz)}, ${formatTime(session.startsAt, locale, tz)}`,
    },
    roster: sheet.roster,
    walkIns: sheet.walkIns,
    walkInCount: sheet.walkInCount,
    walkInPage: sheet.walkInPage,
    walkInPages: sheet.walkInPages,
    rosterSize: sheet.rosterSize,
    unmarked: sheet.unmarked,
    marked: sheet.marked,
    matches: sheet.matches,
    page: sheet.page,
    pages: sheet.pages,
    window: sheet.window,
    q,
    who,
    candidates: await sessionWalkInCandidates(course, session.id, who),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, course } = await requireCourseManager(request, context, params.courseId ?? "");
  return attendanceFormAction({
    request,
    formData: await request.formData(),
    actor: user,
    schema: sessionAttendanceFormSchema,
    inHost: inSessionHost(course.id, params.sessionId ?? ""),
  });
}

export default function SessionAttendancePage() {
  const { t } = useTranslation("training");
  const data = useLoaderData<typeof loader>();
  const { course, session } = data;
  return (
    <AttendanceForm
      data={data}
      statuses={ATTENDANCE_STATUSES}
      back={{ to: `/courses/${course.id}/sessions/${session.id}`, label: session.topic }}
      title={t("attendance.title")}
      subtitle={`${course.title} · ${session.topic} · ${session.when}`}
      rosterHeading={t("attendance.enrolled", { count: data.rosterSize })}
      walkInHelp={t("attendance.walkInHelp")}
      expectedLabel={t("attendance.expected")}
      markAll
    />
  );
}
