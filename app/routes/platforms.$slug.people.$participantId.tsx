import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { PersonName } from "~/components/person-name";
import { badRequest, forbidden } from "~/auth/guards.server";
import { FormErrors, TextField } from "~/components/form-fields";
import { DoneNotice } from "~/components/notice";
import type { RouteHandle } from "~/components/page-title";
import { useFormFor } from "~/components/use-form-for";
import { formIdOf, rejectForm, redirectWithNotice } from "~/forms/respond.server";
import { formatDate } from "~/i18n/format";
import { resolveLocale } from "~/i18n/i18next.server";
import { courseText } from "~/courses/courses.server";
import {
  duplicateCandidates,
  linkByEmail,
  mergeInto,
  personFacts,
  personOnPlatform,
} from "~/participants/people.server";
import { linkSchema, makeMemberSchema, mergeSchema } from "~/participants/schemas";
import {
  canAddMembersWithoutAccount,
  canLinkAccount,
  canMakeMember,
  canMergePeople,
} from "~/platforms/member-rules";
import { makeMember } from "~/platforms/members-without-account.server";
import { requirePlatformRole, viewerOf } from "~/platforms/permissions.server";
import { requirePlatform } from "~/platforms/platforms.server";
import { SearchForm } from "~/components/search-form";

export const handle: RouteHandle = { pageTitle: (t) => t("participants:person.title") };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const user = await requirePlatformRole(request, context, platform.id, "facilitator");
  const person = await personOnPlatform(platform.id, params.participantId ?? "");
  const q = new URL(request.url).searchParams.get("q")?.slice(0, 100) ?? "";
  const locale = await resolveLocale(request, user);
  const viewer = await viewerOf(user, platform.id);
  const candidates = await duplicateCandidates(platform.id, person.id, q, viewer);
  const facts = { hasAccount: !!person.userId, membershipStatus: person.membershipStatus };
  return json({
    mayMakeMember: canMakeMember(viewer, facts),
    mayLink: canLinkAccount(viewer, facts),
    platform: { slug: platform.slug, name: platform.name },
    person: {
      id: person.id,
      name: person.name,
      community: person.community,
      gender: person.gender,
      ageGroup: person.ageGroup,
      birthYear: person.birthYear,
      people: person.people,
      phone: person.phone,
      isMember: person.membershipStatus === "active",
      hasAccount: !!person.userId,
      attendance: person.attendance.flatMap((a) =>
        a.meeting
          ? [
              {
                meetingId: a.meeting.id,
                title: a.meeting.title,
                date: formatDate(a.meeting.startsAt, locale, platform.timeZone),
                status: a.status,
                walkIn: a.walkIn,
              },
            ]
          : [],
      ),
      training: person.training.flatMap((a) =>
        a.session
          ? [
              {
                sessionId: a.session.id,
                courseId: a.session.course.id,
                title: courseText(
                  { ...a.session.course, descriptionEs: "", descriptionEn: "" },
                  locale,
                ).title,
                topic: a.session.topic,
                date: formatDate(a.session.startsAt, locale, platform.timeZone),
                status: a.status,
                walkIn: a.walkIn,
              },
            ]
          : [],
      ),
      enrolments: person.enrolments.map((e) => ({
        courseId: e.course.id,
        title: courseText({ ...e.course, descriptionEs: "", descriptionEn: "" }, locale).title,
        status: e.status,
        since: formatDate(e.enrolledAt, locale, platform.timeZone),
      })),
    },
    q,
    candidates: candidates.map((c) => ({ id: c.id, name: c.name, community: c.community })),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const actor = await requirePlatformRole(request, context, platform.id, "facilitator");
  const person = await personOnPlatform(platform.id, params.participantId ?? "");
  const formData = await request.formData();
  const formId = formIdOf(formData);
  const here = `/platforms/${platform.slug}/people/${person.id}`;
  const viewer = await viewerOf(actor, platform.id);
  const facts = { hasAccount: !!person.userId, membershipStatus: person.membershipStatus };
  switch (formData.get("intent")) {
    case "makeMember": {
      // Membership is the coordinators' business (member-rules.ts): others get a 403.
      if (!canAddMembersWithoutAccount(viewer)) forbidden();
      const outcome = await makeMember(actor, platform.id, person.id);
      if (!outcome.ok)
        return rejectForm(formId, parseWithZod(formData, { schema: makeMemberSchema }), outcome);
      return redirectWithNotice(here, "madeMember");
    }
    case "link": {
      if (!canLinkAccount(viewer, facts)) forbidden();
      const submission = parseWithZod(formData, { schema: linkSchema });
      if (submission.status !== "success") return rejectForm(formId, submission);
      const outcome = await linkByEmail(actor, platform.id, person.id, submission.value.email);
      if (!outcome.ok) return rejectForm(formId, submission, outcome);
      return redirectWithNotice(`/platforms/${platform.slug}/people`, "personLinked");
    }
    case "merge": {
      const submission = parseWithZod(formData, { schema: mergeSchema });
      if (submission.status !== "success") return rejectForm(formId, submission);
      // A record holding a membership moves it (member-rules.ts): others get a 403. A record
      // not seen here is the domain's refusal to give, beside the form.
      const drop = await personFacts(platform.id, submission.value.otherId);
      if (drop && !canMergePeople(viewer, drop)) forbidden();
      const outcome = await mergeInto(actor, platform.id, person.id, submission.value.otherId);
      if (!outcome.ok) return rejectForm(formId, submission, outcome);
      return redirectWithNotice(here, "peopleMerged");
    }
  }
  badRequest();
}

function MakeMemberForm() {
  const { t } = useTranslation("participants");
  const { person } = useLoaderData<typeof loader>();
  const [form] = useFormFor<typeof makeMemberSchema>("makeMember");
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="_form" value="makeMember" />
      <p className="hint">{t("person.makeMemberHelp")}</p>
      <button type="submit" name="intent" value="makeMember" className="button primary">
        {t("person.makeMember", { name: person.name })}
      </button>
    </Form>
  );
}

