import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { usePersonName } from "~/components/person-name";
import { FormErrors, TextareaField } from "~/components/form-fields";
import { Pager } from "~/components/pager";
import { DoneNotice } from "~/components/notice";
import type { RouteHandle } from "~/components/page-title";
import { useFormFor } from "~/components/use-form-for";
import { revokeSchema } from "~/courses/certificate-schemas";
import { courseCertificates, revokeCertificate } from "~/courses/certificates.server";
import {
  courseText,
  courseViewerOf,
  requireCertificateRevoker,
  requireCourseManager,
} from "~/courses/courses.server";
import { formIdOf, redirectWithNotice, rejectForm } from "~/forms/respond.server";
import { pageFromUrl } from "~/http/pagination";
import { formatDate, formatNumber } from "~/i18n/format";
import { resolveLocale } from "~/i18n/i18next.server";
import { SearchForm } from "~/components/search-form";

export const handle: RouteHandle = { pageTitle: (t) => t("certificates:list.title") };

/** The course's certificates for those who run it; coordinators and admins may revoke. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, course } = await requireCourseManager(request, context, params.courseId ?? "");
  const locale = await resolveLocale(request, user);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const [viewer, list] = await Promise.all([
    courseViewerOf(user, course),
    courseCertificates(course.id, { page: pageFromUrl(url), q }),
  ]);
  return json({
    course: { id: course.id, title: courseText(course, locale).title },
    canRevoke: viewer.canRevoke,
    q,
    page: list.page.page,
    pages: list.page.pages,
    found: list.page.total,
    issued: list.issued,
    revoked: list.revoked,
    certificates: list.certificates.map((c) => ({
      id: c.id,
      // Empty once its holder erased their account.
      name: c.name || null,
      code: c.code,
      hours: formatNumber(c.hours, locale),
      issued: formatDate(c.issuedAt, locale, course.timeZone),
      revoked: c.revokedAt ? formatDate(c.revokedAt, locale, course.timeZone) : null,
      reason: c.revokeReason,
    })),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, course } = await requireCertificateRevoker(request, context, params.courseId ?? "");
  const formData = await request.formData();
  const formId = formIdOf(formData);
  const submission = parseWithZod(formData, { schema: revokeSchema });
  if (submission.status !== "success") return rejectForm(formId, submission);
  const outcome = await revokeCertificate(
    user,
    course.id,
    submission.value.certificateId,
    submission.value.reason,
  );
  if (!outcome.ok) return rejectForm(formId, submission, outcome);
  // Back to the page and search the form was on (the form posts to the page's own address).
  return redirectWithNotice(
    `/courses/${course.id}/certificates${listSearch(new URL(request.url))}`,
    "certificateRevoked",
  );
}

function RevokeForm({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation("certificates");
  const [form, fields] = useFormFor<typeof revokeSchema>(`revoke-${id}`);
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack">
      <fieldset>
        <legend>{t("revoke.legend", { name })}</legend>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="_form" value={`revoke-${id}`} />
        <input type="hidden" name="certificateId" value={id} />
        <TextareaField
          meta={fields.reason}
          label={t("revoke.reason")}
          hint={t("revoke.reasonHint")}
        />
        <button type="submit" className="button">
          {t("revoke.submit")}
        </button>
      </fieldset>
    </Form>
  );
}

/** The list's own parameters (its page and search) of an address, for the way back. */
function listSearch(url: URL): string {
  const kept = new URLSearchParams();
  for (const name of ["q", "page"]) {
    const value = url.searchParams.get(name);
    if (value) kept.set(name, value.slice(0, 100));
  }
  const query = kept.toString();
  return query ? `?${query}` : "";
}

export default function CertificatesPage() {
  const { t } = useTranslation("certificates");
  const personName = usePersonName();
  const data = useLoaderData<typeof loader>();
  const { course, certificates, canRevoke } = data;
  return (
    <div className="stack">
      <p>
        <Link to={`/courses/${course.id}/matrix`}>← {t("matrix.title")}</Link>
      </p>
      <h1>{t("list.heading", { title: course.title })}</h1>
      <DoneNotice />
      {data.issued === 0 ? (
        <p className="muted">{t("list.empty")}</p>
      ) : (
        <>
          <p>
            {t("list.summary", { count: data.issued })}{" "}
            {data.revoked > 0 ? t("list.revokedCount", { count: data.revoked }) : null}
          </p>
          <SearchForm
            id="certificate-q"
            label={t("list.search")}
            button={t("list.searchButton")}
            defaultValue={data.q}
            status={data.q ? t("list.found", { count: data.found }) : undefined}
          />
        </>
      )}
      {certificates.length === 0 ? null : (
        <ul className="stack certificate-list">
          {certificates.map((c) => (
            <li key={c.id} className="stack">
              <p>
                <strong>{personName(c.name)}</strong> · {t("list.hours")}: {c.hours} ·{" "}
                {t("list.issued")}: {c.issued}
              </p>
              <p>
                {t("list.code")}: <code>{c.code}</code>
              </p>
              <p>
                {t("list.state")}:{" "}
                {c.revoked ? t("list.revoked", { date: c.revoked }) : t("list.valid")}
                {c.revoked && c.reason ? ` — ${t("list.reason", { reason: c.reason })}` : ""}
              </p>
              <p>
                <Link to={`/courses/${course.id}/certificates/${c.id}`}>
                  {t("list.view", { name: personName(c.name) })}
                </Link>
              </p>
              {canRevoke && !c.revoked ? <RevokeForm id={c.id} name={personName(c.name)} /> : null}
            </li>
          ))}
        </ul>
      )}
      <Pager page={data.page} pages={data.pages} />
    </div>
  );
}
