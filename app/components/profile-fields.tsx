import type { FieldMetadata } from "@conform-to/react";
import { useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GENDERS } from "~/participants/demographics";
import type { loader as rootLoader } from "~/root";
import { SelectField, TextField } from "./form-fields";

type Meta = FieldMetadata<string | number | undefined>;

/** The self-declared profile fields, shared by sign up and the account page. */
export function ProfileFields({
  fields,
}: {
  fields: {
    name: Meta;
    gender: Meta;
    birthYear: Meta;
    community: Meta;
    people: Meta;
    locale: Meta;
  };
}) {
  const { t } = useTranslation("auth");
  const root = useRouteLoaderData<typeof rootLoader>("root");
  return (
    <>
      <TextField meta={fields.name} label={t("fields.name")} autoComplete="name" />
      <SelectField
        meta={fields.locale as FieldMetadata<string | undefined>}
        label={t("fields.locale")}
        options={(root?.languages ?? []).map((l) => ({ value: l.code, label: l.name }))}
      />
      <fieldset className="profile-optional">
        <legend>{t("fields.aboutYou")}</legend>
        <p className="hint">{t("fields.statisticsNotice")}</p>
        <SelectField
          meta={fields.gender as FieldMetadata<string | undefined>}
          label={t("fields.gender")}
          placeholder={t("fields.noAnswer")}
          options={GENDERS.map((g) => ({ value: g, label: t(`genders.${g}`) }))}
          optionalLabel
        />
        <TextField
          meta={fields.birthYear}
          label={t("fields.birthYear")}
          type="number"
          inputMode="numeric"
          optionalLabel
        />
        <TextField meta={fields.community} label={t("fields.community")} optionalLabel />
        <TextField
          meta={fields.people}
          label={t("fields.people")}
          hint={t("fields.peopleHint")}
          optionalLabel
        />
      </fieldset>
    </>
  );
}
