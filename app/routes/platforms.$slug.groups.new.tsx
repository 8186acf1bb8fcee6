import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { forbidden, requireUser } from "~/auth/guards.server";
import type { RouteHandle } from "~/components/page-title";
import { rejectForm, redirectWithNotice } from "~/forms/respond.server";
import { GroupForm } from "~/groups/components/group-form";
import { newGroupSchema } from "~/groups/schemas";
import { createGroup, mayCreateGroup } from "~/groups/settings.server";
import { requirePlatform } from "~/platforms/platforms.server";

export const handle: RouteHandle = { pageTitle: (t) => t("groups:form.newTitle") };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const user = requireUser(request, context);
  if (!(await mayCreateGroup(user, platform.id))) forbidden();
  return json({ platform: { slug: platform.slug, name: platform.name } });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const user = requireUser(request, context);
  if (!(await mayCreateGroup(user, platform.id))) forbidden();
  const submission = parseWithZod(await request.formData(), { schema: newGroupSchema });
  if (submission.status !== "success") return rejectForm("group", submission);
  const outcome = await createGroup(user, platform.id, submission.value);
  if (!outcome.ok) return rejectForm("group", submission, outcome);
  // Back to the list, which every creator may read (a private group's own pages are for its
  // members, and the creator may have named someone else its moderator).
  return redirectWithNotice(`/platforms/${platform.slug}/groups`, "groupCreated");
}

export default function NewGroupPage() {
  const { t } = useTranslation("groups");
  const { platform } = useLoaderData<typeof loader>();
  return (
    <div className="narrow stack">
      <p>
        <Link to={`/platforms/${platform.slug}/groups`}>← {t("list.title")}</Link>
      </p>
      <h1>{t("form.newTitle")}</h1>
      <p>{t("form.onPlatform", { platform: platform.name })}</p>
      <GroupForm
        creating
        defaultValue={{ visibility: "public", joining: "open" }}
        submitLabel={t("form.create")}
      />
    </div>
  );
}
