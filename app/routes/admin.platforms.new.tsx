import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/auth/guards.server";
import type { RouteHandle } from "~/components/page-title";
import { PlatformForm } from "~/components/platform-form";
import { rejectForm, redirectWithNotice } from "~/forms/respond.server";
import { createPlatform } from "~/platforms/platforms.server";
import { platformSchema } from "~/platforms/schemas";

export const handle: RouteHandle = { pageTitle: (t) => t("admin:newPlatform") };

export function loader({ request, context }: LoaderFunctionArgs) {
  requireAdmin(request, context);
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = requireAdmin(request, context);
  const submission = parseWithZod(await request.formData(), { schema: platformSchema });
  if (submission.status !== "success") return rejectForm("platform", submission);
  const outcome = await createPlatform(admin.id, submission.value);
  if (!outcome.ok) return rejectForm("platform", submission, outcome);
  return redirectWithNotice(`/platforms/${outcome.value.slug}`, "platformCreated");
}

export default function NewPlatformPage() {
  const { t } = useTranslation("admin");
  return (
    <div className="narrow stack">
      <p>
        <Link to="/admin">← {t("title")}</Link>
      </p>
      <h1>{t("newPlatform")}</h1>
      <PlatformForm
        submitLabel={t("create")}
        defaultValue={{
          quorumPercent: "50",
          approvalRule: "simple",
          timeZone: "America/Guayaquil",
          country: "EC",
        }}
      />
    </div>
  );
}
