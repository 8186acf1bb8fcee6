import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { PersonName } from "~/components/person-name";
import { notFound } from "~/auth/guards.server";
import { DoneNotice } from "~/components/notice";
import type { RouteHandle } from "~/components/page-title";
import { QuorumLine } from "~/components/quorum-line";
import { SafeHtml } from "~/components/safe-html";
import { formatDate, formatDateTime, formatTime } from "~/i18n/format";
import { resolveLocale } from "~/i18n/i18next.server";
import { renderMarkdown } from "~/markdown/markdown.server";
import { attendanceList, presentCounts } from "~/meetings/attendance.server";
import { getMeeting } from "~/meetings/meetings.server";
import { quorumForMeeting } from "~/meetings/quorum.server";
import { viewerOf } from "~/platforms/permissions.server";
import { requirePlatform } from "~/platforms/platforms.server";
import { TableScroll } from "~/components/table-scroll";

export const handle: RouteHandle = {
  pageTitle: (t, data) =>
    `${t("meetings:minutes.title")} — ${(data as { meeting?: { title: string } } | undefined)?.meeting?.title ?? ""}`,
};

/** The minutes as they will be printed: text, decisions, amendments, quorum, attendance. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const meeting = await getMeeting(platform.id, params.meetingId ?? "");
  const viewer = await viewerOf(context.user, platform.id);
  // Drafts are only for those who write and publish them.
  if (!meeting.minutesPublishedAt && !viewer.canFacilitate) notFound();
  const locale = await resolveLocale(request, context.user);
  const tz = platform.timeZone;
  // Names are for the platform's members (the whole list, as printed); the figures for all.
  const [quorum, attendance, counts] = await Promise.all([
    quorumForMeeting(meeting, platform.quorumPercent),
    viewer.isMember ? attendanceList(meeting.id) : null,
    presentCounts(meeting.id),
  ]);
  return json({
    platform: { slug: platform.slug, name: platform.name },
    meeting: {
      id: meeting.id,
      title: meeting.title,
      when: `${formatDateTime(meeting.startsAt, locale, tz)} – ${formatTime(meeting.endsAt, locale, tz)}`,
      place: meeting.place,
      agenda: meeting.agendaItems.map((a) => a.title),
    },
    published: meeting.minutesPublishedAt
      ? formatDate(meeting.minutesPublishedAt, locale, tz)
      : null,
    minutesHtml: renderMarkdown(meeting.minutes),
    decisions: meeting.decisions.map((d) => d.text),
    amendments: meeting.amendments.map((a) => ({
      id: a.id,
      date: formatDate(a.createdAt, locale, tz),
      reason: a.reason,
      html: renderMarkdown(a.text),
    })),
    quorum,
    attendance,
    presentCount: counts.present,
    walkInCount: counts.walkIns,
    viewer,
  });
}

export default function MinutesPage() {
  const { t } = useTranslation("meetings");
  const data = useLoaderData<typeof loader>();
  const { platform, meeting, viewer } = data;
  const page = `/platforms/${platform.slug}/meetings/${meeting.id}`;
  return (
    <article className="stack minutes">
      <p className="no-print">
        <Link to={page}>← {meeting.title}</Link>
      </p>
      <DoneNotice />
      <header>
        <p className="muted">{platform.name}</p>
        <h1>
          {t("minutes.title")}: {meeting.title}
        </h1>
        <p>
          {meeting.when}
          {meeting.place ? ` · ${meeting.place}` : ""}
        </p>
        <p className={data.published ? "muted" : "notice warning"}>
          {data.published ? t("minutes.publishedOn", { date: data.published }) : t("minutes.draft")}
        </p>
      </header>
      {viewer.canFacilitate ? (
        <p className="no-print">
          <Link to={`${page}/minutes/edit`}>
            {data.published ? t("minutes.amendLink") : t("minutes.editLink")}
          </Link>
        </p>
      ) : null}

      {meeting.agenda.length > 0 ? (
        <section aria-labelledby="m-agenda">
          <h2 id="m-agenda">{t("agenda")}</h2>
          <ol>
            {meeting.agenda.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="m-text">
        <h2 id="m-text">{t("minutes.text")}</h2>
        <SafeHtml html={data.minutesHtml} className="prose" />
      </section>

      <section aria-labelledby="m-decisions">
        <h2 id="m-decisions">{t("minutes.decisions")}</h2>
        {data.decisions.length === 0 ? <p className="muted">{t("minutes.noDecisions")}</p> : null}
        <ol>
          {data.decisions.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ol>
      </section>

      {data.amendments.length > 0 ? (
        <section aria-labelledby="m-amendments">
          <h2 id="m-amendments">{t("minutes.amendments")}</h2>
          {data.amendments.map((a) => (
            <div key={a.id} className="card">
              <p className="muted">{t("minutes.amendedOn", { date: a.date, reason: a.reason })}</p>
              <SafeHtml html={a.html} className="prose" />
            </div>
          ))}
        </section>
      ) : null}

      <section aria-labelledby="m-quorum">
        <h2 id="m-quorum">{t("quorum.heading")}</h2>
        <QuorumLine quorum={data.quorum} />
      </section>

      <section aria-labelledby="m-attendance">
        <h2 id="m-attendance">{t("minutes.attendance")}</h2>
        <p>{t("minutes.presentCount", { count: data.presentCount, walkIns: data.walkInCount })}</p>
        {data.attendance ? (
          <TableScroll>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("sheet.name")}</th>
                  <th scope="col">{t("sheet.community")}</th>
                  <th scope="col">{t("minutes.status")}</th>
                </tr>
              </thead>
              <tbody>
                {data.attendance.map((a, i) => (
                  <tr key={i}>
                    <td>
                      {/* Empty once the person erased their account: still counted. */}
                      <PersonName name={a.name || null} />
                    </td>
                    <td>{a.community ?? "—"}</td>
                    <td>
                      {t(`attendance.statuses.${a.status}`)}
                      {a.walkIn ? ` (${t("minutes.walkIn")})` : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
      </section>
    </article>
  );
}
