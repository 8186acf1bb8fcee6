import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "~/i18n/use-translation";
import { badRequest } from "~/auth/guards.server";
import { FormErrors, TextField, TextareaField } from "~/components/form-fields";
import type { RouteHandle } from "~/components/page-title";
import { useFormFor } from "~/components/use-form-for";
import { formIdOf, rejectForm, redirectWithNotice } from "~/forms/respond.server";
import { getMeeting } from "~/meetings/meetings.server";
import { amendMinutes, saveAndPublishMinutes, saveMinutes } from "~/meetings/minutes.server";
import { amendmentSchema, minutesSchema } from "~/meetings/schemas";
import { requirePlatformRole, viewerOf } from "~/platforms/permissions.server";
import { requirePlatform } from "~/platforms/platforms.server";

export const handle: RouteHandle = { pageTitle: (t) => t("meetings:minutes.editTitle") };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const user = await requirePlatformRole(request, context, platform.id, "facilitator");
  const meeting = await getMeeting(platform.id, params.meetingId ?? "");
  const viewer = await viewerOf(user, platform.id);
  return json({
    platform: { slug: platform.slug },
    meeting: { id: meeting.id, title: meeting.title, status: meeting.status },
    published: !!meeting.minutesPublishedAt,
    values: {
      minutes: meeting.minutes,
      decisions: meeting.decisions.map((d) => d.text).join("\n"),
    },
    canPublish: viewer.canCoordinate,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const meetingId = params.meetingId ?? "";
  const formData = await request.formData();
  const formId = formIdOf(formData);
  const page = `/platforms/${platform.slug}/meetings/${meetingId}/minutes`;

  switch (formData.get("intent")) {
    case "save":
    case "publish": {
      const intent = formData.get("intent");
      // Writing is for facilitators; publishing for coordinators.
      const actor = await requirePlatformRole(
        request,
        context,
        platform.id,
        intent === "publish" ? "coordinator" : "facilitator",
      );
      const submission = parseWithZod(formData, { schema: minutesSchema });
      if (submission.status !== "success") return rejectForm(formId, submission);
      const outcome =
        intent === "save"
          ? await saveMinutes(actor, platform.id, meetingId, submission.value)
          : await saveAndPublishMinutes(actor, platform.id, meetingId, submission.value);
      if (!outcome.ok) return rejectForm(formId, submission, outcome);
      return redirectWithNotice(page, intent === "save" ? "minutesSaved" : "minutesPublished");
    }
    case "amend": {
      const actor = await requirePlatformRole(request, context, platform.id, "facilitator");
      const submission = parseWithZod(formData, { schema: amendmentSchema });
      if (submission.status !== "success") return rejectForm(formId, submission);
      const outcome = await amendMinutes(
        actor,
        platform.id,
        meetingId,
        submission.value.text,
        submission.value.reason,
      );
      if (!outcome.ok) return rejectForm(formId, submission, outcome);
      return redirectWithNotice(page, "minutesAmended");
    }
  }
  badRequest();
}

function DraftForm() {
  const { t } = useTranslation("meetings");
  const { values, canPublish } = useLoaderData<typeof loader>();
  const [form, fields] = useFormFor<typeof minutesSchema>("minutes", values);
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="_form" value="minutes" />
      <TextareaField
        meta={fields.minutes}
        label={t("minutes.text")}
        hint={t("minutes.markdownHint")}
        rows={14}
      />
      <TextareaField
        meta={fields.decisions}
        label={t("minutes.decisions")}
        hint={t("minutes.decisionsHint")}
        rows={6}
      />
      <div className="button-row">
        <button type="submit" name="intent" value="save" className="button">
          {t("minutes.saveDraft")}
        </button>
        {canPublish ? (
          <button type="submit" name="intent" value="publish" className="button primary">
            {t("minutes.publish")}
          </button>
        ) : null}
      </div>
      {canPublish ? <p className="hint">{t("minutes.publishHint")}</p> : null}
    </Form>
  );
}

function AmendmentForm() {
  const { t } = useTranslation("meetings");
  const [form, fields] = useFormFor<typeof amendmentSchema>("amend");
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="_form" value="amend" />
      <p>{t("minutes.amendHelp")}</p>
      <TextareaField meta={fields.text} label={t("minutes.amendmentText")} rows={6} />
      <TextField meta={fields.reason} label={t("minutes.amendmentReason")} />
      <button type="submit" name="intent" value="amend" className="button primary">
        {t("minutes.amend")}
      </button>
    </Form>
  );
}

/**
 * The draft someone sent after the minutes were published meanwhile: refused, and given
 * back read-only so that nothing typed is lost; it can be copied into an amendment.
 */
function UnsavedDraft() {
  const { t } = useTranslation("meetings");
  const data = useActionData<{ formId?: string; result?: SubmissionResult<string[]> }>();
  if (data?.formId !== "minutes" || !data.result) return null;
  const sent = (data.result.initialValue ?? {}) as { minutes?: string; decisions?: string };
  const errors = data.result.error?.[""] ?? [];
  if (!errors.includes("meetings:errors.publishedMeanwhile")) return null;
  return (
    <div className="stack">
      <p className="notice" role="alert">
        {t("errors.publishedMeanwhile")}
      </p>
      <div className="field">
        <label htmlFor="unsaved-minutes">{t("minutes.unsavedText")}</label>
        <textarea id="unsaved-minutes" readOnly rows={10} defaultValue={sent.minutes ?? ""} />
      </div>
      {sent.decisions ? (
        <div className="field">
          <label htmlFor="unsaved-decisions">{t("minutes.unsavedDecisions")}</label>
          <textarea id="unsaved-decisions" readOnly rows={4} defaultValue={sent.decisions} />
        </div>
      ) : null}
    </div>
  );
}

export default function EditMinutesPage() {
  const { t } = useTranslation("meetings");
  const { platform, meeting, published } = useLoaderData<typeof loader>();
  return (
    <div className="stack narrow">
      <p>
        <Link to={`/platforms/${platform.slug}/meetings/${meeting.id}/minutes`}>
          ← {t("backToMinutes", { meeting: meeting.title })}
        </Link>
      </p>
      <h1>{published ? t("minutes.amendTitle") : t("minutes.editTitle")}</h1>
      <p className="muted">{meeting.title}</p>
      {meeting.status === "cancelled" ? (
        <p>{t("errors.cancelled")}</p>
      ) : published ? (
        <>
          <UnsavedDraft />
          <AmendmentForm />
        </>
      ) : (
        <DraftForm />
      )}
    </div>
  );
}