function LinkForm() {
  const { t } = useTranslation("participants");
  const [form, fields] = useFormFor<typeof linkSchema>("link");
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="_form" value="link" />
      <TextField
        meta={fields.email}
        label={t("person.linkEmail")}
        hint={t("person.linkHint")}
        type="email"
      />
      <button type="submit" name="intent" value="link" className="button">
        {t("person.link")}
      </button>
    </Form>
  );
}

function MergeForm() {
  const { t } = useTranslation("participants");
  const { candidates, q, person } = useLoaderData<typeof loader>();
  const [form] = useFormFor<typeof mergeSchema>("merge");
  return (
    <div className="stack">
      <SearchForm
        id="merge-q"
        label={t("person.mergeSearch")}
        button={t("list.searchButton")}
        defaultValue={q}
      />
      {q && candidates.length === 0 ? <p className="muted">{t("person.noCandidates")}</p> : null}
      {candidates.length > 0 ? (
        <Form method="post" {...getFormProps(form)} className="stack">
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="_form" value="merge" />
          <fieldset>
            <legend>{t("person.mergeWhich", { name: person.name })}</legend>
            {candidates.map((c) => (
              <label key={c.id} className="choice">
                <input type="radio" name="otherId" value={c.id} required />
                <span>
                  <PersonName name={c.name || null} />
                  {c.community ? ` · ${c.community}` : ""}
                </span>
              </label>
            ))}
          </fieldset>
          <button type="submit" name="intent" value="merge" className="button">
            {t("person.merge")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}

export default function PersonPage() {
  const { t } = useTranslation("participants");
  const { platform, person, mayMakeMember, mayLink } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <p>
        <Link to={`/platforms/${platform.slug}/people`}>← {t("list.title")}</Link>
      </p>
      <DoneNotice />
      <h1>
        <PersonName name={person.name || null} />
      </h1>
      <p className="muted">
        {[
          person.community,
          person.gender ? t(`auth:genders.${person.gender}`) : null,
          person.ageGroup ? t(`meetings:ageGroups.${person.ageGroup}`) : null,
          person.birthYear ? t("person.bornIn", { year: person.birthYear }) : null,
          person.people,
          person.hasAccount ? t("person.hasAccount") : t("person.noAccount"),
          person.isMember ? t("person.member") : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      {person.phone ? <p>{t("person.phone", { phone: person.phone })}</p> : null}
      {mayMakeMember ? (
        <section aria-labelledby="make-member-heading" className="stack">
          <h2 id="make-member-heading">{t("person.makeMemberHeading")}</h2>
          <MakeMemberForm />
        </section>
      ) : null}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("person.history", { count: person.attendance.length })}</h2>
        <ul className="plain-list">
          {person.attendance.map((a) => (
            <li key={a.meetingId}>
              <Link to={`/platforms/${platform.slug}/meetings/${a.meetingId}`}>{a.title}</Link>
              <span className="muted">
                {" "}
                · {a.date} · {t(`attendance:attendance.statuses.${a.status}`)}
                {a.walkIn ? ` · ${t("person.walkIn")}` : ""}
              </span>
            </li>
          ))}
        </ul>
      </section>
      {person.enrolments.length > 0 ? (
        <section aria-labelledby="courses-heading">
          <h2 id="courses-heading">{t("person.coursesHeading")}</h2>
          <ul className="plain-list">
            {person.enrolments.map((e) => (
              <li key={e.courseId}>
                <Link to={`/courses/${e.courseId}`}>{e.title}</Link>
                <span className="muted">
                  {" "}
                  · {t(`person.enrolmentStatuses.${e.status}`, { date: e.since })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {person.training.length > 0 ? (
        <section aria-labelledby="training-heading">
          <h2 id="training-heading">{t("person.training", { count: person.training.length })}</h2>
          <ul className="plain-list">
            {person.training.map((a) => (
              <li key={a.sessionId}>
                <Link to={`/courses/${a.courseId}/sessions/${a.sessionId}`}>
                  {a.title} · {a.topic}
                </Link>
                <span className="muted">
                  {" "}
                  · {a.date} · {t(`attendance:attendance.statuses.${a.status}`)}
                  {a.walkIn ? ` · ${t("person.walkIn")}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {person.hasAccount ? null : (
        <>
          {mayLink ? (
            <section aria-labelledby="link-heading" className="stack">
              <h2 id="link-heading">{t("person.linkHeading")}</h2>
              <LinkForm />
            </section>
          ) : null}
          <section aria-labelledby="merge-heading" className="stack">
            <h2 id="merge-heading">{t("person.mergeHeading")}</h2>
            <p className="hint">{t("person.mergeHelp")}</p>
            <MergeForm />
          </section>
        </>
      )}
    </div>
  );
}
