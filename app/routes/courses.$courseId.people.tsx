import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { PersonName } from "~/components/person-name";
import { badRequest } from "~/auth/guards.server";
import { FormErrors, SelectField, TextareaField, TextField } from "~/components/form-fields";
import { DoneNotice } from "~/components/notice";
import type { RouteHandle } from "~/components/page-title";
import { useFormFor } from "~/components/use-form-for";
import { courseText, requireCourseManager } from "~/courses/courses.server";
import {
  enrolByEmail,
  enrolKnownPerson,
  enrolmentCandidates,
  enrolmentList,
  enrolmentOnCourse,
  enrolNewPerson,
  withdrawPerson,
} from "~/courses/enrolment.server";
import { placesLeft } from "~/courses/enrolment-rules";
import {
  byEmailSchema,
  knownPersonSchema,
  newPersonSchema,
  withdrawSchema,
} from "~/courses/enrolment-schemas";
import { formIdOf, redirectWithNotice, rejectForm } from "~/forms/respond.server";
import { formatDate } from "~/i18n/format";
import { resolveLocale } from "~/i18n/i18next.server";
import { AGE_GROUPS, GENDERS } from "~/participants/demographics";
import { Pager } from "~/components/pager";
import { pageFromUrl } from "~/http/pagination";
import { SearchForm } from "~/components/search-form";

