import { getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { badRequest } from "~/auth/guards.server";
import { ErrorList, FormErrors, TextField } from "~/components/form-fields";
import { DoneNotice } from "~/components/notice";
import type { RouteHandle } from "~/components/page-title";
import { useFormFor } from "~/components/use-form-for";
import { linkSchema, materialRef, uploadSchema } from "~/courses/catalogue-schemas";
import { isCourseEditable } from "~/courses/catalogue.server";
import { courseText, requireCourseManager } from "~/courses/courses.server";
import { getLesson } from "~/courses/lessons.server";
import {
  addFileMaterial,
  addLinkMaterial,
  deleteMaterial,
  readUploadForm,
} from "~/courses/materials.server";
import { MAX_UPLOAD_BYTES } from "~/courses/uploads";
import { REQUIRED } from "~/forms/messages";
import { refuse, refuseForm } from "~/forms/outcome";
import { formIdOf, rejectForm, redirectWithNotice } from "~/forms/respond.server";
import { formatNumber } from "~/i18n/format";
import { resolveLocale } from "~/i18n/i18next.server";

export const handle: RouteHandle = { pageTitle: (t) => t("courses:materials.title") };

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
    lesson: { id: lesson.id, title: lesson.title },
    materials: lesson.materials.map((m) => ({
      id: m.id,
      title: m.title,
      kind: m.kind,
      url: m.url,
      fileName: m.fileName,
      sizeKb: m.size === null ? null : formatNumber(Math.ceil(m.size / 1024), locale),
    })),
    maxMb: MAX_UPLOAD_BYTES / 1024 / 1024,
  });
}

