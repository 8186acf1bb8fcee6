import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { BarChart } from "~/components/bar-chart";
import type { RouteHandle } from "~/components/page-title";
import { Pager } from "~/components/pager";
import { PersonName } from "~/components/person-name";
import { useOptionLabel } from "~/components/vote-option-label";
import { formatDateTime } from "~/i18n/format";
import { pageFromUrl } from "~/http/pagination";
import { shareMeta } from "~/http/share-meta";
import { shareFor } from "~/http/share.server";
import { getFixedT, resolveLocale } from "~/i18n/i18next.server";
import { requirePlatform } from "~/platforms/platforms.server";
import { publicBallots, storedResult, voteOfVisibleProposal } from "~/votes/votes.server";
import { closedEarly } from "~/votes/timing";
import { TableScroll } from "~/components/table-scroll";

export const handle: RouteHandle = { pageTitle: (t) => t("votes:resultTitle") };

/** The fixed result of a closed vote, for everyone; who voted what only for public votes. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const { viewer, proposal, vote } = await voteOfVisibleProposal(
    platform.id,
    params.proposalId ?? "",
    context.user,
  );
  const result = storedResult(vote);
  const locale = await resolveLocale(request, context.user);
  const voters = viewer.isMember
    ? await publicBallots(vote, {
        online: pageFromUrl(request.url, "online"),
        hands: pageFromUrl(request.url, "hands"),
      })
    : null;
  const closesAt = formatDateTime(vote.closesAt, locale, platform.timeZone);
  const t = await getFixedT(locale, "votes");
  const share = await shareFor(request, locale, {
    path: `/platforms/${platform.slug}/proposals/${proposal.id}/result`,
    title: `${t("resultTitle")}: ${proposal.title}`,
    // The outcome line once closed; before, only when the result will be known.
    description:
      vote.closedAt && result
        ? `${t(`outcomes.${result.outcome}`)} — ${t(`reasons.${result.reason}`)}`
        : t("resultAfterClose", { when: closesAt }),
    type: "article",
  });
  return json({
    share,
    platform: { slug: platform.slug, name: platform.name },
    proposal: { id: proposal.id, title: proposal.title },
    closed: !!vote.closedAt,
    closedAt: vote.closedAt ? formatDateTime(vote.closedAt, locale, platform.timeZone) : null,
    closesAt,
    closedEarly: closedEarly(vote),
    closeReason: vote.closeReason,
    secret: vote.secret,
    result,
    voters,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => shareMeta(data?.share);

export default function ResultPage() {
  const { t } = useTranslation("votes");
  const label = useOptionLabel();
  const data = useLoaderData<typeof loader>();
  const { platform, proposal, result } = data;
  const back = `/platforms/${platform.slug}/proposals/${proposal.id}`;
  if (!data.closed || !result) {
    return (
      <div className="stack">
        <p>
          <Link to={back}>← {proposal.title}</Link>
        </p>
        <h1>{t("resultTitle")}</h1>
        <p className="notice">{t("resultAfterClose", { when: data.closesAt })}</p>
      </div>
    );
  }
  const optionName = (id: string) => {
    const o = result.options.find((x) => x.id === id);
    return o ? label(o) : "";
  };
  return (
    <article className="stack result">
      <p className="no-print">
        <Link to={back}>← {proposal.title}</Link>
      </p>
      <header>
        <p className="muted">{platform.name}</p>
        <h1>
          {t("resultTitle")}: {proposal.title}
        </h1>
        <p>
          {data.closedEarly
            ? t("closedEarlyOn", { when: data.closedAt, planned: data.closesAt })
            : t("closedOn", { when: data.closedAt })}
        </p>
        {data.closeReason ? <p>{t("earlyReason", { reason: data.closeReason })}</p> : null}
      </header>
      <div className={`result-banner ${result.outcome}`}>
        <p>
          <strong>{t(`outcomes.${result.outcome}`)}</strong> — {t(`reasons.${result.reason}`)}
        </p>
      </div>
      <p>
        {t("participation", {
          // Members only: the sentence compares them with the eligible members.
          participation: result.members ?? result.participation,
          eligible: result.eligible,
          required: result.required,
          percent: result.quorumPercent,
        })}{" "}
        <strong>{result.quorumMet ? t("quorumMet") : t("quorumNotMet")}</strong>
      </p>
      {result.members !== undefined ? (
        <p>
          {t("participationSplit", {
            members: result.members,
            nonMembers: result.nonMembers ?? 0,
          })}
        </p>
      ) : null}
      <BarChart
        title={t("chartTitle")}
        legend={{ online: t("online"), inPerson: t("inPerson") }}
        bars={result.options.map((o) => ({
          label: label(o),
          online: o.online,
          inPerson: o.inPerson,
        }))}
      />
      <TableScroll>
        <table>
          <caption className="visually-hidden">{t("chartTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("option")}</th>
              <th scope="col">{t("online")}</th>
              <th scope="col">{t("inPerson")}</th>
              <th scope="col">{t("total")}</th>
            </tr>
          </thead>
          <tbody>
            {result.options.map((o) => (
              <tr key={o.id}>
                <th scope="row">{label(o)}</th>
                <td>{o.online}</td>
                <td>{o.inPerson}</td>
                <td>{o.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="no-print">
        <a href={`${back}/result.csv`} download>
          {t("downloadCsv")}
        </a>
      </p>
      {data.secret ? <p className="muted">{t("secretNote")}</p> : null}
      {data.voters ? (
        <section aria-labelledby="voters-heading" className="stack">
          <h2 id="voters-heading">{t("votersHeading")}</h2>
          <h3>{t("votersOnline", { count: data.voters.onlinePages.count })}</h3>
          <ul>
            {data.voters.online.map((v, i) => (
              <li key={i}>
                <PersonName name={v.name} />: {optionName(v.optionId)}
              </li>
            ))}
          </ul>
          <Pager {...data.voters.onlinePages} param="online" label={t("votersOnlinePages")} />
          <h3>{t("votersInPerson", { count: data.voters.inPersonPages.count })}</h3>
          <ul>
            {data.voters.inPerson.map((name, i) => (
              <li key={i}>
                <PersonName name={name} />: {t("votedByHand")}
              </li>
            ))}
          </ul>
          {data.voters.formerInPerson > 0 ? (
            <p className="muted">{t("formerInPerson", { count: data.voters.formerInPerson })}</p>
          ) : null}
          <Pager {...data.voters.inPersonPages} param="hands" label={t("votersInPersonPages")} />
        </section>
      ) : null}
    </article>
  );
}
