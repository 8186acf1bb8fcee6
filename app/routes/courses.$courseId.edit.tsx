import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { badRequest } from "~/auth/guards.server";
import { CourseForm } from "~/components/course-form";
import { FormErrors } from "~/components/form-fields";
import { DoneNotice } from "~/components/notice";
import type { RouteHandle } from "~/components/page-title";
import { useFormFor } from "~/components/use-form-for";
import { courseSchema } from "~/courses/catalogue-schemas";
import {
  courseFormValues,
  facilitatorChoices,
  isCourseEditable,
  setCoursePublished,
  updateCourse,
} from "~/courses/catalogue.server";
import { courseText, requireCourseManager } from "~/courses/courses.server";
import { formIdOf, rejectForm, redirectWithNotice } from "~/forms/respond.server";
import { resolveLocale } from "~/i18n/i18next.server";

export const handle: RouteHandle = { pageTitle: (t) => t("courses:editCourse") };

const publishSchema = z.object({});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { course } = await requireCourseManager(request, context, params.courseId ?? "");
  const locale = await resolveLocale(request, context.user);
  return json({
    course: {
      id: course.id,
      title: courseText(course, locale).title,
      status: course.status,
      editable: isCourseEditable(course),
    },
    platform: course.platform
      ? { name: course.platform.name, timeZone: course.platform.timeZone }
      : null,
    values: await courseFormValues(course),
    facilitatorChoices: course.platformId ? await facilitatorChoices(course.platformId) : [],
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, course } = await requireCourseManager(request, context, params.courseId ?? "");
  const formData = await request.formData();
  const page = `/courses/${course.id}`;
  const intent = formData.get("intent");
  if (intent === "publish" || intent === "unpublish") {
    const submission = parseWithZod(formData, { schema: publishSchema });
    const outcome = await setCoursePublished(user, course.id, intent === "publish");
    if (!outcome.ok) return rejectForm(formIdOf(formData), submission, outcome);
    return redirectWithNotice(page, intent === "publish" ? "coursePublished" : "courseUnpublished");
  }
  if (intent === "update") {
    const submission = parseWithZod(formData, { schema: courseSchema });
    if (submission.status !== "success") return rejectForm("course", submission);
    const outcome = await updateCourse(user, course.id, submission.value);
    if (!outcome.ok) return rejectForm("course", submission, outcome);
    return redirectWithNotice(page, "courseUpdated");
  }
  badRequest();
}

function PublishForm({ status }: { status: string }) {
  const { t } = useTranslation("courses");
  const [form] = useFormFor<typeof publishSchema>("publish");
  const publish = status === "draft";
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="_form" value="publish" />
      <p>{publish ? t("publishHint") : t("unpublishHint")}</p>
      <button
        type="submit"
        name="intent"
        value={publish ? "publish" : "unpublish"}
        className={publish ? "button primary" : "button"}
      >
        {publish ? t("publish") : t("unpublish")}
      </button>
    </Form>
  );
}

export default function EditCoursePage() {
  const { t } = useTranslation("courses");
  const { course, platform, values, facilitatorChoices } = useLoaderData<typeof loader>();
  return (
    <div className="narrow stack">
      <DoneNotice />
      <p>
        <Link to={`/courses/${course.id}`}>← {t("backToCourse", { title: course.title })}</Link>
      </p>
      <h1>{t("editCourse")}</h1>
      {!course.editable ? (
        <p className="notice">{t("closedNotEditable")}</p>
      ) : (
        <>
          <section aria-labelledby="publish-heading" className="stack">
            <h2 id="publish-heading">
              {t("statusLabel")}: {t(`statuses.${course.status}`)}
            </h2>
            <PublishForm status={course.status} />
          </section>
          <section aria-labelledby="details-heading" className="stack">
            <h2 id="details-heading">{t("details")}</h2>
            <p>
              <Link to={`/courses/${course.id}/lessons`}>{t("lessons.manage")}</Link>
            </p>
            <CourseFormWithIntent
              platform={platform}
              values={values}
              facilitatorChoices={facilitatorChoices}
            />
          </section>
        </>
      )}
    </div>
  );
}

function CourseFormWithIntent(props: {
  platform: { name: string; timeZone: string } | null;
  values: Record<string, unknown>;
  facilitatorChoices: { id: string; name: string }[];
}) {
  const { t } = useTranslation("courses");
  return (
    <CourseForm
      platform={props.platform}
      defaultValue={props.values}
      facilitatorChoices={props.facilitatorChoices}
      submitLabel={t("form.save")}
      intent="update"
    />
  );
}
