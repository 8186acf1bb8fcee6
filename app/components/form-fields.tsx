import { getInputProps, getSelectProps } from "@conform-to/react";
import type { FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
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

interface FieldProps {
  meta: FieldMetadata<string | number | undefined>;
  label: string;
  hint?: ReactNode;
  type?:
    | "text"
    | "email"
    | "password"
    | "number"
    | "url"
    | "search"
    | "date"
    | "time"
    | "datetime-local";
  autoComplete?: string;
  inputMode?: "numeric" | "text" | "email";
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
  const { t } = useTranslation();
  const props = getInputProps(meta, {
    type,
    ariaDescribedBy: hint ? meta.descriptionId : undefined,
  });
  // Passwords never come back from the server, so the field starts empty.
  if (type === "password") delete props.defaultValue;
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
      <input {...props} key={props.key} autoComplete={autoComplete} inputMode={inputMode} />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
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
  const { t } = useTranslation();
  const props = getSelectProps(meta);
  return (
    <div className="field">
      <label htmlFor={meta.id}>
        {label}
        {optionalLabel ? <span className="optional"> ({t("forms.optional")})</span> : null}
      </label>
      <select {...props} key={props.key}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
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
