import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GENDERS } from "~/auth/schemas";
import { badRequest } from "~/auth/guards.server";
import { FormErrors, SelectField, TextField } from "~/components/form-fields";
import { DoneNotice } from "~/components/notice";
import type { RouteHandle } from "~/components/page-title";
import { QuorumLine } from "~/components/quorum-line";
import { useFormFor } from "~/components/use-form-for";
import { decodeMessage } from "~/forms/messages";
import { formIdOf, rejectForm, redirectWithNotice } from "~/forms/respond.server";
import {
  addWalkIn,
  attendanceSheet,
  removeWalkIn,
  saveAttendance,
  walkInCandidates,
} from "~/meetings/attendance.server";
import { quorumForMeeting } from "~/meetings/quorum.server";
import { AGE_GROUPS, ATTENDANCE_STATUSES, attendanceFormSchema } from "~/meetings/schemas";
import { requirePlatformRole } from "~/platforms/permissions.server";
import { requirePlatform } from "~/platforms/platforms.server";

export const handle: RouteHandle = { pageTitle: (t) => t("meetings:attendance.title") };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  await requirePlatformRole(request, context, platform.id, "facilitator");
  const search = new URL(request.url).searchParams;
  const q = search.get("q")?.slice(0, 100) ?? "";
  const who = search.get("who")?.slice(0, 100) ?? "";
  const sheet = await attendanceSheet(platform.id, params.meetingId ?? "", q);
  const candidates = await walkInCandidates(platform.id, sheet.meeting.id, who);
  const quorum = await quorumForMeeting(sheet.meeting, platform.quorumPercent);
  return json({
    platform: { slug: platform.slug, name: platform.name },
    meeting: { id: sheet.meeting.id, title: sheet.meeting.title, status: sheet.meeting.status },
    roster: sheet.roster,
    walkIns: sheet.walkIns,
    memberCount: sheet.memberCount,
    window: sheet.window,
    q,
    who,
    candidates,
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

  // One form holds the roster and the walk-in fields: whichever button was pressed, the
  // marks on screen are saved with it, in one transaction, so none is lost without a word.
  const submission = parseWithZod(formData, { schema: attendanceFormSchema });
  if (submission.status !== "success") return rejectForm(formId, submission);
  const { status, intent, removeWalkIn: removeId, knownWalkIn, who, ...walkIn } = submission.value;
  if (removeId) {
    const outcome = await removeWalkIn(actor, platform.id, meetingId, removeId, new Date(), status);
    if (!outcome.ok) return rejectForm(formId, submission, outcome);
    return redirectWithNotice(here, "walkInRemoved");
  }
  if (knownWalkIn) {
    const person = { participantId: knownWalkIn };
    const outcome = await addWalkIn(actor, platform.id, meetingId, person, new Date(), status);
    if (!outcome.ok) return rejectForm(formId, submission, outcome);
    return redirectWithNotice(withoutParam(here, "who"), "walkInAdded");
  }
  if (intent === "findWalkIn") {
    // The marks on screen are saved before the page changes to show who was found.
    const outcome = await saveAttendance(actor, platform.id, meetingId, status);
    if (!outcome.ok) return rejectForm(formId, submission, outcome);
    const found = withParam(here, "who", who ?? "");
    return outcome.value.changed > 0
      ? redirectWithNotice(found, "attendanceSaved")
      : redirect(found);
  }
  // Saving with a name typed in the walk-in fields records that person too.
  if (intent === "walkIn" || walkIn.name) {
    const outcome = await addWalkIn(
      actor,
      platform.id,
      meetingId,
      { ...walkIn, name: walkIn.name ?? "" },
      new Date(),
      status,
    );
    if (!outcome.ok) return rejectForm(formId, submission, outcome);
    return redirectWithNotice(here, "walkInAdded");
  }
  if (intent !== "attendance") badRequest();
  const outcome = await saveAttendance(actor, platform.id, meetingId, status);
  if (!outcome.ok) return rejectForm(formId, submission, outcome);
  return redirectWithNotice(here, "attendanceSaved");
}

type Fields = ReturnType<typeof useFormFor<typeof attendanceFormSchema>>[1];

function RosterRows({ submitted }: { submitted: Record<string, unknown> | undefined }) {
  const { t } = useTranslation("meetings");
  const { roster, window } = useLoaderData<typeof loader>();
  if (roster.length === 0) return <p className="muted">{t("attendance.noMatch")}</p>;
  return (
    <ul className="roster">
      {roster.map((row) => {
        // After a refusal, the marks as they were sent, not as they are stored.
        const checked = (submitted?.[row.participantId] as string | undefined) ?? row.status;
        return (
          <li key={row.participantId}>
            <fieldset className="attendance-row" disabled={!!window.marks}>
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
                      defaultChecked={checked === s}
                    />
                    <span>{t(`attendance.statuses.${s}`)}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          </li>
        );
      })}
    </ul>
  );
}

/** Someone who came before is found again, not recorded a second time. */
function FindAgain() {
  const { t } = useTranslation("meetings");
  const { who, candidates } = useLoaderData<typeof loader>();
  return (
    <div className="stack find-again">
      <div className="field">
        <label htmlFor="walkin-who">{t("walkIn.findLabel")}</label>
        <p id="walkin-who-hint" className="hint">
          {t("walkIn.findHint")}
        </p>
        <div className="filter-row">
          <input
            id="walkin-who"
            name="who"
            type="search"
            defaultValue={who}
            maxLength={100}
            aria-describedby="walkin-who-hint"
          />
          <button type="submit" name="intent" value="findWalkIn" className="button">
            {t("walkIn.find")}
          </button>
        </div>
      </div>
      {who && candidates.length === 0 ? (
        <p className="muted" role="status">
          {t("walkIn.noneFound", { who })}
        </p>
      ) : null}
      {candidates.length > 0 ? (
        <ul className="plain-list stack" aria-label={t("walkIn.foundLabel")}>
          {candidates.map((c) => (
            <li key={c.id} className="walkin-row">
              <span>
                {c.name}
                {c.community ? <span className="muted"> · {c.community}</span> : null}
                <span className="muted"> · {t("walkIn.seenBefore", { count: c.events })}</span>
              </span>
              <button type="submit" name="knownWalkIn" value={c.id} className="button">
                {t("walkIn.markFound", { name: c.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function WalkInFields({ fields }: { fields: Fields }) {
  const { t } = useTranslation("meetings");
  return (
    <>
      <FindAgain />
      <h3>{t("walkIn.newHeading")}</h3>
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
    </>
  );
}

export default function AttendancePage() {
  const { t } = useTranslation("meetings");
  const { t: tc } = useTranslation();
  const { platform, meeting, walkIns, memberCount, q, quorum, window } =
    useLoaderData<typeof loader>();
  const [form, fields] = useFormFor("attendance", attendanceFormSchema);
  const submitted = form.initialValue?.status as Record<string, unknown> | undefined;
  const page = `/platforms/${platform.slug}/meetings/${meeting.id}`;
  const closed = window.marks && window.removeWalkIn && window.addWalkIn;
  return (
    <div className="stack attendance-page">
      <p>
        <Link to={page}>← {meeting.title}</Link>
      </p>
      <DoneNotice />
      <h1>{t("attendance.title")}</h1>
      <p className="muted">{meeting.title}</p>
      <QuorumLine quorum={quorum} />
      {closed ? <p className="notice">{message(tc, window.marks!)}</p> : null}

      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t("attendance.members", { count: memberCount })}</h2>
        <Form method="get" className="filter-row" role="search">
          <label htmlFor="attendance-filter">{t("attendance.filter")}</label>
          <input id="attendance-filter" name="q" type="search" defaultValue={q} />
          <button type="submit" className="button">
            {t("attendance.filterButton")}
          </button>
        </Form>
      </section>

      <Form method="post" {...getFormProps(form)} noValidate className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="_form" value="attendance" />
        <RosterRows submitted={submitted} />
        {window.marks ? null : (
          <button
            type="submit"
            name="intent"
            value="attendance"
            className="button primary sticky-save"
          >
            {t("attendance.save")}
          </button>
        )}

        <section aria-labelledby="walkins-heading" className="stack">
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
                  {window.removeWalkIn ? null : (
                    <button
                      type="submit"
                      name="removeWalkIn"
                      value={w.attendanceId}
                      className="link-button"
                    >
                      {t("walkIn.remove", { name: w.name })}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          ) : null}
          {window.addWalkIn ? (
            closed ? null : (
              <p className="notice">{message(tc, window.addWalkIn)}</p>
            )
          ) : (
            <WalkInFields fields={fields} />
          )}
        </section>
      </Form>
    </div>
  );
}

function withParam(path: string, name: string, value: string): string {
  const url = new URL(path, "http://minga.invalid");
  if (value) url.searchParams.set(name, value);
  else url.searchParams.delete(name);
  return `${url.pathname}${url.search}`;
}

function withoutParam(path: string, name: string): string {
  return withParam(path, name, "");
}

/** A refusal key from the domain ("key|name=value"), in the reader's language. */
function message(t: (key: string, values?: Record<string, string>) => string, encoded: string) {
  const { key, values } = decodeMessage(encoded);
  return t(key, values);
}
