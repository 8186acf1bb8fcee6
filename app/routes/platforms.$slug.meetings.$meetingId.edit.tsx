import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { badRequest } from "~/auth/guards.server";
import { FormErrors, TextField } from "~/components/form-fields";
import { MeetingForm } from "~/components/meeting-form";
import type { RouteHandle } from "~/components/page-title";
import { useFormFor } from "~/components/use-form-for";
import { formIdOf, rejectForm, redirectWithNotice } from "~/forms/respond.server";
import {
  cancelMeeting,
  getMeeting,
  meetingFormValues,
  updateMeeting,
} from "~/meetings/meetings.server";
import { meetingSchema } from "~/meetings/schemas";
import { requirePlatformRole } from "~/platforms/permissions.server";
import { requirePlatform } from "~/platforms/platforms.server";
import { reasonSchema } from "~/platforms/schemas";

export const handle: RouteHandle = { pageTitle: (t) => t("meetings:editTitle") };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  await requirePlatformRole(request, context, platform.id, "facilitator");
  const meeting = await getMeeting(platform.id, params.meetingId ?? "");
  return json({
    platform: { slug: platform.slug, name: platform.name, timeZone: platform.timeZone },
    meeting: { id: meeting.id, title: meeting.title, status: meeting.status },
    values: meetingFormValues(meeting, platform.timeZone),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const actor = await requirePlatformRole(request, context, platform.id, "facilitator");
  const meeting = await getMeeting(platform.id, params.meetingId ?? "");
  const formData = await request.formData();
  const page = `/platforms/${platform.slug}/meetings/${meeting.id}`;
  const formId = formIdOf(formData);

  if (formData.get("intent") === "cancel") {
    const submission = parseWithZod(formData, { schema: reasonSchema });
    if (submission.status !== "success") return rejectForm(formId, submission);
    const outcome = await cancelMeeting(actor, platform, meeting.id, submission.value.reason);
    if (!outcome.ok) return rejectForm(formId, submission, outcome);
    return redirectWithNotice(page, "cancelled");
  }
  if (formData.get("intent") === "update") {
    const submission = parseWithZod(formData, { schema: meetingSchema });
    if (submission.status !== "success") return rejectForm(formId, submission);
    const outcome = await updateMeeting(actor, platform, meeting.id, submission.value);
    if (!outcome.ok) return rejectForm(formId, submission, outcome);
    return redirectWithNotice(page, "updated");
  }
  badRequest();
}

function CancelForm() {
  const { t } = useTranslation("meetings");
  const [form, fields] = useFormFor<typeof reasonSchema>("cancel");
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="_form" value="cancel" />
      <TextField meta={fields.reason} label={t("cancel.reason")} />
      <button type="submit" name="intent" value="cancel" className="button danger">
        {t("cancel.submit")}
      </button>
    </Form>
  );
}

export default function EditMeetingPage() {
  const { t } = useTranslation("meetings");
  const { platform, meeting, values } = useLoaderData<typeof loader>();
  const page = `/platforms/${platform.slug}/meetings/${meeting.id}`;
  if (meeting.status !== "scheduled") {
    return (
      <div className="narrow stack">
        <h1>{t("editTitle")}</h1>
        <p>{t(meeting.status === "cancelled" ? "errors.cancelled" : "errors.heldNoEdit")}</p>
        <Link to={page}>← {meeting.title}</Link>
      </div>
    );
  }
  return (
    <div className="narrow stack">
      <p>
        <Link to={page}>← {meeting.title}</Link>
      </p>
      <h1>{t("editTitle")}</h1>
      <MeetingForm
        defaultValue={values}
        timeZone={platform.timeZone}
        submitLabel={t("form.save")}
        intent="update"
      />
      {meeting.status === "scheduled" ? (
        <section aria-labelledby="cancel-heading">
          <h2 id="cancel-heading">{t("cancel.heading")}</h2>
          <CancelForm />
        </section>
      ) : null}
    </div>
  );
}
