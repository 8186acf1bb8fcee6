import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/auth/guards.server";
import type { RouteHandle } from "~/components/page-title";
import { PlatformForm } from "~/components/platform-form";
import { rejectForm, redirectWithNotice } from "~/forms/respond.server";
import { requirePlatform, updatePlatform } from "~/platforms/platforms.server";
import { platformSchema } from "~/platforms/schemas";

export const handle: RouteHandle = { pageTitle: (t) => t("admin:editPlatform") };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requireAdmin(request, context);
  const p = await requirePlatform(params.slug);
  return json({
    values: {
      name: p.name,
      slug: p.slug,
      descriptionEs: p.descriptionEs,
      descriptionEn: p.descriptionEn,
      country: p.country,
      region: p.region,
      timeZone: p.timeZone,
      quorumPercent: String(p.quorumPercent),
      approvalRule: p.approvalRule,
      nonMembersVoteByHand: p.nonMembersVoteByHand ? "on" : undefined,
    },
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const admin = requireAdmin(request, context);
  const platform = await requirePlatform(params.slug);
  const submission = parseWithZod(await request.formData(), { schema: platformSchema });
  if (submission.status !== "success") return rejectForm("platform", submission);
  const outcome = await updatePlatform(admin.id, platform.id, submission.value);
  if (!outcome.ok) return rejectForm("platform", submission, outcome);
  return redirectWithNotice(`/platforms/${outcome.value.slug}`, "platformUpdated");
}

export default function EditPlatformPage() {
  const { t } = useTranslation("admin");
  const { values } = useLoaderData<typeof loader>();
  return (
    <div className="narrow stack">
      <p>
        <Link to="/admin">← {t("title")}</Link>
      </p>
      <h1>{t("editPlatform")}</h1>
      <PlatformForm submitLabel={t("save")} defaultValue={values} />
    </div>
  );
}
