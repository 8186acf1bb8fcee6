import { getFormProps, getInputProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { platformSchema } from "~/platforms/schemas";
import { APPROVAL_RULES, COUNTRIES, TIME_ZONES } from "~/platforms/choices";
import { FormErrors, SelectField, TextField, TextareaField } from "./form-fields";
import { useFormFor } from "./use-form-for";

/** Create or edit a platform (administrators). */
export function PlatformForm({
  defaultValue,
  submitLabel,
}: {
  defaultValue?: Record<string, unknown>;
  submitLabel: string;
}) {
  const { t } = useTranslation("platforms");
  const [form, fields] = useFormFor<typeof platformSchema>("platform", defaultValue);
  const nonMembers = getInputProps(fields.nonMembersVoteByHand, { type: "checkbox" });
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="_form" value="platform" />
      <TextField meta={fields.name} label={t("form.name")} />
      <TextField meta={fields.slug} label={t("form.slug")} hint={t("form.slugHint")} />
      <TextareaField
        meta={fields.descriptionEs}
        label={t("form.descriptionEs")}
        rows={5}
        lang="es"
      />
      <TextareaField
        meta={fields.descriptionEn}
        label={t("form.descriptionEn")}
        rows={5}
        lang="en"
      />
      <SelectField
        meta={fields.country}
        label={t("form.country")}
        options={COUNTRIES.map((c) => ({ value: c, label: t(`countries.${c}`) }))}
      />
      <TextField meta={fields.region} label={t("form.region")} />
      <SelectField
        meta={fields.timeZone}
        label={t("form.timeZone")}
        options={TIME_ZONES.map((z) => ({ value: z, label: z }))}
      />
      <TextField
        meta={fields.quorumPercent}
        label={t("form.quorumPercent")}
        hint={t("form.quorumHint")}
        type="number"
        inputMode="numeric"
      />
      <SelectField
        meta={fields.approvalRule}
        label={t("form.approvalRule")}
        options={APPROVAL_RULES.map((r) => ({ value: r, label: t(`approvalRules.${r}`) }))}
      />
      <div className="field checkbox-field">
        <input {...nonMembers} key={nonMembers.key} />
        <label htmlFor={fields.nonMembersVoteByHand.id}>{t("form.nonMembersVoteByHand")}</label>
        <p className="hint">{t("form.nonMembersVoteByHandHint")}</p>
      </div>
      <button type="submit" className="button primary">
        {submitLabel}
      </button>
    </Form>
  );
}
