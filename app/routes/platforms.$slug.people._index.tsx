import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { PersonName } from "~/components/person-name";
import type { RouteHandle } from "~/components/page-title";
import { peopleWithoutAccount } from "~/participants/people.server";
import { requirePlatformRole } from "~/platforms/permissions.server";
import { requirePlatform } from "~/platforms/platforms.server";
import { Pager } from "~/components/pager";
import { pageFromUrl } from "~/http/pagination";
import { SearchForm } from "~/components/search-form";

export const handle: RouteHandle = { pageTitle: (t) => t("participants:list.title") };

/** Facilitators find walk-ins again: to link them to an account or merge duplicates. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  await requirePlatformRole(request, context, platform.id, "facilitator");
  const search = new URL(request.url).searchParams;
  const q = search.get("q")?.slice(0, 100) ?? "";
  const list = await peopleWithoutAccount(platform.id, q, pageFromUrl(request.url));
  return json({ platform: { slug: platform.slug, name: platform.name }, q, ...list });
}

export default function PeoplePage() {
  const { t } = useTranslation("participants");
  const { platform, q, page, pages, total, people } = useLoaderData<typeof loader>();
  const base = `/platforms/${platform.slug}/people`;
  return (
    <div className="stack">
      <p>
        <Link to={`/platforms/${platform.slug}`}>← {platform.name}</Link>
      </p>
      <h1>{t("list.title")}</h1>
      <p className="hint">{t("list.help")}</p>
      <SearchForm
        id="people-q"
        label={t("list.search")}
        button={t("list.searchButton")}
        defaultValue={q}
        status={t("list.count", { count: total })}
      />
      {people.length > 0 ? (
        <ul className="plain-list stack">
          {people.map((p) => (
            <li key={p.id}>
              <Link to={`${base}/${p.id}`}>
                <PersonName name={p.name || null} />
              </Link>
              {p.community ? <span className="muted"> · {p.community}</span> : null}
              {p.isMember ? <span className="badge">{t("list.member")}</span> : null}
              <span className="muted"> · {t("list.events", { count: p.events })}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <Pager page={page} pages={pages} />
    </div>
  );
}
