import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { FormErrors, SelectField, TextField } from "~/components/form-fields";
import { useFormFor } from "~/components/use-form-for";
import { sessionSchema } from "../session-schemas";

/** Schedule or edit a training session; times are the course's local times. */
export function SessionForm({
  defaultValue,
  timeZone,
  facilitators,
  bounds,
  submitLabel,
  intent,
}: {
  defaultValue?: Record<string, unknown>;
  timeZone: string;
  facilitators: { id: string; name: string }[];
  bounds: { min: string; max: string };
  submitLabel: string;
  intent?: string;
}) {
  const { t } = useTranslation("training");
  const [form, fields] = useFormFor<typeof sessionSchema>("session", defaultValue);
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="_form" value="session" />
      <TextField meta={fields.topic} label={t("form.topic")} />
      <fieldset>
        <legend>{t("form.when")}</legend>
        <p className="hint">{t("form.timeZoneHint", { timeZone })}</p>
        <TextField meta={fields.date} label={t("form.date")} type="date" />
        <p className="hint">
          {bounds.min} – {bounds.max}
        </p>
        <div className="two-columns">
          <TextField meta={fields.startTime} label={t("form.startTime")} type="time" />
          <TextField meta={fields.endTime} label={t("form.endTime")} type="time" />
        </div>
      </fieldset>
      <TextField meta={fields.place} label={t("form.place")} optionalLabel />
      <SelectField
        meta={fields.facilitatorId}
        label={t("form.facilitator")}
        placeholder={t("form.noFacilitator")}
        options={facilitators.map((f) => ({ value: f.id, label: f.name }))}
        optionalLabel
      />
      <button
        type="submit"
        name={intent ? "intent" : undefined}
        value={intent}
        className="button primary"
      >
        {submitLabel}
      </button>
    </Form>
  );
}
