import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { forbidden, requireUser } from "~/auth/guards.server";
import { FormErrors, TextField, TextareaField } from "~/components/form-fields";
import type { RouteHandle } from "~/components/page-title";
import { useFormFor } from "~/components/use-form-for";
import { db } from "~/db.server";
import { rejectForm, redirectWithNotice } from "~/forms/respond.server";
import { createThread } from "~/groups/forum.server";
import { threadSchema } from "~/groups/forum-schemas";
import { groupText, requireReadableGroup } from "~/groups/groups.server";
import { canStartThread } from "~/groups/rules";
import { resolveLocale } from "~/i18n/i18next.server";
import { requirePlatform } from "~/platforms/platforms.server";

export const handle: RouteHandle = { pageTitle: (t) => t("forums:newThread") };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const user = requireUser(request, context);
  const { group, actor } = await requireReadableGroup(db, user, platform.id, params.groupId ?? "");
  if (!canStartThread(actor)) forbidden();
  const locale = await resolveLocale(request, user);
  return json({
    platform: { slug: platform.slug },
    group: { id: group.id, name: groupText(group, locale).name },
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const user = requireUser(request, context);
  const groupId = params.groupId ?? "";
  const submission = parseWithZod(await request.formData(), { schema: threadSchema });
  if (submission.status !== "success") {
    // Who may not read or post learns nothing from a validation message either.
    const { actor } = await requireReadableGroup(db, user, platform.id, groupId);
    if (!canStartThread(actor)) forbidden();
    return rejectForm("thread", submission);
  }
  const outcome = await db.$transaction(async (tx) => {
    const { group, actor } = await requireReadableGroup(tx, user, platform.id, groupId);
    return createThread(tx, group, actor, user, submission.value);
  });
  if (!outcome.ok) return rejectForm("thread", submission, outcome);
  return redirectWithNotice(
    `/platforms/${platform.slug}/groups/${groupId}/threads/${outcome.value.threadId}`,
    "threadCreated",
  );
}

export default function NewThreadPage() {
  const { t } = useTranslation("forums");
  const { platform, group } = useLoaderData<typeof loader>();
  const [form, fields] = useFormFor<typeof threadSchema>("thread");
  return (
    <div className="narrow stack">
      <p>
        <Link to={`/platforms/${platform.slug}/groups/${group.id}`}>← {group.name}</Link>
      </p>
      <h1>{t("newThread")}</h1>
      <Form method="post" {...getFormProps(form)} noValidate className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="_form" value="thread" />
        <TextField meta={fields.title} label={t("form.title")} />
        <TextareaField
          meta={fields.body}
          label={t("form.body")}
          hint={t("discussions:markdownHint")}
          rows={8}
        />
        <button type="submit" className="button primary">
          {t("form.create")}
        </button>
      </Form>
    </div>
  );
}
