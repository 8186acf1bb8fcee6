import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { PersonName } from "~/components/person-name";
import { notFound, requireUser } from "~/auth/guards.server";
import type { RouteHandle } from "~/components/page-title";
import { QrCode } from "~/components/qr-code";
import {
  certificateOfCourse,
  facilitatorNames,
  formatLocalDate,
} from "~/courses/certificates.server";
import { courseActorOf, courseText, getCourse } from "~/courses/courses.server";
import { canManageCourse } from "~/courses/permissions";
import { qrSvg } from "~/courses/qr.server";
import { publicUrl } from "~/http/public-url.server";
import { formatDate, formatNumber } from "~/i18n/format";
import { resolveLocale } from "~/i18n/i18next.server";

export const handle: RouteHandle = { pageTitle: (t) => t("certificates:certificate.title") };

/** The printable certificate: for the person it names, and for those who run the course. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const course = await getCourse(params.courseId ?? "");
  const certificate = await certificateOfCourse(course.id, params.certificateId ?? "");
  const own = certificate.participant.userId === user.id;
  if (!own) {
    const actor = await courseActorOf(user, course);
    // A 404, not a 403: whether someone holds a certificate is not for others to learn.
    if (!actor || !canManageCourse(actor)) notFound();
  }
  const locale = await resolveLocale(request, user);
  const verifyUrl = publicUrl(request, `/certificates/${certificate.code}`);
  return json({
    courseId: course.id,
    title: courseText(course, locale).title,
    platform: course.platform?.name ?? null,
    name: certificate.name || null,
    hours: formatNumber(certificate.hours, locale),
    attended: certificate.attended,
    counted: certificate.counted,
    start: formatLocalDate(course.startDate, locale),
    end: formatLocalDate(course.endDate, locale),
    issued: formatDate(certificate.issuedAt, locale, course.timeZone),
    revoked: certificate.revokedAt
      ? formatDate(certificate.revokedAt, locale, course.timeZone)
      : null,
    facilitators: await facilitatorNames(course.id),
    code: certificate.code,
    verifyUrl,
    qr: await qrSvg(verifyUrl),
  });
}

export default function CertificatePage() {
  const { t } = useTranslation("certificates");
  const c = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <p className="no-print">
        <Link to={`/courses/${c.courseId}`}>{t("backToCourse")}</Link>
      </p>
      <p className="no-print hint">{t("certificate.printHint")}</p>
      <article className={c.revoked ? "certificate revoked" : "certificate"}>
        {c.revoked ? (
          <p className="certificate-revoked" role="alert">
            <strong>{t("certificate.revoked")}</strong> —{" "}
            {t("certificate.revokedOn", { date: c.revoked })}
          </p>
        ) : null}
        <p className="certificate-portal">{t("certificate.portal")}</p>
        <h1>{t("certificate.print")}</h1>
        <p>{t("certificate.certifies")}</p>
        <p className="certificate-name">
          <PersonName name={c.name} />
        </p>
        <p>{t("certificate.completed")}</p>
        <p className="certificate-course">{c.title}</p>
        <p>
          {t("certificate.hours", { hours: c.hours, attended: c.attended, counted: c.counted })}{" "}
          {t("certificate.dates", { start: c.start, end: c.end })}
        </p>
        {c.facilitators.length > 0 ? (
          <p>{t("certificate.facilitators", { names: c.facilitators.join(", ") })}</p>
        ) : null}
        {c.platform ? <p>{t("certificate.platform", { name: c.platform })}</p> : null}
        <p>{t("certificate.issuedOn", { date: c.issued })}</p>
        <footer className="certificate-verify">
          <QrCode svg={c.qr} label={t("certificate.qr")} />
          <div>
            <p>
              {t("certificate.code")}: <code className="certificate-code">{c.code}</code>
            </p>
            <p>
              {t("certificate.verifyAt")} <a href={c.verifyUrl}>{c.verifyUrl}</a>
            </p>
          </div>
        </footer>
      </article>
    </div>
  );
}
