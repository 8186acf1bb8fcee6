import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/auth/guards.server";
import { type CsvValue, toCsv } from "~/http/csv";
import { getFixedT, resolveLocale } from "~/i18n/i18next.server";
import { requirePlatform } from "~/platforms/platforms.server";
import { storedResult, voteOfVisibleProposal } from "~/votes/votes.server";

/** Counts per option — never individual ballots, whatever the kind of vote. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const { proposal, vote } = await voteOfVisibleProposal(
    platform.id,
    params.proposalId ?? "",
    context.user,
  );
  const result = storedResult(vote);
  if (!result) notFound();
  const t = await getFixedT(await resolveLocale(request, context.user), "votes");
  const rows: CsvValue[][] = [
    [t("option"), t("online"), t("inPerson"), t("total")],
    ...result.options.map((o) => [
      o.code ? t(`options.${o.code}`) : o.label,
      o.online,
      o.inPerson,
      o.total,
    ]),
    [],
    [t("csv.participation"), result.participation],
    [t("csv.eligible"), result.eligible],
    [t("csv.required"), result.required],
    [t("csv.outcome"), t(`outcomes.${result.outcome}`)],
  ];
  return new Response(toCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="result-${proposal.id}.csv"`,
    },
  });
}
