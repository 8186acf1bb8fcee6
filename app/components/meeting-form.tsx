import { getFormProps, getTextareaProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { meetingSchema } from "~/meetings/schemas";
import { ErrorList, FormErrors, TextField } from "./form-fields";
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
  const [form, fields] = useFormFor("meeting", meetingSchema, defaultValue);
  const description = getTextareaProps(fields.description);
  const agenda = getTextareaProps(fields.agenda, { ariaDescribedBy: fields.agenda.descriptionId });
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="_form" value="meeting" />
      <TextField meta={fields.title} label={t("form.title")} />
      <div className="field">
        <label htmlFor={fields.description.id}>
          {t("form.description")} <span className="optional">({t("common:forms.optional")})</span>
        </label>
        <textarea {...description} key={description.key} rows={4} />
        <ErrorList id={fields.description.errorId} errors={fields.description.errors} />
      </div>
      <div className="field">
        <label htmlFor={fields.agenda.id}>
          {t("form.agenda")} <span className="optional">({t("common:forms.optional")})</span>
        </label>
        <p id={fields.agenda.descriptionId} className="hint">
          {t("form.agendaHint")}
        </p>
        <textarea {...agenda} key={agenda.key} rows={6} />
        <ErrorList id={fields.agenda.errorId} errors={fields.agenda.errors} />
      </div>
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
