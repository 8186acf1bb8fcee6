import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { badRequest } from "~/auth/guards.server";
import { FormErrors, TextField, TextareaField } from "~/components/form-fields";
import { DoneNotice } from "~/components/notice";
import type { RouteHandle } from "~/components/page-title";
import { useFormFor } from "~/components/use-form-for";
import { lessonRef, lessonSchema } from "~/courses/catalogue-schemas";
import { isCourseEditable } from "~/courses/catalogue.server";
import { courseText, requireCourseManager } from "~/courses/courses.server";
import { addLesson, deleteLesson, listLessons, moveLesson } from "~/courses/lessons.server";
import { formIdOf, rejectForm, redirectWithNotice } from "~/forms/respond.server";
import { resolveLocale } from "~/i18n/i18next.server";

export const handle: RouteHandle = { pageTitle: (t) => t("courses:lessons.title") };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { course } = await requireCourseManager(request, context, params.courseId ?? "");
  const locale = await resolveLocale(request, context.user);
  const lessons = await listLessons(course.id);
  return json({
    course: {
      id: course.id,
      title: courseText(course, locale).title,
      editable: isCourseEditable(course),
    },
    lessons: lessons.map((l) => ({ id: l.id, title: l.title, materials: l._count.materials })),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, course } = await requireCourseManager(request, context, params.courseId ?? "");
  const formData = await request.formData();
  const here = `/courses/${course.id}/lessons`;
  const intent = formData.get("intent");
  if (intent === "add") {
    const submission = parseWithZod(formData, { schema: lessonSchema });
    if (submission.status !== "success") return rejectForm("lesson", submission);
    const outcome = await addLesson(user, course, submission.value);
    if (!outcome.ok) return rejectForm("lesson", submission, outcome);
    return redirectWithNotice(here, "lessonAdded");
  }
  if (intent === "up" || intent === "down" || intent === "delete") {
    const submission = parseWithZod(formData, { schema: lessonRef });
    if (submission.status !== "success") badRequest();
    const { lessonId } = submission.value;
    const outcome =
      intent === "delete"
        ? await deleteLesson(user, course, lessonId)
        : await moveLesson(user, course, lessonId, intent);
    if (!outcome.ok) return rejectForm(formIdOf(formData), submission, outcome);
    return redirectWithNotice(here, intent === "delete" ? "lessonDeleted" : "lessonMoved");
  }
  badRequest();
}

function LessonControls({ id, first, last }: { id: string; first: boolean; last: boolean }) {
  const { t } = useTranslation("courses");
  const [form] = useFormFor<typeof lessonRef>(`lesson-${id}`);
  return (
    <Form method="post" {...getFormProps(form)} className="inline-form">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="_form" value={`lesson-${id}`} />
      <input type="hidden" name="lessonId" value={id} />
      {!first ? (
        <button type="submit" name="intent" value="up" className="button small">
          {t("lessons.moveUp")}
        </button>
      ) : null}{" "}
      {!last ? (
        <button type="submit" name="intent" value="down" className="button small">
          {t("lessons.moveDown")}
        </button>
      ) : null}{" "}
      <button type="submit" name="intent" value="delete" className="button small danger">
        {t("lessons.delete")}
      </button>
    </Form>
  );
}

export default function LessonsPage() {
  const { t } = useTranslation("courses");
  const { course, lessons } = useLoaderData<typeof loader>();
  const [form, fields] = useFormFor<typeof lessonSchema>("lesson");
  const base = `/courses/${course.id}/lessons`;
  return (
    <div className="narrow stack">
      <DoneNotice />
      <p>
        <Link to={`/courses/${course.id}`}>← {t("backToCourse", { title: course.title })}</Link>
      </p>
      <h1>{t("lessons.title")}</h1>
      {!course.editable ? <p className="notice">{t("closedNotEditable")}</p> : null}
      {lessons.length === 0 ? <p className="muted">{t("lessons.none")}</p> : null}
      <ol className="lesson-list">
        {lessons.map((l, i) => (
          <li key={l.id} className="stack">
            <Link to={`${base}/${l.id}`}>{l.title}</Link>{" "}
            <span className="muted">{t("lessons.materialCount", { count: l.materials })}</span>
            {course.editable ? (
              <LessonControls id={l.id} first={i === 0} last={i === lessons.length - 1} />
            ) : null}
          </li>
        ))}
      </ol>
      {course.editable ? (
        <section aria-labelledby="add-lesson-heading" className="stack">
          <h2 id="add-lesson-heading">{t("lessons.add")}</h2>
          <Form method="post" {...getFormProps(form)} noValidate className="stack">
            <FormErrors id={form.errorId} errors={form.errors} />
            <input type="hidden" name="_form" value="lesson" />
            <TextField meta={fields.title} label={t("lessons.lessonTitle")} />
            <TextareaField
              meta={fields.body}
              label={t("lessons.body")}
              hint={t("form.markdownHint")}
              rows={8}
              optionalLabel
            />
            <button type="submit" name="intent" value="add" className="button primary">
              {t("lessons.add")}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
