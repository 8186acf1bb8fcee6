import { useTranslation } from "~/i18n/use-translation";

/**
 * A person's name as shown beside what they wrote or did. Null means their account was
 * erased: the work stays, the identity does not (decision 024).
 */
export function usePersonName() {
  const { t } = useTranslation();
  return (name: string | null) => name ?? t("common:formerMember");
}

export function PersonName({ name }: { name: string | null }) {
  return <>{usePersonName()(name)}</>;
}
