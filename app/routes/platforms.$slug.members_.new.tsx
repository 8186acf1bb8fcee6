import { getFormProps, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { forbidden, requireUser } from "~/auth/guards.server";
import { FormErrors, SelectField, TextField } from "~/components/form-fields";
import type { RouteHandle } from "~/components/page-title";
import { useFormFor } from "~/components/use-form-for";
import { rejectForm, redirectWithNotice } from "~/forms/respond.server";
import { AGE_GROUPS, GENDERS } from "~/participants/demographics";
import { memberWithoutAccountSchema } from "~/participants/schemas";
import { canAddMembersWithoutAccount } from "~/platforms/member-rules";
import { addMemberWithoutAccount } from "~/platforms/members-without-account.server";
import { viewerOf } from "~/platforms/permissions.server";
import { requirePlatform } from "~/platforms/platforms.server";

export const handle: RouteHandle = { pageTitle: (t) => t("platforms:addMember.title") };

const FORM_ID = "member-without-account";

async function requireCoordinator(args: LoaderFunctionArgs) {
  const platform = await requirePlatform(args.params.slug);
  const user = requireUser(args.request, args.context);
  if (!canAddMembersWithoutAccount(await viewerOf(user, platform.id))) forbidden();
  return { platform, user };
}

export async function loader(args: LoaderFunctionArgs) {
  const { platform } = await requireCoordinator(args);
  return json({ platform: { slug: platform.slug, name: platform.name } });
}

export async function action(args: ActionFunctionArgs) {
  const { platform, user } = await requireCoordinator(args);
  const submission = parseWithZod(await args.request.formData(), {
    schema: memberWithoutAccountSchema,
  });
  if (submission.status !== "success") return rejectForm(FORM_ID, submission);
  const outcome = await addMemberWithoutAccount(user, platform.id, submission.value);
  if (!outcome.ok) return rejectForm(FORM_ID, submission, outcome);
  return redirectWithNotice(`/platforms/${platform.slug}/members`, "memberAdded");
}

type Meta = FieldMetadata<string | undefined>;

export default function AddMemberWithoutAccountPage() {
  const { t } = useTranslation("platforms");
  const { platform } = useLoaderData<typeof loader>();
  const [form, fields] = useFormFor<typeof memberWithoutAccountSchema>(FORM_ID);
  return (
    <div className="narrow stack">
      <p>
        <Link to={`/platforms/${platform.slug}/members`}>← {t("members.title")}</Link>
      </p>
      <h1>{t("addMember.title")}</h1>
      <p>{t("addMember.intro", { platform: platform.name })}</p>
      <Form method="post" {...getFormProps(form)} noValidate className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.name} label={t("auth:fields.name")} autoComplete="off" />
        <TextField meta={fields.community} label={t("auth:fields.community")} optionalLabel />
        <TextField meta={fields.people} label={t("auth:fields.people")} optionalLabel />
        <SelectField
          meta={fields.gender as Meta}
          label={t("auth:fields.gender")}
          placeholder={t("auth:fields.noAnswer")}
          options={GENDERS.map((g) => ({ value: g, label: t(`auth:genders.${g}`) }))}
          optionalLabel
        />
        <TextField
          meta={fields.birthYear as Meta}
          label={t("auth:fields.birthYear")}
          hint={t("addMember.birthYearHint")}
          type="number"
          inputMode="numeric"
          optionalLabel
        />
        <SelectField
          meta={fields.ageGroup as Meta}
          label={t("addMember.ageGroup")}
          placeholder={t("auth:fields.noAnswer")}
          options={AGE_GROUPS.map((g) => ({ value: g, label: t(`meetings:ageGroups.${g}`) }))}
          optionalLabel
        />
        <TextField
          meta={fields.phone}
          label={t("addMember.phone")}
          hint={t("addMember.phoneHint")}
          type="tel"
          inputMode="tel"
          optionalLabel
        />
        <button type="submit" className="button primary">
          {t("addMember.submit")}
        </button>
      </Form>
    </div>
  );
}
