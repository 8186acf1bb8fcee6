import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { badRequest, requireUser } from "~/auth/guards.server";
import { MeetingList } from "~/components/meeting-list";
import { MembershipPanel } from "~/components/membership-panel";
import { DoneNotice } from "~/components/notice";
import { countPlatformCourses } from "~/courses/catalogue.server";
import { db } from "~/db.server";
import { GroupList } from "~/groups/components/group-list";
import { firstGroups } from "~/groups/list.server";
import type { RouteHandle } from "~/components/page-title";
import { formIdOf, rejectForm, redirectWithNotice } from "~/forms/respond.server";
import { shareMeta } from "~/http/share-meta";
import { shareFor } from "~/http/share.server";
import { resolveLocale } from "~/i18n/i18next.server";
import { upcomingMeetings } from "~/meetings/meetings.server";
import { countPendingRequests, leavePlatform, requestToJoin } from "~/platforms/membership.server";
import { viewerOf } from "~/platforms/permissions.server";
import {
  countActiveMembers,
  localizedDescription,
  requirePlatform,
} from "~/platforms/platforms.server";
import { joinSchema } from "~/platforms/schemas";
import { listProposals } from "~/proposals/proposals.server";

export const handle: RouteHandle = {
  pageTitle: (_t, data) =>
    (data as { platform?: { name: string } } | undefined)?.platform?.name ?? "",
};

