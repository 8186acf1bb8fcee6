import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DoneNotice } from "~/components/notice";
import type { RouteHandle } from "~/components/page-title";
import { courseText, courseViewerOf, requireVisibleCourse } from "~/courses/courses.server";
import { EnrolmentPanel } from "~/courses/enrolment-panel";
import { enrolmentPanelFor } from "~/courses/enrolment.server";
import { resolveLocale } from "~/i18n/i18next.server";

/*
 * STAND-IN course page of the enrolment branch, so its journey can be driven end to end.
 * The catalogue branch owns the real `/courses/<id>` page: when merging, keep that page,
 * delete this file, and mount `<EnrolmentPanel panel={enrolmentPanelFor(user, course)} />`
 * there (with `DoneNotice`).
 */
export const handle: RouteHandle = {
  pageTitle: (_t, data) => (data as { title?: string } | undefined)?.title ?? "",
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = context.user ?? null;
  const course = await requireVisibleCourse(user, params.courseId ?? "");
  const locale = await resolveLocale(request, user);
  const [panel, viewer] = await Promise.all([
    enrolmentPanelFor(user, course),
    courseViewerOf(user, course),
  ]);
  return json({ title: courseText(course, locale).title, panel, canManage: viewer.canManage });
}

export default function CoursePage() {
  useTranslation("enrolment");
  const { title, panel, canManage } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <DoneNotice />
      <h1>{title}</h1>
      <EnrolmentPanel panel={panel} canManage={canManage} />
    </div>
  );
}
