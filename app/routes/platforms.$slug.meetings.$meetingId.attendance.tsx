import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { AttendanceForm } from "~/attendance/components/attendance-form";
import { attendanceFormAction } from "~/attendance/form-action.server";
import type { RouteHandle } from "~/components/page-title";
import { pageFromUrl } from "~/http/pagination";
import { QuorumLine } from "~/components/quorum-line";
import { attendanceForm, inMeetingHost, walkInCandidates } from "~/meetings/attendance.server";
import { attendanceFormSchema } from "~/meetings/schemas";
import { ATTENDANCE_STATUSES } from "~/meetings/choices";
import { requirePlatformRole } from "~/platforms/permissions.server";
import { requirePlatform } from "~/platforms/platforms.server";

export const handle: RouteHandle = { pageTitle: (t) => t("meetings:attendance.title") };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  await requirePlatformRole(request, context, platform.id, "facilitator");
  const search = new URL(request.url).searchParams;
  const q = search.get("q")?.slice(0, 100) ?? "";
  const who = search.get("who")?.slice(0, 100) ?? "";
  const sheet = await attendanceForm(platform, params.meetingId ?? "", {
    q,
    page: pageFromUrl(request.url),
    walkInsPage: pageFromUrl(request.url, "walkins"),
  });
  const candidates = await walkInCandidates(sheet.meeting, who);
  return json({
    platform: { slug: platform.slug, name: platform.name },
    meeting: { id: sheet.meeting.id, title: sheet.meeting.title, status: sheet.meeting.status },
    roster: sheet.roster,
    walkIns: sheet.walkIns,
    walkInCount: sheet.walkInCount,
    walkInPage: sheet.walkInPage,
    walkInPages: sheet.walkInPages,
    memberCount: sheet.memberCount,
    unmarked: sheet.unmarked,
    marked: sheet.marked,
    matches: sheet.matches,
    page: sheet.page,
    pages: sheet.pages,
    window: sheet.window,
    q,
    who,
    candidates,
    quorum: sheet.quorum,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const actor = await requirePlatformRole(request, context, platform.id, "facilitator");
  return attendanceFormAction({
    request,
    formData: await request.formData(),
    actor,
    schema: attendanceFormSchema,
    inHost: inMeetingHost(platform.id, params.meetingId ?? ""),
  });
}

export default function AttendancePage() {
  const { t } = useTranslation("meetings");
  const data = useLoaderData<typeof loader>();
  const { platform, meeting } = data;
  return (
    <AttendanceForm
      data={data}
      statuses={ATTENDANCE_STATUSES}
      back={{ to: `/platforms/${platform.slug}/meetings/${meeting.id}`, label: meeting.title }}
      title={t("attendance.title")}
      subtitle={meeting.title}
      summary={<QuorumLine quorum={data.quorum} />}
      rosterHeading={t("attendance.members", { count: data.memberCount })}
      walkInHelp={t("walkIn.help")}
      expectedLabel={t("attendance.expected")}
    />
  );
}
