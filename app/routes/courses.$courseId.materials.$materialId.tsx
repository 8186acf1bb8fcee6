import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireVisibleCourse } from "~/courses/courses.server";
import { materialDownload } from "~/courses/materials.server";

/** A material's file, to anyone who may see the course (drafts: their managers only). */
export async function loader({ context, params }: LoaderFunctionArgs) {
  const course = await requireVisibleCourse(context.user, params.courseId ?? "");
  return materialDownload(course.id, params.materialId ?? "");
}
