import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { FormErrors, RadioGroupField, TextField, TextareaField } from "~/components/form-fields";
import { useFormFor } from "~/components/use-form-for";
import { GROUP_JOINING, GROUP_VISIBILITIES } from "~/groups/rules";
import type { appointByEmailSchema, groupSchema } from "~/groups/schemas";

/**
 * Create or edit a group: names and descriptions in both languages (English optional, falls
 * back to Spanish), who reads it and how people join. Creating also names the first moderator.
 */
export function GroupForm({
  creating,
  defaultValue,
  submitLabel,
}: {
  creating: boolean;
  defaultValue?: Record<string, unknown>;
  submitLabel: string;
}) {
  const { t } = useTranslation("groups");
  const [form, fields] = useFormFor<typeof groupSchema>("group", defaultValue);
  const moderatorEmail = (fields as Record<string, unknown>).moderatorEmail as
    typeof fields.nameEs | undefined;
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="_form" value="group" />
      <input type="hidden" name="intent" value="save" />
      <TextField meta={fields.nameEs} label={t("form.nameEs")} />
      <TextField
        meta={fields.nameEn}
        label={t("form.nameEn")}
        hint={t("form.englishHint")}
        optionalLabel
      />
      <TextareaField
        meta={fields.descriptionEs}
        label={t("form.descriptionEs")}
        rows={4}
        lang="es"
        optionalLabel
      />
      <TextareaField
        meta={fields.descriptionEn}
        label={t("form.descriptionEn")}
        hint={t("form.englishHint")}
        rows={4}
        lang="en"
        optionalLabel
      />
      <RadioGroupField
        meta={fields.visibility}
        legend={t("form.visibility")}
        choices={GROUP_VISIBILITIES.map((v) => ({
          value: v,
          label: t(`visibility.${v}`),
          hint: t(`form.visibilityHint.${v}`),
        }))}
      />
      <RadioGroupField
        meta={fields.joining}
        legend={t("form.joining")}
        choices={GROUP_JOINING.map((v) => ({
          value: v,
          label: t(`joining.${v}`),
          hint: t(`form.joiningHint.${v}`),
        }))}
      />
      {creating && moderatorEmail ? (
        <TextField
          meta={moderatorEmail}
          label={t("form.moderatorEmail")}
          hint={t("form.moderatorEmailHint")}
          type="email"
          autoComplete="off"
          optionalLabel
        />
      ) : null}
      <button type="submit" className="button primary">
        {submitLabel}
      </button>
    </Form>
  );
}

/** A coordinator names a moderator by e-mail among the platform's active members. */
export function AppointByEmailForm() {
  const { t } = useTranslation("groups");
  const [form, fields] = useFormFor<typeof appointByEmailSchema>("appointByEmail");
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="_form" value="appointByEmail" />
      <TextField
        meta={fields.email}
        label={t("appoint.email")}
        hint={t("appoint.hint")}
        type="email"
        autoComplete="off"
      />
      <button type="submit" name="intent" value="appointByEmail" className="button">
        {t("appoint.submit")}
      </button>
    </Form>
  );
}
