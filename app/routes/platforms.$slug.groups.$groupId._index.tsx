import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { usePersonName } from "~/components/person-name";
import { DoneNotice } from "~/components/notice";
import type { RouteHandle } from "~/components/page-title";
import { Pager } from "~/components/pager";
import { db } from "~/db.server";
import { listThreads, openReportCount } from "~/groups/forum.server";
import { groupText, requireReadableGroup } from "~/groups/groups.server";
import {
  canManageGroup,
  canModerateGroup,
  canStartThread,
  isGroupMember,
  membershipMode,
} from "~/groups/rules";
import { pageFromUrl } from "~/http/pagination";
import { formatDate } from "~/i18n/format";
import { resolveLocale } from "~/i18n/i18next.server";
import { requirePlatform } from "~/platforms/platforms.server";
import { MembershipForm } from "~/groups/components/membership-form";
import { SearchForm } from "~/components/search-form";

export const handle: RouteHandle = {
  pageTitle: (_t, data) => (data as { group?: { name: string } } | undefined)?.group?.name ?? "",
};

/** A search box's words, bounded: anything longer is cut, never an error. */
const Q_MAX = 100;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const user = context.user;
  const { group, actor } = await requireReadableGroup(db, user, platform.id, params.groupId ?? "");
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, Q_MAX);
  const locale = await resolveLocale(request, user);
  const moderator = canModerateGroup(actor);
  const [{ threads, page }, reports] = await Promise.all([
    listThreads(db, group, actor, user?.id ?? null, { q, page: pageFromUrl(url) }),
    moderator ? openReportCount(db, group.id) : Promise.resolve(0),
  ]);
  const text = groupText(group, locale);
  return json({
    platform: { slug: platform.slug, name: platform.name },
    group: {
      id: group.id,
      name: text.name,
      description: text.description,
      visibility: group.visibility,
    },
    mode: membershipMode(group, actor),
    may: {
      start: canStartThread(actor),
      manage: canManageGroup(actor),
      moderate: moderator,
      member: isGroupMember(actor),
    },
    reports,
    q,
    page: { page: page.page, pages: page.pages, total: page.total },
    threads: threads.map((t) => ({
      ...t,
      lastActivityAt: formatDate(t.lastActivityAt, locale, platform.timeZone),
    })),
  });
}

export default function GroupForumPage() {
  const { t } = useTranslation("forums");
  const personName = usePersonName();
  const { platform, group, mode, may, reports, q, page, threads } = useLoaderData<typeof loader>();
  const base = `/platforms/${platform.slug}/groups/${group.id}`;
  return (
    <div className="stack">
      <p>
        <Link to={`/platforms/${platform.slug}/groups`}>← {t("backToGroups")}</Link>
      </p>
      <DoneNotice />
      <h1>{group.name}</h1>
      <p className="badge">{t(`visibility.${group.visibility}`)}</p>
      {group.description ? <p className="lead pre-line">{group.description}</p> : null}
      <MembershipForm slug={platform.slug} groupId={group.id} mode={mode} back={base} />
      <ul className="link-row">
        <li>
          <Link to={`${base}/members`}>{t("members")}</Link>
        </li>
        {may.manage ? (
          <li>
            <Link to={`${base}/edit`}>{t("edit")}</Link>
          </li>
        ) : null}
        {may.moderate ? (
          <li>
            <Link to={`${base}/reports`}>{t("reports.link", { count: reports })}</Link>
          </li>
        ) : null}
      </ul>

      <section aria-labelledby="threads-heading" className="stack">
        <h2 id="threads-heading">{t("threads")}</h2>
        {may.start ? (
          <p>
            <Link to={`${base}/threads/new`} className="button primary">
              {t("newThread")}
            </Link>
          </p>
        ) : null}
        <SearchForm
          id="forum-q"
          label={t("search.label")}
          button={t("search.submit")}
          defaultValue={q}
        />
        {threads.length === 0 ? (
          <p className="muted">{q ? t("search.none") : t("none")}</p>
        ) : (
          <ul className="plain-list stack thread-list">
            {threads.map((th) => (
              <li key={th.id} className="card">
                <h3 className="card-title">
                  <Link to={`${base}/threads/${th.id}`}>{th.title}</Link>
                  {may.member && th.unread ? (
                    <>
                      {" "}
                      <span className="badge state-voting">{t("new")}</span>
                    </>
                  ) : null}
                </h3>
                {th.pinned || th.locked || th.hidden ? (
                  <p className="button-row">
                    {th.pinned ? <span className="badge">{t("pinned")}</span> : null}
                    {th.locked ? <span className="badge">{t("locked")}</span> : null}
                    {th.hidden ? (
                      <span className="badge state-withdrawn">{t("hiddenBadge")}</span>
                    ) : null}
                  </p>
                ) : null}
                <p className="muted">
                  {t("byAuthor", { name: personName(th.author) })} ·{" "}
                  {t("replies", { count: th.replies })} ·{" "}
                  {t("lastActivity", { when: th.lastActivityAt })}
                </p>
              </li>
            ))}
          </ul>
        )}
        <Pager page={page.page} pages={page.pages} />
      </section>
    </div>
  );
}
