import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RouteHandle } from "~/components/page-title";
import { formatDateTime } from "~/i18n/format";
import { resolveLocale } from "~/i18n/i18next.server";
import { attendanceSheet } from "~/meetings/attendance.server";
import { requirePlatformRole } from "~/platforms/permissions.server";
import { requirePlatform } from "~/platforms/platforms.server";

export const handle: RouteHandle = { pageTitle: (t) => t("meetings:sheet.title") };

const WALK_IN_ROWS = 15;

/** A blank sheet to print and take to places without signal. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const user = await requirePlatformRole(request, context, platform.id, "facilitator");
  const sheet = await attendanceSheet(platform.id, params.meetingId ?? "");
  const locale = await resolveLocale(request, user);
  return json({
    platform: { slug: platform.slug, name: platform.name },
    meeting: {
      id: sheet.meeting.id,
      title: sheet.meeting.title,
      when: formatDateTime(sheet.meeting.startsAt, locale, platform.timeZone),
      place: sheet.meeting.place,
    },
    members: sheet.roster.map((r) => ({ name: r.name, community: r.community })),
  });
}

export default function AttendanceSheet() {
  const { t } = useTranslation("meetings");
  const { platform, meeting, members } = useLoaderData<typeof loader>();
  return (
    <article className="stack sheet">
      <p className="no-print">
        <Link to={`/platforms/${platform.slug}/meetings/${meeting.id}`}>← {meeting.title}</Link>
      </p>
      <p className="no-print hint">{t("sheet.printHint")}</p>
      <header>
        <p>{platform.name}</p>
        <h1>
          {t("sheet.title")}: {meeting.title}
        </h1>
        <p>
          {meeting.when}
          {meeting.place ? ` · ${meeting.place}` : ""}
        </p>
      </header>
      <h2>{t("sheet.members")}</h2>
      <div className="table-scroll">
        <table className="sheet-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t("sheet.name")}</th>
              <th scope="col">{t("sheet.community")}</th>
              <th scope="col">{t("sheet.signature")}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m, i) => (
              <tr key={i}>
                <td>{i + 1}</td>
                <td>{m.name}</td>
                <td>{m.community ?? ""}</td>
                <td className="signature" />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("sheet.walkIns")}</h2>
      <div className="table-scroll">
        <table className="sheet-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t("sheet.name")}</th>
              <th scope="col">{t("sheet.community")}</th>
              <th scope="col">{t("sheet.gender")}</th>
              <th scope="col">{t("sheet.ageGroup")}</th>
              <th scope="col">{t("sheet.signature")}</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: WALK_IN_ROWS }, (_, i) => (
              <tr key={i}>
                <td>{i + 1}</td>
                <td />
                <td />
                <td />
                <td />
                <td className="signature" />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">{t("sheet.legend")}</p>
    </article>
  );
}
