import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { usePersonName } from "~/components/person-name";
import { DoneNotice } from "~/components/notice";
import type { RouteHandle } from "~/components/page-title";
import { Pager } from "~/components/pager";
import { pageFromUrl } from "~/http/pagination";
import { viewerOf } from "~/platforms/permissions.server";
import { requirePlatform } from "~/platforms/platforms.server";
import { pageOfProposals } from "~/proposals/proposals.server";
import { proposalFilterSchema } from "~/proposals/schemas";
import { PROPOSAL_STATES } from "~/proposals/choices";

export const handle: RouteHandle = { pageTitle: (t) => t("proposals:listTitle") };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const viewer = await viewerOf(context.user, platform.id);
  const search = new URL(request.url).searchParams;
  // An unknown state or an overlong search is simply ignored: a filter never errors.
  const parsed = proposalFilterSchema.safeParse({
    state: search.get("state") || undefined,
    q: search.get("q") || undefined,
  });
  const filter = parsed.success ? parsed.data : {};
  const { proposals, page, pages } = await pageOfProposals(
    platform.id,
    viewer,
    context.user?.id ?? null,
    filter,
    pageFromUrl(request.url),
  );
  return json({
    platform: { slug: platform.slug, name: platform.name },
    proposals,
    page,
    pages,
    filter,
    viewer,
  });
}

export default function ProposalsPage() {
  const { t } = useTranslation("proposals");
  const personName = usePersonName();
  const { platform, proposals, page, pages, filter, viewer } = useLoaderData<typeof loader>();
  const base = `/platforms/${platform.slug}/proposals`;
  return (
    <div className="stack">
      <p>
        <Link to={`/platforms/${platform.slug}`}>← {platform.name}</Link>
      </p>
      <DoneNotice />
      <h1>{t("listTitle")}</h1>
      {viewer.isMember ? (
        <p>
          <Link to={`${base}/new`} className="button primary">
            {t("new")}
          </Link>
        </p>
      ) : null}
      <Form method="get" className="filter-row" role="search">
        <div className="field">
          <label htmlFor="proposal-state">{t("filter.state")}</label>
          <select id="proposal-state" name="state" defaultValue={filter.state ?? ""}>
            <option value="">{t("filter.all")}</option>
            {PROPOSAL_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`states.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="proposal-q">{t("filter.search")}</label>
          <input id="proposal-q" name="q" type="search" defaultValue={filter.q ?? ""} />
        </div>
        <button type="submit" className="button">
          {t("filter.submit")}
        </button>
      </Form>
      {proposals.length === 0 ? <p className="muted">{t("none")}</p> : null}
      <ul className="plain-list stack">
        {proposals.map((p) => (
          <li key={p.id} className="card">
            <h2 className="card-title">
              <Link to={`${base}/${p.id}`}>{p.title}</Link>
            </h2>
            <p className={`badge state-${p.state}`}>{t(`states.${p.state}`)}</p>
            <p>{p.summary}</p>
            <p className="muted">
              {t("byAuthor", { name: personName(p.author) })} ·{" "}
              {t("commentCount", { count: p.comments })}
            </p>
          </li>
        ))}
      </ul>
      <Pager page={page} pages={pages} />
    </div>
  );
}
