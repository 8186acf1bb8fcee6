import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/auth/guards.server";
import { getFixedT, resolveLocale } from "~/i18n/i18next.server";
import { requirePlatform } from "~/platforms/platforms.server";
import { storedResult, voteOfVisibleProposal } from "~/votes/votes.server";

function csvCell(value: string | number): string {
  const text = String(value);
  // Quote everything that could break the row, and defuse spreadsheet formulas.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n;]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

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
  const rows: (string | number)[][] = [
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
  const body = rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="result-${proposal.id}.csv"`,
    },
  });
}
