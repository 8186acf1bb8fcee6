import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { meetingSchema } from "~/meetings/schemas";
import { FormErrors, TextField, TextareaField } from "./form-fields";
import { useFormFor } from "./use-form-for";

/** Schedule or edit a meeting; times are the platform's local times. */
export function MeetingForm({
  defaultValue,
  timeZone,
  submitLabel,
  intent,
}: {
  defaultValue?: Record<string, unknown>;
  timeZone: string;
  submitLabel: string;
  intent?: string;
}) {
  const { t } = useTranslation("meetings");
  const [form, fields] = useFormFor<typeof meetingSchema>("meeting", defaultValue);
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="_form" value="meeting" />
      <TextField meta={fields.title} label={t("form.title")} />
      <TextareaField meta={fields.description} label={t("form.description")} optionalLabel />
      <TextareaField
        meta={fields.agenda}
        label={t("form.agenda")}
        hint={t("form.agendaHint")}
        rows={6}
        optionalLabel
      />
      <fieldset>
        <legend>{t("form.when")}</legend>
        <p className="hint">{t("form.timeZoneHint", { timeZone })}</p>
        <TextField meta={fields.date} label={t("form.date")} type="date" />
        <div className="two-columns">
          <TextField meta={fields.startTime} label={t("form.startTime")} type="time" />
          <TextField meta={fields.endTime} label={t("form.endTime")} type="time" />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("form.where")}</legend>
        <p className="hint">{t("form.whereHint")}</p>
        <TextField meta={fields.place} label={t("form.place")} />
        <TextField meta={fields.onlineUrl} label={t("form.onlineUrl")} type="url" />
      </fieldset>
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
