import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { FormErrors, TextField, TextareaField } from "~/components/form-fields";
import { DoneNotice } from "~/components/notice";
import type { RouteHandle } from "~/components/page-title";
import { useFormFor } from "~/components/use-form-for";
import { lessonSchema } from "~/courses/catalogue-schemas";
import { isCourseEditable } from "~/courses/catalogue.server";
import { courseText, requireCourseManager } from "~/courses/courses.server";
import { getLesson, updateLesson } from "~/courses/lessons.server";
import { rejectForm, redirectWithNotice } from "~/forms/respond.server";
import { resolveLocale } from "~/i18n/i18next.server";

export const handle: RouteHandle = { pageTitle: (t) => t("courses:lessons.edit") };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { course } = await requireCourseManager(request, context, params.courseId ?? "");
  const lesson = await getLesson(course.id, params.lessonId ?? "");
  const locale = await resolveLocale(request, context.user);
  return json({
    course: {
      id: course.id,
      title: courseText(course, locale).title,
      editable: isCourseEditable(course),
    },
    lesson: { id: lesson.id, title: lesson.title, body: lesson.body },
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, course } = await requireCourseManager(request, context, params.courseId ?? "");
  const lesson = await getLesson(course.id, params.lessonId ?? "");
  const submission = parseWithZod(await request.formData(), { schema: lessonSchema });
  if (submission.status !== "success") return rejectForm("lesson", submission);
  const outcome = await updateLesson(user, course, lesson.id, submission.value);
  if (!outcome.ok) return rejectForm("lesson", submission, outcome);
  return redirectWithNotice(`/courses/${course.id}/lessons`, "lessonUpdated");
}

export default function LessonPage() {
  const { t } = useTranslation("courses");
  const { course, lesson } = useLoaderData<typeof loader>();
  const [form, fields] = useFormFor<typeof lessonSchema>("lesson", {
    title: lesson.title,
    body: lesson.body,
  });
  const base = `/courses/${course.id}/lessons`;
  return (
    <div className="narrow stack">
      <DoneNotice />
      <p>
        <Link to={base}>← {t("lessons.backToLessons", { title: course.title })}</Link>
      </p>
      <h1>{t("lessons.edit")}</h1>
      <p>
        <Link to={`${base}/${lesson.id}/materials`}>{t("materials.manage")}</Link>
      </p>
      {!course.editable ? (
        <p className="notice">{t("closedNotEditable")}</p>
      ) : (
        <Form method="post" {...getFormProps(form)} noValidate className="stack">
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="_form" value="lesson" />
          <TextField meta={fields.title} label={t("lessons.lessonTitle")} />
          <TextareaField
            meta={fields.body}
            label={t("lessons.body")}
            hint={t("form.markdownHint")}
            rows={12}
            optionalLabel
          />
          <button type="submit" className="button primary">
            {t("form.save")}
          </button>
        </Form>
      )}
    </div>
  );
}
