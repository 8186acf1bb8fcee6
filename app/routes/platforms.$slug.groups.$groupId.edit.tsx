import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { badRequest, requireUser } from "~/auth/guards.server";
import { DoneNotice } from "~/components/notice";
import type { RouteHandle } from "~/components/page-title";
import { db } from "~/db.server";
import { formIdOf, rejectForm, redirectWithNotice } from "~/forms/respond.server";
import { requireManagedGroup } from "~/groups/access.server";
import { AppointByEmailForm, GroupForm } from "~/groups/components/group-form";
import { groupText } from "~/groups/groups.server";
import { appointByEmailSchema, groupSchema } from "~/groups/schemas";
import { appointModeratorByEmail, updateGroup } from "~/groups/settings.server";
import { resolveLocale } from "~/i18n/i18next.server";
import { requirePlatform } from "~/platforms/platforms.server";

export const handle: RouteHandle = { pageTitle: (t) => t("groups:form.editTitle") };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const user = requireUser(request, context);
  const { group, actor } = await requireManagedGroup(db, user, platform.id, params.groupId ?? "");
  const locale = await resolveLocale(request, user);
  return json({
    platform: { slug: platform.slug, name: platform.name },
    group: {
      id: group.id,
      name: groupText(group, locale).name,
      visibility: group.visibility,
    },
    values: {
      nameEs: group.nameEs,
      nameEn: group.nameEn,
      descriptionEs: group.descriptionEs,
      descriptionEn: group.descriptionEn,
      visibility: group.visibility,
      joining: group.joining,
    },
    canAppoint: actor.platformCoordinator,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const user = requireUser(request, context);
  const { group } = await requireManagedGroup(db, user, platform.id, params.groupId ?? "");
  const formData = await request.formData();
  const here = `/platforms/${platform.slug}/groups/${group.id}/edit`;
  switch (formData.get("intent")) {
    case "save": {
      const submission = parseWithZod(formData, { schema: groupSchema });
      if (submission.status !== "success") return rejectForm("group", submission);
      const outcome = await updateGroup(user, platform.id, group.id, submission.value);
      if (!outcome.ok) return rejectForm("group", submission, outcome);
      return redirectWithNotice(here, "groupUpdated");
    }
    case "appointByEmail": {
      const submission = parseWithZod(formData, { schema: appointByEmailSchema });
      if (submission.status !== "success") return rejectForm(formIdOf(formData), submission);
      const outcome = await appointModeratorByEmail(
        user,
        platform.id,
        group.id,
        submission.value.email,
      );
      if (!outcome.ok) return rejectForm(formIdOf(formData), submission, outcome);
      return redirectWithNotice(here, "groupModeratorAppointed");
    }
  }
  badRequest();
}

export default function EditGroupPage() {
  const { t } = useTranslation("groups");
  const { platform, group, values, canAppoint } = useLoaderData<typeof loader>();
  const base = `/platforms/${platform.slug}/groups`;
  return (
    <div className="narrow stack">
      <p>
        <Link to={base}>← {t("list.title")}</Link>
      </p>
      <DoneNotice />
      <h1>{t("form.editHeading", { name: group.name })}</h1>
      <GroupForm creating={false} defaultValue={values} submitLabel={t("form.save")} />
      {canAppoint ? (
        <section aria-labelledby="appoint-heading" className="stack">
          <h2 id="appoint-heading">{t("appoint.heading")}</h2>
          <AppointByEmailForm />
        </section>
      ) : null}
    </div>
  );
}
