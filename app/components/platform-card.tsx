import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { formatNumber } from "~/i18n/format";
import type { PlatformSummary } from "~/platforms/platforms.server";

export function PlatformCard({
  platform,
  headingLevel = 3,
}: {
  platform: PlatformSummary;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const { t, i18n } = useTranslation("platforms");
  return (
    <article className="card">
      <Heading>
        <Link to={`/platforms/${platform.slug}`}>{platform.name}</Link>
      </Heading>
      <p className="muted">
        {platform.region} · {t(`countries.${platform.country}`)}
      </p>
      <p>{platform.description}</p>
      <p className="muted">
        {t("memberCount", {
          count: platform.activeMembers,
          formatted: formatNumber(platform.activeMembers, i18n.language),
        })}
      </p>
    </article>
  );
}
