import { getFormProps, getInputProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { courseSchema } from "~/courses/catalogue-schemas";
import { COURSE_TIME_ZONES } from "~/courses/choices";
import { COURSE_TOPICS } from "~/courses/topics";
import { ErrorList, FormErrors, SelectField, TextField, TextareaField } from "./form-fields";
import { useFormFor } from "./use-form-for";

/**
 * Create or edit a course. A platform course picks its facilitators among the platform's
 * facilitators and coordinators and uses the platform's time zone; a portal-wide course
 * names facilitators by e-mail and chooses its zone.
 */
export function CourseForm({
  defaultValue,
  platform,
  facilitatorChoices,
  submitLabel,
  intent,
}: {
  defaultValue?: Record<string, unknown>;
  platform: { name: string; timeZone: string } | null;
  facilitatorChoices: { id: string; name: string }[];
  submitLabel: string;
  /** The button's intent, when the page has several forms. */
  intent?: string;
}) {
  const { t } = useTranslation("courses");
  const [form, fields] = useFormFor<typeof courseSchema>("course", defaultValue);
  const enrolmentOpen = getInputProps(fields.enrolmentOpen, { type: "checkbox" });
  const picked = (fields.facilitatorIds.initialValue ?? []) as unknown;
  const pickedIds = Array.isArray(picked) ? picked : typeof picked === "string" ? [picked] : [];
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="_form" value="course" />
      <TextField meta={fields.titleEs} label={t("form.titleEs")} />
      <TextField
        meta={fields.titleEn}
        label={t("form.titleEn")}
        hint={t("form.englishHint")}
        optionalLabel
      />
      <TextareaField
        meta={fields.descriptionEs}
        label={t("form.descriptionEs")}
        hint={t("form.markdownHint")}
        rows={6}
        lang="es"
      />
      <TextareaField
        meta={fields.descriptionEn}
        label={t("form.descriptionEn")}
        hint={t("form.englishHint")}
        rows={6}
        lang="en"
        optionalLabel
      />
      <SelectField
        meta={fields.topic}
        label={t("form.topic")}
        placeholder={t("form.chooseTopic")}
        options={COURSE_TOPICS.map((value) => ({ value, label: t(`topics.${value}`) }))}
      />
      <fieldset>
        <legend>{t("form.facilitators")}</legend>
        {platform ? (
          <>
            <p className="hint">{t("form.facilitatorsHint", { platform: platform.name })}</p>
            {facilitatorChoices.length === 0 ? (
              <p className="muted">{t("form.noFacilitators")}</p>
            ) : null}
            {facilitatorChoices.map((f) => (
              <label key={f.id} className="checkbox-row">
                <input
                  type="checkbox"
                  name={fields.facilitatorIds.name}
                  value={f.id}
                  defaultChecked={pickedIds.includes(f.id)}
                />{" "}
                {f.name}
              </label>
            ))}
            <ErrorList id={fields.facilitatorIds.errorId} errors={fields.facilitatorIds.errors} />
          </>
        ) : (
          <TextareaField
            meta={fields.facilitatorEmails}
            label={t("form.facilitatorEmails")}
            hint={t("form.facilitatorEmailsHint")}
            rows={3}
            optionalLabel
          />
        )}
      </fieldset>
      <fieldset>
        <legend>{t("form.when")}</legend>
        {platform ? (
          <p className="hint">{t("form.timeZoneOfPlatform", { timeZone: platform.timeZone })}</p>
        ) : (
          <SelectField
            meta={fields.timeZone}
            label={t("form.timeZone")}
            placeholder={t("form.chooseTimeZone")}
            options={COURSE_TIME_ZONES.map((value) => ({ value, label: value }))}
          />
        )}
        <div className="two-columns">
          <TextField meta={fields.startDate} label={t("form.startDate")} type="date" />
          <TextField meta={fields.endDate} label={t("form.endDate")} type="date" />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("form.enrolment")}</legend>
        <TextField
          meta={fields.capacity}
          label={t("form.capacity")}
          hint={t("form.capacityHint")}
          type="number"
          inputMode="numeric"
          optionalLabel
        />
        <div className="field checkbox-field">
          <input {...enrolmentOpen} key={enrolmentOpen.key} />
          <label htmlFor={fields.enrolmentOpen.id}>{t("form.enrolmentOpen")}</label>
          <ErrorList id={fields.enrolmentOpen.errorId} errors={fields.enrolmentOpen.errors} />
        </div>
        <TextField
          meta={fields.completionPercent}
          label={t("form.completionPercent")}
          hint={t("form.completionPercentHint")}
          type="number"
          inputMode="numeric"
        />
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