/** The platform page shows its first groups; the group list has them all. */
const GROUPS_ON_PAGE = 6;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const locale = await resolveLocale(request, context.user);
  const viewer = await viewerOf(context.user, platform.id);
  const [activeMembers, meetings, courseCount, groups] = await Promise.all([
    countActiveMembers(platform.id),
    // Only the next five are shown: nothing more is read or counted.
    upcomingMeetings(platform, locale, 5),
    countPlatformCourses(platform.id),
    // The reader's role is the viewer's: read once.
    firstGroups(db, context.user, platform.id, locale, GROUPS_ON_PAGE, viewer.role),
  ]);
  // Only coordinators (and administrators) see how many requests wait for them.
  const pendingRequests = viewer.canCoordinate ? await countPendingRequests(platform.id) : null;
  const openProposals = await listProposals(platform.id, viewer, context.user?.id ?? null, {
    states: ["discussion", "voting"],
    take: 5,
  });
  const description = localizedDescription(platform, locale);
  const share = await shareFor(request, locale, {
    path: `/platforms/${platform.slug}`,
    title: platform.name,
    description,
  });
  return json({
    share,
    platform: {
      slug: platform.slug,
      name: platform.name,
      description,
      country: platform.country,
      region: platform.region,
      timeZone: platform.timeZone,
      quorumPercent: platform.quorumPercent,
      approvalRule: platform.approvalRule,
    },
    activeMembers,
    pendingRequests,
    upcoming: meetings,
    openProposals,
    courseCount,
    groups: groups.groups,
    moreGroups: groups.more,
    viewer,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => shareMeta(data?.share);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const user = requireUser(request, context);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const here = `/platforms/${platform.slug}`;

  if (intent === "join") {
    const submission = parseWithZod(formData, { schema: joinSchema });
    if (submission.status !== "success") return rejectForm(formIdOf(formData), submission);
    const outcome = await requestToJoin(user, platform.id, submission.value.note);
    if (!outcome.ok) return rejectForm(formIdOf(formData), submission, outcome);
    return redirectWithNotice(here, "joinRequested");
  }
  if (intent === "leave") {
    const outcome = await leavePlatform(user, platform.id);
    if (!outcome.ok) {
      const submission = parseWithZod(formData, { schema: joinSchema });
      return rejectForm(formIdOf(formData), submission, outcome);
    }
    return redirectWithNotice(here, "left");
  }
  badRequest();
}

export default function PlatformPage() {
  const { t } = useTranslation("platforms");
  const {
    platform,
    activeMembers,
    pendingRequests,
    upcoming,
    openProposals,
    courseCount,
    groups,
    moreGroups,
    viewer,
  } = useLoaderData<typeof loader>();
  const base = `/platforms/${platform.slug}`;
  return (
    <article className="stack">
      <DoneNotice />
      <h1>{platform.name}</h1>
      <p className="muted">
        {platform.region} · {t(`countries.${platform.country}`)}
      </p>
      <p>{platform.description}</p>
      <dl className="facts">
        <dt>{t("membersLabel")}</dt>
        <dd>{t("memberCount", { count: activeMembers, formatted: String(activeMembers) })}</dd>
        <dt>{t("quorumRule")}</dt>
        <dd>{t("quorumValue", { value: platform.quorumPercent })}</dd>
        <dt>{t("approvalRule")}</dt>
        <dd>{t(`approvalRules.${platform.approvalRule}`)}</dd>
        <dt>{t("timeZone")}</dt>
        <dd>{platform.timeZone}</dd>
      </dl>

      <section aria-labelledby="membership-heading">
        <h2 id="membership-heading">{t("membership.heading")}</h2>
        <MembershipPanel viewer={viewer} slug={platform.slug} />
      </section>

      <section aria-labelledby="proposals-heading">
        <h2 id="proposals-heading">{t("openProposals")}</h2>
        {openProposals.length === 0 ? <p className="muted">{t("proposals:none")}</p> : null}
        <ul className="meeting-list">
          {openProposals.map((p) => (
            <li key={p.id}>
              <Link to={`${base}/proposals/${p.id}`}>{p.title}</Link>{" "}
              <span className={`badge state-${p.state}`}>{t(`proposals:states.${p.state}`)}</span>
            </li>
          ))}
        </ul>
        <p>
          <Link to={`${base}/proposals`}>{t("allProposals")}</Link>
        </p>
      </section>

      <section aria-labelledby="meetings-heading">
        <h2 id="meetings-heading">{t("upcomingMeetings")}</h2>
        <MeetingList meetings={upcoming} platformSlug={platform.slug} />
        <ul className="link-row">
          <li>
            <Link to={`${base}/meetings`}>{t("allMeetings")}</Link>
          </li>
          <li>
            <a href={`${base}/calendar.ics`}>{t("subscribeCalendar")}</a>
          </li>
          {viewer.canFacilitate ? (
            <li>
              <Link to={`${base}/meetings/new`}>{t("scheduleMeeting")}</Link>
            </li>
          ) : null}
          {viewer.isMember ? (
            <li>
              <Link to={`${base}/members`}>
                {!viewer.canCoordinate
                  ? t("memberDirectory")
                  : pendingRequests
                    ? t("manageMembersPending", { count: pendingRequests })
                    : t("manageMembers")}
              </Link>
            </li>
          ) : null}
          {viewer.canFacilitate ? (
            <li>
              <Link to={`${base}/people`}>{t("participants:list.title")}</Link>
            </li>
          ) : null}
          {viewer.canCoordinate ? (
            <li>
              <Link to={`${base}/reports`}>{t("reports:link")}</Link>
            </li>
          ) : null}
          {viewer.canCoordinate ? (
            <li>
              <Link to={`${base}/audit`}>{t("admin:auditLog")}</Link>
            </li>
          ) : null}
          {viewer.isAdmin ? (
            <li>
              <Link to={`/admin/platforms/${platform.slug}`}>{t("editPlatform")}</Link>
            </li>
          ) : null}
        </ul>
      </section>

      <section aria-labelledby="groups-heading">
        <h2 id="groups-heading">{t("groups:list.title")}</h2>
        <GroupList slug={platform.slug} groups={groups} back={base} />
        <ul className="link-row">
          <li>
            <Link to={`${base}/groups`}>
              {moreGroups ? t("groups:list.all") : t("groups:list.open")}
            </Link>
          </li>
          {viewer.canCoordinate ? (
            <li>
              <Link to={`${base}/groups/new`}>{t("groups:list.new")}</Link>
            </li>
          ) : null}
        </ul>
      </section>

      <section aria-labelledby="courses-heading">
        <h2 id="courses-heading">{t("courses:title")}</h2>
        <p>
          <Link to={`/courses?platform=${encodeURIComponent(platform.slug)}`}>
            {t("courses:platformCourses", { count: courseCount })}
          </Link>
        </p>
      </section>
    </article>
  );
}