export const handle: RouteHandle = { pageTitle: (t) => t("enrolment:people.title") };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, course } = await requireCourseManager(request, context, params.courseId ?? "");
  const locale = await resolveLocale(request, user);
  const search = new URL(request.url).searchParams;
  const q = search.get("q")?.slice(0, 100) ?? "";
  const who = search.get("who")?.slice(0, 100) ?? "";
  const [list, candidates, withdrawing] = await Promise.all([
    enrolmentList(course.id, q, pageFromUrl(request.url)),
    enrolmentCandidates(course, who),
    enrolmentOnCourse(course.id, search.get("withdraw")?.slice(0, 40) ?? ""),
  ]);
  const date = (iso: string | null) => (iso ? formatDate(iso, locale, course.timeZone) : null);
  return json({
    course: { id: course.id, title: courseText(course, locale).title, capacity: course.capacity },
    q,
    who,
    page: list.page,
    total: list.total,
    pages: list.pages,
    enrolled: list.enrolled,
    people: list.people.map((p) => ({ ...p, since: date(p.enrolledAt), ended: date(p.endedAt) })),
    candidates,
    withdrawing,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, course } = await requireCourseManager(request, context, params.courseId ?? "");
  const formData = await request.formData();
  const formId = formIdOf(formData);
  const here = `/courses/${course.id}/people`;
  const intent = formData.get("intent");
  if (intent === "byEmail") {
    const submission = parseWithZod(formData, { schema: byEmailSchema });
    if (submission.status !== "success") return rejectForm(formId, submission);
    const outcome = await enrolByEmail(user, course.id, submission.value.email);
    if (!outcome.ok) return rejectForm(formId, submission, outcome);
    return redirectWithNotice(here, "enrolmentAdded");
  }
  if (intent === "known") {
    const submission = parseWithZod(formData, { schema: knownPersonSchema });
    if (submission.status !== "success") return rejectForm(formId, submission);
    const outcome = await enrolKnownPerson(user, course.id, submission.value.participantId);
    if (!outcome.ok) return rejectForm(formId, submission, outcome);
    return redirectWithNotice(here, "enrolmentAdded");
  }
  if (intent === "new") {
    const submission = parseWithZod(formData, { schema: newPersonSchema });
    if (submission.status !== "success") return rejectForm(formId, submission);
    const outcome = await enrolNewPerson(user, course.id, submission.value);
    if (!outcome.ok) return rejectForm(formId, submission, outcome);
    return redirectWithNotice(here, "enrolmentAdded");
  }
  if (intent === "withdraw") {
    const submission = parseWithZod(formData, { schema: withdrawSchema });
    if (submission.status !== "success") return rejectForm(formId, submission);
    const outcome = await withdrawPerson(user, course.id, submission.value);
    if (!outcome.ok) return rejectForm(formId, submission, outcome);
    return redirectWithNotice(here, "enrolmentWithdrawn");
  }
  badRequest();
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function PeopleList({ data }: { data: Data }) {
  const { t } = useTranslation("enrolment");
  const base = `/courses/${data.course.id}/people`;
  const link = (extra: Record<string, string>) =>
    `${base}?${new URLSearchParams({ q: data.q, page: String(data.page), ...extra })}`;
  if (data.people.length === 0)
    return <p className="muted">{t(data.q ? "people.noMatch" : "people.none")}</p>;
  return (
    <>
      <ul className="plain-list stack" aria-label={t("people.listLabel")}>
        {data.people.map((p) => (
          <li key={p.enrolmentId}>
            <strong>
              <PersonName name={p.name || null} />
            </strong>
            {p.community ? <span className="muted"> · {p.community}</span> : null}
            {p.hasAccount ? null : <span className="muted"> · {t("people.noAccount")}</span>}
            <br />
            <span>{t(`people.statuses.${p.status}`)}</span>
            <span className="muted">
              {" · "}
              {p.status === "enrolled"
                ? t("people.since", { date: p.since ?? "" })
                : t("people.endedOn", { date: p.ended ?? "" })}
            </span>
            {p.reason ? (
              <span className="muted"> · {t("people.reason", { reason: p.reason })}</span>
            ) : null}
            {p.status === "enrolled" ? (
              <>
                {" "}
                <Link to={`${link({ withdraw: p.enrolmentId })}#withdrawal`}>
                  {t("people.withdrawLink", { name: p.name })}
                </Link>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <Pager page={data.page} pages={data.pages} />
    </>
  );
}

function WithdrawForm({ data }: { data: Data }) {
  const { t } = useTranslation("enrolment");
  const [form, fields] = useFormFor<typeof withdrawSchema>("withdraw");
  if (!data.withdrawing) return null;
  const name = data.withdrawing.name;
  return (
    <section id="withdrawal" aria-labelledby="withdraw-heading" className="stack card">
      <h2 id="withdraw-heading">{t("withdraw.heading", { name })}</h2>
      <Form method="post" {...getFormProps(form)} noValidate className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="_form" value="withdraw" />
        <input type="hidden" name="intent" value="withdraw" />
        <input type="hidden" name="enrolmentId" value={data.withdrawing.enrolmentId} />
        <TextareaField
          meta={fields.reason}
          label={t("withdraw.reason")}
          hint={t("withdraw.reasonHint")}
          rows={3}
        />
        <div className="filter-row">
          <button type="submit" className="button primary">
            {t("withdraw.submit")}
          </button>
          <Link to={`/courses/${data.course.id}/people`}>{t("withdraw.cancel")}</Link>
        </div>
      </Form>
    </section>
  );
}

function ByEmail() {
  const { t } = useTranslation("enrolment");
  const [form, fields] = useFormFor<typeof byEmailSchema>("byEmail");
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack">
      <h3>{t("add.byEmailHeading")}</h3>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="_form" value="byEmail" />
      <input type="hidden" name="intent" value="byEmail" />
      <TextField meta={fields.email} label={t("add.email")} type="email" autoComplete="off" />
      <button type="submit" className="button">
        {t("add.byEmailSubmit")}
      </button>
    </Form>
  );
}

/** Someone who came before is found again, not recorded a second time. */
function FindAgain({ data }: { data: Data }) {
  const { t } = useTranslation("enrolment");
  const refused = useActionData<{
    formId?: string;
    result?: { error?: Record<string, string[]> };
  }>();
  const errors =
    refused?.formId === "known" ? Object.values(refused.result?.error ?? {}).flat() : [];
  return (
    <div className="stack">
      <h3>{t("add.knownHeading")}</h3>
      <Form method="get" className="stack" role="search" aria-label={t("add.knownHeading")}>
        <div className="field">
          <label htmlFor="enrol-who">{t("add.findLabel")}</label>
          <p id="enrol-who-hint" className="hint">
            {t("add.findHint")}
          </p>
          <div className="filter-row">
            <input
              id="enrol-who"
              name="who"
              type="search"
              defaultValue={data.who}
              maxLength={100}
              aria-describedby="enrol-who-hint"
            />
            <button type="submit" className="button">
              {t("add.find")}
            </button>
          </div>
        </div>
      </Form>
      <FormErrors errors={errors} />
      {data.who && data.candidates.length === 0 ? (
        <p className="muted" role="status">
          {t("add.noneFound", { who: data.who })}
        </p>
      ) : null}
      {data.candidates.length > 0 ? (
        <Form method="post">
          <input type="hidden" name="_form" value="known" />
          <input type="hidden" name="intent" value="known" />
          <ul className="plain-list stack" aria-label={t("add.foundLabel")}>
            {data.candidates.map((c) => (
              <li key={c.id} className="walkin-row">
                <span>
                  <PersonName name={c.name || null} />
                  {c.community ? <span className="muted"> · {c.community}</span> : null}
                </span>
                <button type="submit" name="participantId" value={c.id} className="button">
                  {t("add.enrolFound", { name: c.name })}
                </button>
              </li>
            ))}
          </ul>
        </Form>
      ) : null}
    </div>
  );
}

function NewPerson() {
  const { t } = useTranslation("enrolment");
  const [form, fields] = useFormFor<typeof newPersonSchema>("new");
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack">
      <h3>{t("add.newHeading")}</h3>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="_form" value="new" />
      <input type="hidden" name="intent" value="new" />
      <TextField meta={fields.name} label={t("add.name")} autoComplete="off" />
      <TextField meta={fields.community} label={t("add.community")} optionalLabel />
      <SelectField
        meta={fields.gender}
        label={t("add.gender")}
        placeholder={t("add.noAnswer")}
        options={GENDERS.map((g) => ({ value: g, label: t(`auth:genders.${g}`) }))}
        optionalLabel
      />
      <SelectField
        meta={fields.ageGroup}
        label={t("add.ageGroup")}
        placeholder={t("add.noAnswer")}
        options={AGE_GROUPS.map((a) => ({ value: a, label: t(`meetings:ageGroups.${a}`) }))}
        optionalLabel
      />
      <button type="submit" className="button">
        {t("add.newSubmit")}
      </button>
    </Form>
  );
}

export default function CoursePeoplePage() {
  const { t } = useTranslation("enrolment");
  const data = useLoaderData<typeof loader>();
  const left = placesLeft(data.course.capacity, data.enrolled);
  return (
    <div className="stack">
      <p>
        <Link to={`/courses/${data.course.id}`}>← {data.course.title}</Link>
      </p>
      <DoneNotice />
      <h1>{t("people.title")}</h1>
      <p>
        {t("people.summary", { count: data.enrolled })}{" "}
        {left === null
          ? null
          : t("people.placesLeft", { count: left, capacity: data.course.capacity ?? 0 })}
      </p>
      <WithdrawForm data={data} />
      <section aria-labelledby="list-heading" className="stack">
        <h2 id="list-heading" className="visually-hidden">
          {t("people.listLabel")}
        </h2>
        <SearchForm
          id="people-q"
          label={t("people.search")}
          button={t("people.searchButton")}
          defaultValue={data.q}
          landmark={t("people.listLabel")}
          status={t("people.count", { count: data.total })}
        />
        <PeopleList data={data} />
      </section>
      <section aria-labelledby="add-heading" className="stack">
        <h2 id="add-heading">{t("add.heading")}</h2>
        <ByEmail />
        <FindAgain data={data} />
        <NewPerson />
      </section>
    </div>
  );
}
