import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "~/i18n/use-translation";
import { TextField } from "./form-fields";

type Meta = FieldMetadata<string | undefined>;

export function EmailField({ meta }: { meta: Meta }) {
  const { t } = useTranslation("auth");
  return <TextField meta={meta} label={t("fields.email")} type="email" autoComplete="email" />;
}

/** A new password and its confirmation (sign up, change of password). */
export function NewPasswordFields({
  password,
  confirm,
  label,
}: {
  password: Meta;
  confirm: Meta;
  label: string;
}) {
  const { t } = useTranslation("auth");
  return (
    <>
      <TextField
        meta={password}
        label={label}
        type="password"
        autoComplete="new-password"
        hint={t("fields.passwordHint")}
      />
      <TextField
        meta={confirm}
        label={t("fields.confirmPassword")}
        type="password"
        autoComplete="new-password"
      />
    </>
  );
}
