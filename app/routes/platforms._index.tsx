import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { RouteHandle } from "~/components/page-title";
import { PlatformCard } from "~/components/platform-card";
import { shareMeta } from "~/http/share-meta";
import { shareFor } from "~/http/share.server";
import { getFixedT, resolveLocale } from "~/i18n/i18next.server";
import { listPlatforms } from "~/platforms/platforms.server";

export const handle: RouteHandle = { pageTitle: (t) => t("platforms:directory.title") };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await resolveLocale(request, context.user);
  const t = await getFixedT(locale, "platforms");
  const share = await shareFor(request, locale, {
    path: "/platforms",
    title: t("directory.title"),
    description: t("directory.intro"),
  });
  return json({ platforms: await listPlatforms(locale), share });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => shareMeta(data?.share);

export default function PlatformDirectory() {
  const { t } = useTranslation("platforms");
  const { platforms } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>{t("directory.title")}</h1>
      <p>{t("directory.intro")}</p>
      {platforms.length === 0 ? <p>{t("directory.empty")}</p> : null}
      <div className="card-grid">
        {platforms.map((p) => (
          <PlatformCard key={p.id} platform={p} headingLevel={2} />
        ))}
      </div>
    </div>
  );
}
