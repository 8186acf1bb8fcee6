import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { formatDate } from "~/i18n/format";
import type { EnrolmentPanelData } from "./enrolment.server";
import { refusalMessage } from "./enrolment-rules";

/**
 * The reader's own place on a course, for the course page: their status, places left and
 * the one button that works now (plain forms, so it works without JavaScript). The data
 * comes from `enrolmentPanelFor` in the page's loader.
 */
export function EnrolmentPanel({
  panel,
  canManage = false,
}: {
  panel: EnrolmentPanelData;
  canManage?: boolean;
}) {
  const { t, i18n } = useTranslation("enrolment");
  const action = `/courses/${panel.courseId}/enrolment`;
  const here = `/courses/${panel.courseId}`;
  return (
    <section aria-labelledby="enrolment-heading" className="stack">
      <h2 id="enrolment-heading">{t("panel.heading")}</h2>
      {panel.status === "enrolled" && panel.enrolledSince ? (
        <p className="notice">
          {t("panel.enrolled", {
            date: formatDate(panel.enrolledSince, i18n.language, panel.timeZone),
          })}
        </p>
      ) : null}
      {panel.status === "enrolled" ? (
        <p>
          <Link to={`/courses/${panel.courseId}/progress`}>{t("panel.progress")}</Link>
        </p>
      ) : null}
      {panel.status === "left" ? <p>{t("panel.left")}</p> : null}
      {panel.status !== "enrolled" ? (
        <p className="muted">
          {panel.placesLeft === null
            ? t("panel.noLimit")
            : t("panel.placesLeft", { count: panel.placesLeft })}
        </p>
      ) : null}
      {panel.status !== "enrolled" && panel.enrolRefusal ? (
        <p>{t(refusalMessage(panel.enrolRefusal))}</p>
      ) : null}
      {panel.status !== "enrolled" && !panel.enrolRefusal ? (
        panel.signedIn ? (
          <Form method="post" action={action}>
            <input type="hidden" name="intent" value="enrol" />
            <button type="submit" className="button primary">
              {t("panel.enrol")}
            </button>
          </Form>
        ) : (
          <p>
            <Link to={`/login?redirectTo=${encodeURIComponent(here)}`}>
              {t("panel.loginToEnrol")}
            </Link>
          </p>
        )
      ) : null}
      {panel.canLeave ? (
        <Form method="post" action={action}>
          <input type="hidden" name="intent" value="leave" />
          <button type="submit" className="button">
            {t("panel.leave")}
          </button>
        </Form>
      ) : null}
      {canManage ? (
        <p>
          <Link to={`/courses/${panel.courseId}/people`}>{t("panel.manage")}</Link>
        </p>
      ) : null}
    </section>
  );
}
