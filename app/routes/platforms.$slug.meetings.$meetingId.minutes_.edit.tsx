import { getFormProps, getTextareaProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { badRequest } from "~/auth/guards.server";
import { ErrorList, FormErrors, TextField } from "~/components/form-fields";
import type { RouteHandle } from "~/components/page-title";
import { useFormFor } from "~/components/use-form-for";
import { formIdOf, rejectForm, withNotice } from "~/forms/respond.server";
import { getMeeting } from "~/meetings/meetings.server";
import { amendMinutes, publishMinutes, saveMinutes } from "~/meetings/minutes.server";
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
      const saved = await saveMinutes(actor, platform.id, meetingId, submission.value);
      if (!saved.ok) return rejectForm(formId, submission, saved);
      if (intent === "save") return redirect(withNotice(page, "minutesSaved"));
      const published = await publishMinutes(actor, platform.id, meetingId);
      if (!published.ok) return rejectForm(formId, submission, published);
      return redirect(withNotice(page, "minutesPublished"));
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
      return redirect(withNotice(page, "minutesAmended"));
    }
  }
  badRequest();
}

function DraftForm() {
  const { t } = useTranslation("meetings");
  const { values, canPublish } = useLoaderData<typeof loader>();
  const [form, fields] = useFormFor("minutes", minutesSchema, values);
  const minutes = getTextareaProps(fields.minutes, {
    ariaDescribedBy: fields.minutes.descriptionId,
  });
  const decisions = getTextareaProps(fields.decisions, {
    ariaDescribedBy: fields.decisions.descriptionId,
  });
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="_form" value="minutes" />
      <div className="field">
        <label htmlFor={fields.minutes.id}>{t("minutes.text")}</label>
        <p id={fields.minutes.descriptionId} className="hint">
          {t("minutes.markdownHint")}
        </p>
        <textarea {...minutes} key={minutes.key} rows={14} />
        <ErrorList id={fields.minutes.errorId} errors={fields.minutes.errors} />
      </div>
      <div className="field">
        <label htmlFor={fields.decisions.id}>{t("minutes.decisions")}</label>
        <p id={fields.decisions.descriptionId} className="hint">
          {t("minutes.decisionsHint")}
        </p>
        <textarea {...decisions} key={decisions.key} rows={6} />
        <ErrorList id={fields.decisions.errorId} errors={fields.decisions.errors} />
      </div>
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
  const [form, fields] = useFormFor("amend", amendmentSchema);
  const text = getTextareaProps(fields.text);
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="_form" value="amend" />
      <p>{t("minutes.amendHelp")}</p>
      <div className="field">
        <label htmlFor={fields.text.id}>{t("minutes.amendmentText")}</label>
        <textarea {...text} key={text.key} rows={6} />
        <ErrorList id={fields.text.errorId} errors={fields.text.errors} />
      </div>
      <TextField meta={fields.reason} label={t("minutes.amendmentReason")} />
      <button type="submit" name="intent" value="amend" className="button primary">
        {t("minutes.amend")}
      </button>
    </Form>
  );
}

export default function EditMinutesPage() {
  const { t } = useTranslation("meetings");
  const { platform, meeting, published } = useLoaderData<typeof loader>();
  return (
    <div className="stack narrow">
      <p>
        <Link to={`/platforms/${platform.slug}/meetings/${meeting.id}/minutes`}>
          ← {t("minutes.title")}
        </Link>
      </p>
      <h1>{published ? t("minutes.amendTitle") : t("minutes.editTitle")}</h1>
      <p className="muted">{meeting.title}</p>
      {meeting.status === "cancelled" ? (
        <p>{t("errors.cancelled")}</p>
      ) : published ? (
        <AmendmentForm />
      ) : (
        <DraftForm />
      )}
    </div>
  );
}
