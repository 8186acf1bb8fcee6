import { getFormProps, getSelectProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { ErrorList, FormErrors, TextField, TextareaField } from "~/components/form-fields";
import type { RouteHandle } from "~/components/page-title";
import { useFormFor } from "~/components/use-form-for";
import { rejectForm, redirectWithNotice } from "~/forms/respond.server";
import { formatDate } from "~/i18n/format";
import { resolveLocale } from "~/i18n/i18next.server";
import { listMeetings } from "~/meetings/meetings.server";
import { requirePlatformRole } from "~/platforms/permissions.server";
import { requirePlatform } from "~/platforms/platforms.server";
import { createProposal } from "~/proposals/proposals.server";
import { proposalSchema } from "~/proposals/schemas";

export const handle: RouteHandle = { pageTitle: (t) => t("proposals:new") };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const user = await requirePlatformRole(request, context, platform.id, "member");
  const locale = await resolveLocale(request, user);
  const { upcoming, past } = await listMeetings(platform, locale, { size: 10 });
  return json({
    platform: { slug: platform.slug, name: platform.name },
    meetings: [...past.slice(0, 10), ...upcoming.slice(0, 5)]
      .filter((m) => m.status !== "cancelled")
      .map((m) => ({
        id: m.id,
        label: `${formatDate(m.startsAt, locale, platform.timeZone)} — ${m.title}`,
      })),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const user = await requirePlatformRole(request, context, platform.id, "member");
  const submission = parseWithZod(await request.formData(), { schema: proposalSchema });
  if (submission.status !== "success") return rejectForm("proposal", submission);
  const outcome = await createProposal(user, platform.id, submission.value);
  if (!outcome.ok) return rejectForm("proposal", submission, outcome);
  return redirectWithNotice(
    `/platforms/${platform.slug}/proposals/${outcome.value.proposalId}`,
    "proposalCreated",
  );
}

export default function NewProposalPage() {
  const { t } = useTranslation("proposals");
  const { platform, meetings } = useLoaderData<typeof loader>();
  const [form, fields] = useFormFor<typeof proposalSchema>("proposal");
  const meeting = getSelectProps(fields.meetingId);
  return (
    <div className="narrow stack">
      <p>
        <Link to={`/platforms/${platform.slug}/proposals`}>← {t("listTitle")}</Link>
      </p>
      <h1>{t("new")}</h1>
      <p>{t("newHelp")}</p>
      <Form method="post" {...getFormProps(form)} noValidate className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="_form" value="proposal" />
        <TextField meta={fields.title} label={t("form.title")} />
        <TextField meta={fields.summary} label={t("form.summary")} hint={t("form.summaryHint")} />
        <TextareaField
          meta={fields.body}
          label={t("form.body")}
          hint={t("meetings:minutes.markdownHint")}
          rows={10}
          optionalLabel
        />
        <div className="field">
          <label htmlFor={fields.meetingId.id}>
            {t("form.meeting")} <span className="optional">({t("common:forms.optional")})</span>
          </label>
          <select {...meeting} key={meeting.key}>
            <option value="">{t("form.noMeeting")}</option>
            {meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
          <ErrorList id={fields.meetingId.errorId} errors={fields.meetingId.errors} />
        </div>
        <button type="submit" className="button primary">
          {t("form.create")}
        </button>
      </Form>
    </div>
  );
}
