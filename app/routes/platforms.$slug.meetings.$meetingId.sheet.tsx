import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { BlankSheet } from "~/attendance/components/blank-sheet";
import type { RouteHandle } from "~/components/page-title";
import { formatDateTime } from "~/i18n/format";
import { resolveLocale } from "~/i18n/i18next.server";
import { printedSheet } from "~/meetings/attendance.server";
import { requirePlatformRole } from "~/platforms/permissions.server";
import { requirePlatform } from "~/platforms/platforms.server";

export const handle: RouteHandle = { pageTitle: (t) => t("meetings:sheet.title") };

/** A blank sheet to print and take to places without signal. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const user = await requirePlatformRole(request, context, platform.id, "facilitator");
  const sheet = await printedSheet(platform.id, params.meetingId ?? "");
  const locale = await resolveLocale(request, user);
  return json({
    platform: { slug: platform.slug, name: platform.name },
    meeting: {
      id: sheet.meeting.id,
      title: sheet.meeting.title,
      when: formatDateTime(sheet.meeting.startsAt, locale, platform.timeZone),
      place: sheet.meeting.place,
    },
    members: sheet.roster,
  });
}

export default function AttendanceSheet() {
  const { t } = useTranslation("meetings");
  const { platform, meeting, members } = useLoaderData<typeof loader>();
  const when = `${meeting.when}${meeting.place ? ` · ${meeting.place}` : ""}`;
  return (
    <BlankSheet
      back={{ to: `/platforms/${platform.slug}/meetings/${meeting.id}`, label: meeting.title }}
      org={platform.name}
      title={`${t("sheet.title")}: ${meeting.title}`}
      when={when}
      running={`${platform.name} · ${meeting.title} · ${when}`}
      rosterHeading={t("sheet.members")}
      people={members}
    />
  );
}