/**
 * One address, three forms: a file upload (multipart, the only body in the app allowed to
 * be ~10 MB; app/http/app.server.ts streams it here), a link, and deleting a material.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, course } = await requireCourseManager(request, context, params.courseId ?? "");
  const lesson = await getLesson(course.id, params.lessonId ?? "");
  const here = `/courses/${course.id}/lessons/${lesson.id}/materials`;
  const multipart = /^multipart\/form-data/i.test(request.headers.get("content-type") ?? "");

  if (multipart) {
    // Nothing is stored for a course that can no longer change.
    if (!isCourseEditable(course)) {
      const submission = parseWithZod(new FormData(), { schema: uploadSchema });
      return rejectForm("upload", submission, refuseForm("courses:errors.closed"));
    }
    const { formData, upload } = await readUploadForm(request);
    if (!formData && !upload.problem) badRequest();
    // The file never comes back into the form (a file input cannot be given a value).
    formData?.delete("file");
    const submission = parseWithZod(formData ?? new FormData(), { schema: uploadSchema });
    if (upload.problem) {
      return rejectForm("upload", submission, refuse("file", `courses:errors.${upload.problem}`));
    }
    if (submission.status !== "success" || !upload.stored) {
      await upload.discard();
      return rejectForm("upload", submission, upload.stored ? undefined : refuse("file", REQUIRED));
    }
    const outcome = await addFileMaterial(
      user,
      course,
      lesson.id,
      upload.stored,
      submission.value.title,
    );
    if (!outcome.ok) return rejectForm("upload", submission, outcome);
    return redirectWithNotice(here, "materialAdded");
  }

  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "link") {
    const submission = parseWithZod(formData, { schema: linkSchema });
    if (submission.status !== "success") return rejectForm("link", submission);
    const outcome = await addLinkMaterial(user, course, lesson.id, submission.value);
    if (!outcome.ok) return rejectForm("link", submission, outcome);
    return redirectWithNotice(here, "materialAdded");
  }
  if (intent === "delete") {
    const submission = parseWithZod(formData, { schema: materialRef });
    if (submission.status !== "success") badRequest();
    const outcome = await deleteMaterial(user, course, lesson.id, submission.value.materialId);
    if (!outcome.ok) return rejectForm(formIdOf(formData), submission, outcome);
    return redirectWithNotice(here, "materialDeleted");
  }
  badRequest();
}

function DeleteMaterial({ id }: { id: string }) {
  const { t } = useTranslation("courses");
  const [form] = useFormFor<typeof materialRef>(`material-${id}`);
  return (
    <Form method="post" {...getFormProps(form)} className="inline-form">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="_form" value={`material-${id}`} />
      <input type="hidden" name="materialId" value={id} />
      <button type="submit" name="intent" value="delete" className="button small danger">
        {t("materials.delete")}
      </button>
    </Form>
  );
}

function UploadForm({ maxMb }: { maxMb: number }) {
  const { t } = useTranslation("courses");
  const [form, fields] = useFormFor<typeof uploadSchema>("upload");
  const file = getInputProps(fields.file, {
    type: "file",
    ariaDescribedBy: fields.file.descriptionId,
  });
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      {...getFormProps(form)}
      noValidate
      className="stack"
    >
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="_form" value="upload" />
      <TextField meta={fields.title} label={t("materials.fileTitle")} optionalLabel />
      <div className="field">
        <label htmlFor={fields.file.id}>{t("materials.file")}</label>
        <p id={fields.file.descriptionId} className="hint">
          {t("materials.fileHint", { max: maxMb })}
        </p>
        <input
          {...file}
          key={file.key}
          accept=".pdf,.png,.jpg,.jpeg,.webp,application/pdf,image/png,image/jpeg,image/webp"
        />
        <ErrorList id={fields.file.errorId} errors={fields.file.errors} />
      </div>
      <button type="submit" className="button primary">
        {t("materials.upload")}
      </button>
    </Form>
  );
}

export default function MaterialsPage() {
  const { t } = useTranslation("courses");
  const { course, lesson, materials, maxMb } = useLoaderData<typeof loader>();
  const [linkForm, linkFields] = useFormFor<typeof linkSchema>("link");
  return (
    <div className="narrow stack">
      <DoneNotice />
      <p>
        <Link to={`/courses/${course.id}/lessons/${lesson.id}`}>
          ← {t("materials.backToLesson", { title: lesson.title })}
        </Link>
      </p>
      <h1>{t("materials.titleOf", { title: lesson.title })}</h1>
      {!course.editable ? <p className="notice">{t("closedNotEditable")}</p> : null}
      {materials.length === 0 ? <p className="muted">{t("materials.none")}</p> : null}
      <ul className="material-list">
        {materials.map((m) => (
          <li key={m.id}>
            {m.kind === "link" ? (
              <a href={m.url ?? undefined} rel="nofollow noopener">
                {m.title}
              </a>
            ) : (
              <a href={`/courses/${course.id}/materials/${m.id}`} download={m.fileName ?? true}>
                {m.title}
              </a>
            )}{" "}
            <span className="muted">
              {m.kind === "link"
                ? t("materials.link")
                : t("materials.fileSize", { name: m.fileName, size: m.sizeKb })}
            </span>
            {course.editable ? <DeleteMaterial id={m.id} /> : null}
          </li>
        ))}
      </ul>
      {course.editable ? (
        <>
          <section aria-labelledby="upload-heading" className="stack">
            <h2 id="upload-heading">{t("materials.addFile")}</h2>
            <UploadForm maxMb={maxMb} />
          </section>
          <section aria-labelledby="link-heading" className="stack">
            <h2 id="link-heading">{t("materials.addLink")}</h2>
            <Form method="post" {...getFormProps(linkForm)} noValidate className="stack">
              <FormErrors id={linkForm.errorId} errors={linkForm.errors} />
              <input type="hidden" name="_form" value="link" />
              <TextField meta={linkFields.title} label={t("materials.linkTitle")} />
              <TextField meta={linkFields.url} label={t("materials.url")} type="url" />
              <button type="submit" name="intent" value="link" className="button primary">
                {t("materials.addLink")}
              </button>
            </Form>
          </section>
        </>
      ) : null}
    </div>
  );
}
