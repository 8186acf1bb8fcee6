import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { MeetingForm } from "~/components/meeting-form";
import type { RouteHandle } from "~/components/page-title";
import { rejectForm, redirectWithNotice } from "~/forms/respond.server";
import { scheduleMeeting } from "~/meetings/meetings.server";
import { meetingSchema } from "~/meetings/schemas";
import { requirePlatformRole } from "~/platforms/permissions.server";
import { requirePlatform } from "~/platforms/platforms.server";

export const handle: RouteHandle = { pageTitle: (t) => t("meetings:schedule") };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  await requirePlatformRole(request, context, platform.id, "facilitator");
  return json({
    platform: { slug: platform.slug, name: platform.name, timeZone: platform.timeZone },
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const actor = await requirePlatformRole(request, context, platform.id, "facilitator");
  const submission = parseWithZod(await request.formData(), { schema: meetingSchema });
  if (submission.status !== "success") return rejectForm("meeting", submission);
  const outcome = await scheduleMeeting(actor, platform, submission.value);
  if (!outcome.ok) return rejectForm("meeting", submission, outcome);
  return redirectWithNotice(
    `/platforms/${platform.slug}/meetings/${outcome.value.meetingId}`,
    "scheduled",
  );
}

export default function NewMeetingPage() {
  const { t } = useTranslation("meetings");
  const { platform } = useLoaderData<typeof loader>();
  return (
    <div className="narrow stack">
      <p>
        <Link to={`/platforms/${platform.slug}/meetings`}>
          ← {t("backToList", { platform: platform.name })}
        </Link>
      </p>
      <h1>{t("schedule")}</h1>
      <MeetingForm timeZone={platform.timeZone} submitLabel={t("form.schedule")} />
    </div>
  );
}
