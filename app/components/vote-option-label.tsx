import { useTranslation } from "~/i18n/use-translation";

/** Standard options (yes / no / abstain) in the reader's language; custom ones as written. */
export function useOptionLabel() {
  const { t } = useTranslation("votes");
  return (option: { code: string | null; label: string }) =>
    option.code ? t(`options.${option.code}`) : option.label;
}
