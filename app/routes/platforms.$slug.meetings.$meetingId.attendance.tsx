import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GENDERS } from "~/auth/schemas";
import { badRequest } from "~/auth/guards.server";
import { FormErrors, SelectField, TextField } from "~/components/form-fields";
import { DoneNotice } from "~/components/notice";
import type { RouteHandle } from "~/components/page-title";
import { QuorumLine } from "~/components/quorum-line";
import { useFormFor } from "~/components/use-form-for";
import { formIdOf, rejectForm, redirectWithNotice } from "~/forms/respond.server";
import {
  addWalkIn,
  attendanceSheet,
  removeWalkIn,
  saveAttendance,
} from "~/meetings/attendance.server";
import { quorumForMeeting } from "~/meetings/quorum.server";
import {
  AGE_GROUPS,
  ATTENDANCE_STATUSES,
  attendanceSchema,
  walkInSchema,
} from "~/meetings/schemas";
import { requirePlatformRole } from "~/platforms/permissions.server";
import { requirePlatform } from "~/platforms/platforms.server";

export const handle: RouteHandle = { pageTitle: (t) => t("meetings:attendance.title") };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  await requirePlatformRole(request, context, platform.id, "facilitator");
  const q = new URL(request.url).searchParams.get("q")?.slice(0, 100) ?? "";
  const sheet = await attendanceSheet(platform.id, params.meetingId ?? "", q);
  const quorum = await quorumForMeeting(sheet.meeting, platform.quorumPercent);
  return json({
    platform: { slug: platform.slug, name: platform.name },
    meeting: { id: sheet.meeting.id, title: sheet.meeting.title, status: sheet.meeting.status },
    roster: sheet.roster,
    walkIns: sheet.walkIns,
    memberCount: sheet.memberCount,
    q,
    quorum,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const actor = await requirePlatformRole(request, context, platform.id, "facilitator");
  const meetingId = params.meetingId ?? "";
  const formData = await request.formData();
  const formId = formIdOf(formData);
  const back = new URL(request.url);
  const here = `${back.pathname}${back.search}`;

  switch (formData.get("intent")) {
    case "attendance": {
      const submission = parseWithZod(formData, { schema: attendanceSchema });
      if (submission.status !== "success") return rejectForm(formId, submission);
      const outcome = await saveAttendance(actor, platform.id, meetingId, submission.value.status);
      if (!outcome.ok) return rejectForm(formId, submission, outcome);
      return redirectWithNotice(here, "attendanceSaved");
    }
    case "walkIn": {
      const submission = parseWithZod(formData, { schema: walkInSchema });
      if (submission.status !== "success") return rejectForm(formId, submission);
      const outcome = await addWalkIn(actor, platform.id, meetingId, submission.value);
      if (!outcome.ok) return rejectForm(formId, submission, outcome);
      return redirectWithNotice(here, "walkInAdded");
    }
    case "removeWalkIn": {
      const submission = parseWithZod(formData, { schema: attendanceSchema });
      const outcome = await removeWalkIn(
        actor,
        platform.id,
        meetingId,
        String(formData.get("attendanceId") ?? ""),
      );
      if (!outcome.ok) return rejectForm(formId, submission, outcome);
      return redirectWithNotice(here, "walkInRemoved");
    }
  }
  badRequest();
}

function RosterForm() {
  const { t } = useTranslation("meetings");
  const { roster } = useLoaderData<typeof loader>();
  const [form] = useFormFor("attendance", attendanceSchema);
  if (roster.length === 0) return <p className="muted">{t("attendance.noMatch")}</p>;
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="_form" value="attendance" />
      <ul className="roster">
        {roster.map((row) => (
          <li key={row.participantId}>
            <fieldset className="attendance-row">
              <legend>
                {row.name}
                {row.community ? <span className="muted"> · {row.community}</span> : null}
              </legend>
              <div className="choice-row">
                {ATTENDANCE_STATUSES.map((s) => (
                  <label key={s} className="choice">
                    <input
                      type="radio"
                      name={`status.${row.participantId}`}
                      value={s}
                      defaultChecked={row.status === s}
                    />
                    <span>{t(`attendance.statuses.${s}`)}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          </li>
        ))}
      </ul>
      <button type="submit" name="intent" value="attendance" className="button primary sticky-save">
        {t("attendance.save")}
      </button>
    </Form>
  );
}

function WalkInForm() {
  const { t } = useTranslation("meetings");
  const [form, fields] = useFormFor("walkIn", walkInSchema);
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="_form" value="walkIn" />
      <TextField meta={fields.name} label={t("walkIn.name")} autoComplete="off" />
      <TextField meta={fields.community} label={t("walkIn.community")} optionalLabel />
      <SelectField
        meta={fields.gender}
        label={t("walkIn.gender")}
        placeholder={t("walkIn.noAnswer")}
        options={GENDERS.map((g) => ({ value: g, label: t(`auth:genders.${g}`) }))}
        optionalLabel
      />
      <SelectField
        meta={fields.ageGroup}
        label={t("walkIn.ageGroup")}
        placeholder={t("walkIn.noAnswer")}
        options={AGE_GROUPS.map((a) => ({ value: a, label: t(`ageGroups.${a}`) }))}
        optionalLabel
      />
      <button type="submit" name="intent" value="walkIn" className="button">
        {t("walkIn.add")}
      </button>
    </Form>
  );
}

export default function AttendancePage() {
  const { t } = useTranslation("meetings");
  const { platform, meeting, walkIns, memberCount, q, quorum } = useLoaderData<typeof loader>();
  const page = `/platforms/${platform.slug}/meetings/${meeting.id}`;
  return (
    <div className="stack attendance-page">
      <p>
        <Link to={page}>← {meeting.title}</Link>
      </p>
      <DoneNotice />
      <h1>{t("attendance.title")}</h1>
      <p className="muted">{meeting.title}</p>
      <QuorumLine quorum={quorum} />

      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t("attendance.members", { count: memberCount })}</h2>
        <Form method="get" className="filter-row" role="search">
          <label htmlFor="attendance-filter">{t("attendance.filter")}</label>
          <input id="attendance-filter" name="q" type="search" defaultValue={q} />
          <button type="submit" className="button">
            {t("attendance.filterButton")}
          </button>
        </Form>
        <RosterForm />
      </section>

      <section aria-labelledby="walkins-heading">
        <h2 id="walkins-heading">{t("walkIn.heading", { count: walkIns.length })}</h2>
        <p className="hint">{t("walkIn.help")}</p>
        {walkIns.length > 0 ? (
          <ul className="plain-list">
            {walkIns.map((w) => (
              <li key={w.attendanceId} className="walkin-row">
                <span>
                  {w.name}
                  {w.community ? <span className="muted"> · {w.community}</span> : null}
                </span>
                <Form method="post">
                  <input type="hidden" name="_form" value={`remove-${w.attendanceId}`} />
                  <input type="hidden" name="attendanceId" value={w.attendanceId} />
                  <button type="submit" name="intent" value="removeWalkIn" className="link-button">
                    {t("walkIn.remove", { name: w.name })}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        ) : null}
        <WalkInForm />
      </section>
    </div>
  );
}
