import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { MeetingList } from "~/components/meeting-list";
import { DoneNotice } from "~/components/notice";
import type { RouteHandle } from "~/components/page-title";
import { Pager } from "~/components/pager";
import { pageFromUrl } from "~/http/pagination";
import { resolveLocale } from "~/i18n/i18next.server";
import { listMeetings } from "~/meetings/meetings.server";
import { viewerOf } from "~/platforms/permissions.server";
import { requirePlatform } from "~/platforms/platforms.server";

export const handle: RouteHandle = { pageTitle: (t) => t("meetings:listTitle") };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const locale = await resolveLocale(request, context.user);
  const [meetings, viewer] = await Promise.all([
    listMeetings(platform, locale, {
      upcoming: pageFromUrl(request.url),
      past: pageFromUrl(request.url, "past"),
    }),
    viewerOf(context.user, platform.id),
  ]);
  return json({ platform: { slug: platform.slug, name: platform.name }, ...meetings, viewer });
}

export default function MeetingsPage() {
  const { t } = useTranslation("meetings");
  const { platform, upcoming, past, upcomingPage, pastPage, viewer } =
    useLoaderData<typeof loader>();
  const base = `/platforms/${platform.slug}`;
  return (
    <div className="stack">
      <p>
        <Link to={base}>← {platform.name}</Link>
      </p>
      <DoneNotice />
      <h1>{t("listTitle")}</h1>
      <ul className="link-row">
        {viewer.canFacilitate ? (
          <li>
            <Link to={`${base}/meetings/new`} className="button primary">
              {t("schedule")}
            </Link>
          </li>
        ) : null}
        <li>
          <a href={`${base}/calendar.ics`}>{t("subscribe")}</a>
        </li>
      </ul>
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">{t("upcoming")}</h2>
        <MeetingList meetings={upcoming} platformSlug={platform.slug} />
        <Pager {...upcomingPage} />
      </section>
      <section aria-labelledby="past-heading">
        <h2 id="past-heading">{t("past")}</h2>
        <MeetingList meetings={past} platformSlug={platform.slug} />
        <Pager {...pastPage} param="past" />
      </section>
    </div>
  );
}
