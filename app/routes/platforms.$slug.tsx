import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound } from "~/auth/guards.server";
import type { RouteHandle } from "~/components/page-title";
import { resolveLocale } from "~/i18n/i18next.server";
import { findPlatformBySlug, localizedDescription } from "~/platforms/platforms.server";

export const handle: RouteHandle = {
  pageTitle: (_t, data) =>
    (data as { platform?: { name: string } } | undefined)?.platform?.name ?? "",
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await findPlatformBySlug(params.slug ?? "");
  if (!platform) notFound();
  const locale = await resolveLocale(request, context.user);
  return json({
    platform: {
      name: platform.name,
      description: localizedDescription(platform, locale),
      country: platform.country,
      region: platform.region,
      quorumPercent: platform.quorumPercent,
      approvalPercent: platform.approvalPercent,
    },
  });
}

export default function PlatformPage() {
  const { t } = useTranslation("platforms");
  const { platform } = useLoaderData<typeof loader>();
  return (
    <article className="stack">
      <h1>{platform.name}</h1>
      <p className="muted">
        {platform.region} · {t(`countries.${platform.country}`)}
      </p>
      <p>{platform.description}</p>
      <dl className="facts">
        <dt>{t("quorumRule")}</dt>
        <dd>{t("percentValue", { value: platform.quorumPercent })}</dd>
        <dt>{t("approvalRule")}</dt>
        <dd>{t("percentValue", { value: platform.approvalPercent })}</dd>
      </dl>
    </article>
  );
}
