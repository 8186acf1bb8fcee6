import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { Pager } from "~/components/pager";
import { DoneNotice } from "~/components/notice";
import type { RouteHandle } from "~/components/page-title";
import { db } from "~/db.server";
import { GroupList } from "~/groups/components/group-list";
import { listGroups } from "~/groups/list.server";
import { mayCreateGroup } from "~/groups/settings.server";
import { pageFromUrl } from "~/http/pagination";
import { resolveLocale } from "~/i18n/i18next.server";
import { requirePlatform } from "~/platforms/platforms.server";

export const handle: RouteHandle = { pageTitle: (t) => t("groups:list.title") };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const locale = await resolveLocale(request, context.user);
  const [list, canCreate] = await Promise.all([
    listGroups(db, context.user, platform.id, locale, { page: pageFromUrl(request.url) }),
    mayCreateGroup(context.user, platform.id),
  ]);
  return json({
    platform: { slug: platform.slug, name: platform.name },
    groups: list.groups,
    page: list.page,
    pages: list.pages,
    canCreate,
    signedIn: !!context.user,
  });
}

export default function GroupsPage() {
  const { t } = useTranslation("groups");
  const data = useLoaderData<typeof loader>();
  const base = `/platforms/${data.platform.slug}`;
  return (
    <div className="stack">
      <p>
        <Link to={base}>← {data.platform.name}</Link>
      </p>
      <DoneNotice />
      <h1>{t("list.title")}</h1>
      <p className="muted">{t("list.intro")}</p>
      {data.canCreate ? (
        <p>
          <Link to={`${base}/groups/new`} className="button primary">
            {t("list.new")}
          </Link>
        </p>
      ) : null}
      {!data.signedIn ? (
        <p>
          <Link to={`/login?redirectTo=${encodeURIComponent(`${base}/groups`)}`}>
            {t("list.loginToJoin")}
          </Link>
        </p>
      ) : null}
      <GroupList
        slug={data.platform.slug}
        groups={data.groups}
        headingLevel={2}
        back={`${base}/groups${data.page > 1 ? `?page=${data.page}` : ""}`}
      />
      <Pager page={data.page} pages={data.pages} />
    </div>
  );
}
