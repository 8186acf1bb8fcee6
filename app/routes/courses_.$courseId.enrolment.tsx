import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { badRequest, requireUser } from "~/auth/guards.server";
import { FormErrors } from "~/components/form-fields";
import type { RouteHandle } from "~/components/page-title";
import { requireVisibleCourse } from "~/courses/courses.server";
import { enrolSelf, leaveSelf } from "~/courses/enrolment.server";
import { selfSchema } from "~/courses/enrolment-schemas";
import { redirectWithNotice } from "~/forms/respond.server";

export const handle: RouteHandle = { pageTitle: (t) => t("enrolment:refused.title") };

/** Only a form posts here; anyone arriving by address goes to the course page. */
export function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/courses/${encodeURIComponent(params.courseId ?? "")}`);
}

/**
 * The signed-in person's own place: `intent=enrol` or `intent=leave`. Back to the course
 * page with a notice, or (refused) a short page saying why, in the reader's language.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const course = await requireVisibleCourse(user, params.courseId ?? "");
  const parsed = selfSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) badRequest();
  const now = new Date();
  const outcome =
    parsed.data.intent === "enrol"
      ? await enrolSelf(user, course.id, now)
      : await leaveSelf(user, course.id, now);
  const coursePage = `/courses/${course.id}`;
  if (outcome.ok)
    return redirectWithNotice(
      coursePage,
      parsed.data.intent === "enrol" ? "enrolled" : "enrolmentLeft",
    );
  // A refusal is the course's state (full, closed…), not a fault of the request.
  return json({ coursePage, errors: outcome.formErrors ?? [] }, { status: 409 });
}

export default function EnrolmentRefused() {
  const { t } = useTranslation("enrolment");
  const data = useActionData<typeof action>();
  return (
    <div className="stack">
      <h1>{t("refused.title")}</h1>
      <FormErrors errors={data?.errors} />
      {data?.coursePage ? (
        <p>
          <Link to={data.coursePage}>← {t("refused.back")}</Link>
        </p>
      ) : null}
    </div>
  );
}
