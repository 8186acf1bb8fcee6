import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { PersonName } from "~/components/person-name";
import type { RouteHandle } from "~/components/page-title";
import { certificateByCode, formatLocalDate } from "~/courses/certificates.server";
import { courseText } from "~/courses/courses.server";
import { formatDate, formatNumber } from "~/i18n/format";
import { resolveLocale } from "~/i18n/i18next.server";

export const handle: RouteHandle = { pageTitle: (t) => t("certificates:verify.title") };

/**
 * Public verification, without an account. An unknown code and a malformed one get the same
 * 404 page, so the page tells nothing about which codes exist.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const certificate = await certificateByCode(params.code ?? "");
  if (!certificate) return json({ certificate: null }, { status: 404 });
  const locale = await resolveLocale(request, context.user);
  const { course } = certificate;
  return json({
    certificate: {
      // Empty once its holder erased their account: the code still verifies.
      name: certificate.name || null,
      code: certificate.code,
      course: courseText(course, locale).title,
      start: formatLocalDate(course.startDate, locale),
      end: formatLocalDate(course.endDate, locale),
      hours: formatNumber(certificate.hours, locale),
      issued: formatDate(certificate.issuedAt, locale, course.timeZone),
      platform: course.platform?.name ?? null,
      revoked: certificate.revokedAt
        ? formatDate(certificate.revokedAt, locale, course.timeZone)
        : null,
    },
  });
}

export default function VerifyPage() {
  const { t } = useTranslation("certificates");
  const { certificate: c } = useLoaderData<typeof loader>();
  if (!c)
    return (
      <section className="stack">
        <h1>{t("verify.unknown")}</h1>
        <p>{t("verify.unknownBody")}</p>
      </section>
    );
  return (
    <section className="stack">
      <h1>{c.revoked ? t("verify.revoked") : t("verify.valid")}</h1>
      <p className={c.revoked ? "form-errors" : "notice"}>
        {c.revoked ? t("verify.revokedBody", { date: c.revoked }) : t("verify.validBody")}
      </p>
      <dl className="facts">
        <dt>{t("verify.name")}</dt>
        <dd>
          <PersonName name={c.name} />
        </dd>
        <dt>{t("verify.course")}</dt>
        <dd>{c.course}</dd>
        <dt>{t("verify.dates")}</dt>
        <dd>{t("verify.datesValue", { start: c.start, end: c.end })}</dd>
        <dt>{t("verify.hours")}</dt>
        <dd>{c.hours}</dd>
        <dt>{t("verify.issued")}</dt>
        <dd>{c.issued}</dd>
        <dt>{t("verify.platform")}</dt>
        <dd>{c.platform ?? t("verify.portalWide")}</dd>
        <dt>{t("verify.code")}</dt>
        <dd>
          <code>{c.code}</code>
        </dd>
      </dl>
    </section>
  );
}
