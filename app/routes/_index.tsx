import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { DoneNotice } from "~/components/notice";
import { PlatformCard } from "~/components/platform-card";
import { shareMeta } from "~/http/share-meta";
import { shareFor } from "~/http/share.server";
import { getFixedT, resolveLocale } from "~/i18n/i18next.server";
import { listPlatforms } from "~/platforms/platforms.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await resolveLocale(request, context.user);
  const t = await getFixedT(locale, "common");
  const share = await shareFor(request, locale, {
    path: "/",
    title: t("home.title"),
    description: t("home.lead"),
  });
  return json({ platforms: await listPlatforms(locale), signedIn: !!context.user, share });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => shareMeta(data?.share);

export default function Home() {
  const { t } = useTranslation();
  const { platforms, signedIn } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <section className="intro">
        <h1>{t("home.title")}</h1>
        <DoneNotice />
        <p className="lead">{t("home.lead")}</p>
        <p>{t("home.minga")}</p>
        <ul className="feature-list">
          <li>{t("home.featureDecide")}</li>
          <li>{t("home.featureMeet")}</li>
          <li>{t("home.featureLearn")}</li>
          <li>{t("home.featureCount")}</li>
        </ul>
        {signedIn ? null : (
          <p>
            <Link to="/signup" className="button primary">
              {t("home.join")}
            </Link>
          </p>
        )}
      </section>
      <section aria-labelledby="platforms-heading">
        <h2 id="platforms-heading">{t("home.platformsHeading")}</h2>
        {platforms.length === 0 ? <p>{t("home.noPlatforms")}</p> : null}
        <div className="card-grid">
          {platforms.map((p) => (
            <PlatformCard key={p.id} platform={p} />
          ))}
        </div>
      </section>
    </div>
  );
}
