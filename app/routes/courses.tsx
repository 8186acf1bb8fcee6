import { useTranslation } from "react-i18next";
import type { RouteHandle } from "~/components/page-title";

export const handle: RouteHandle = { pageTitle: (t) => t("courses.title") };

export default function CoursesPage() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h1>{t("courses.title")}</h1>
      <p>{t("courses.intro")}</p>
      <p className="notice">{t("courses.empty")}</p>
    </div>
  );
}
