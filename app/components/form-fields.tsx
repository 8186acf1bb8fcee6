import { getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import type { FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { decodeMessage } from "~/forms/messages";

/** Translates error keys coming from a Zod schema or from the server. */
export function ErrorList({ id, errors }: { id?: string; errors?: string[] }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-errors">
      {errors.map((e) => {
        const { key, values } = decodeMessage(e);
        return <li key={e}>{t(key, values)}</li>;
      })}
    </ul>
  );
}

/** Label, optional hint, the control and its errors: the frame every field shares. */
function FieldShell({
  meta,
  label,
  hint,
  optionalLabel,
  children,
}: {
  meta: { id: string; descriptionId: string; errorId: string; errors?: string[] };
  label: string;
  hint?: ReactNode;
  optionalLabel?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={meta.id}>
        {label}
        {optionalLabel ? <span className="optional"> ({t("forms.optional")})</span> : null}
      </label>
      {hint ? (
        <p id={meta.descriptionId} className="hint">
          {hint}
        </p>
      ) : null}
      {children}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

interface FieldProps {
  meta: FieldMetadata<string | number | undefined>;
  label: string;
  hint?: ReactNode;
  type?:
    | "text"
    | "tel"
    | "email"
    | "password"
    | "number"
    | "url"
    | "search"
    | "date"
    | "time"
    | "datetime-local";
  autoComplete?: string;
  inputMode?: "numeric" | "text" | "email" | "tel";
  optionalLabel?: boolean;
}

export function TextField({
  meta,
  label,
  hint,
  type = "text",
  autoComplete,
  inputMode,
  optionalLabel,
}: FieldProps) {
  const props = getInputProps(meta, {
    type,
    ariaDescribedBy: hint ? meta.descriptionId : undefined,
  });
  // Passwords never come back from the server, so the field starts empty.
  if (type === "password") delete props.defaultValue;
  return (
    <FieldShell meta={meta} label={label} hint={hint} optionalLabel={optionalLabel}>
      <input {...props} key={props.key} autoComplete={autoComplete} inputMode={inputMode} />
    </FieldShell>
  );
}

export function TextareaField({
  meta,
  label,
  hint,
  rows = 4,
  optionalLabel,
  lang,
}: {
  meta: FieldMetadata<string | undefined>;
  label: string;
  hint?: ReactNode;
  rows?: number;
  optionalLabel?: boolean;
  lang?: string;
}) {
  const props = getTextareaProps(meta, { ariaDescribedBy: hint ? meta.descriptionId : undefined });
  return (
    <FieldShell meta={meta} label={label} hint={hint} optionalLabel={optionalLabel}>
      <textarea {...props} key={props.key} rows={rows} lang={lang} />
    </FieldShell>
  );
}

export function SelectField({
  meta,
  label,
  options,
  placeholder,
  optionalLabel,
}: {
  meta: FieldMetadata<string | undefined>;
  label: string;
  options: { value: string; label: string }[];
  placeholder?: string;
  optionalLabel?: boolean;
}) {
  const props = getSelectProps(meta);
  return (
    <FieldShell meta={meta} label={label} optionalLabel={optionalLabel}>
      <select {...props} key={props.key}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** Errors about the whole form (for example a failed login), announced to screen readers. */
export function FormErrors({ id, errors }: { id?: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <div role="alert" className="form-errors">
      <ErrorList id={id} errors={errors} />
    </div>
  );
}

/**
 * One choice among a few, as radios in a fieldset: nothing is pre-checked unless the form's
 * value says so (a choice that must be deliberate), and the error sits beside the choices.
 * Each choice may carry a one-line explanation.
 */
export function RadioGroupField({
  meta,
  legend,
  choices,
  className,
}: {
  meta: FieldMetadata<unknown>;
  legend: string;
  choices: { value: string; label: string; hint?: string }[];
  className?: string;
}) {
  const current = typeof meta.initialValue === "string" ? meta.initialValue : undefined;
  const invalid = !!meta.errors?.length;
  return (
    <fieldset
      className={`radio-group${className ? ` ${className}` : ""}`}
      aria-invalid={invalid || undefined}
      aria-describedby={invalid ? meta.errorId : undefined}
    >
      <legend>{legend}</legend>
      {choices.map((c) => {
        const id = `${meta.id}-${c.value}`;
        return (
          <div key={`${c.value}-${meta.key ?? ""}`} className="radio-choice">
            <input
              type="radio"
              id={id}
              name={meta.name}
              value={c.value}
              defaultChecked={current === c.value}
              aria-describedby={c.hint ? `${id}-hint` : undefined}
            />
            <label htmlFor={id}>{c.label}</label>
            {c.hint ? (
              <p id={`${id}-hint`} className="hint">
                {c.hint}
              </p>
            ) : null}
          </div>
        );
      })}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </fieldset>
  );
}
