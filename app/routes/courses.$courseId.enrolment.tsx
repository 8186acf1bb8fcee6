import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { badRequest, requireUser } from "~/auth/guards.server";
import { requireVisibleCourse } from "~/courses/courses.server";
import { enrolSelf, leaveSelf } from "~/courses/enrolment.server";
import { REFUSAL_NOTICES, refusalOf } from "~/courses/enrolment-rules";
import { selfSchema } from "~/courses/enrolment-schemas";
import { redirectWithNotice } from "~/forms/respond.server";

/** Only a form posts here; anyone arriving by address goes to the course page. */
export function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/courses/${encodeURIComponent(params.courseId ?? "")}`);
}

/**
 * The signed-in person's own place: `intent=enrol` or `intent=leave`, posted from the course
 * page. Back to that page either way, with a one-time notice in the reader's language: done,
 * or why not (full, enrolment closed…). A refusal is the course's state, never a 500.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const course = await requireVisibleCourse(user, params.courseId ?? "");
  const parsed = selfSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) badRequest();
  const enrol = parsed.data.intent === "enrol";
  const outcome = enrol ? await enrolSelf(user, course.id) : await leaveSelf(user, course.id);
  const coursePage = `/courses/${course.id}`;
  if (outcome.ok) return redirectWithNotice(coursePage, enrol ? "enrolled" : "enrolmentLeft");
  const refusal = refusalOf(outcome.formErrors?.[0]);
  if (!refusal) badRequest();
  return redirectWithNotice(coursePage, REFUSAL_NOTICES[refusal]);
}
