import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { forbidden, requireUser } from "~/auth/guards.server";
import type { AuthUser } from "~/auth/session.server";
import { CourseForm } from "~/components/course-form";
import type { RouteHandle } from "~/components/page-title";
import { courseSchema } from "~/courses/catalogue-schemas";
import { canCreateCourseOn } from "~/courses/permissions";
import {
  createCourse,
  facilitatorChoices,
  platformsForNewCourse,
} from "~/courses/catalogue.server";
import { rejectForm, redirectWithNotice } from "~/forms/respond.server";

export const handle: RouteHandle = { pageTitle: (t) => t("courses:newCourse") };

const PORTAL_WIDE = "none";

/**
 * Where the new course goes, from `?platform=`: one of the actor's platforms, or portal-wide
 * ("none", administrators only). `undefined` while the actor still has to choose.
 */
async function targetOf(request: Request, user: AuthUser) {
  const platforms = await platformsForNewCourse(user);
  if (!platforms.length && !user.isAdmin) forbidden();
  const wanted = new URL(request.url).searchParams.get("platform");
  // Portal-wide is no platform's: the rule (permissions.ts) leaves it to administrators.
  if (
    wanted === PORTAL_WIDE &&
    canCreateCourseOn({ isAdmin: user.isAdmin, platformRole: null }, null)
  )
    return { platforms, target: null };
  const chosen = platforms.find((p) => p.slug === wanted);
  if (chosen) return { platforms, target: chosen };
  // A facilitator of a single platform has nothing to choose.
  if (!wanted && !user.isAdmin && platforms.length === 1) {
    return { platforms, target: platforms[0]! };
  }
  return { platforms, target: undefined };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const { platforms, target } = await targetOf(request, user);
  return json({
    choosing: target === undefined,
    canPortalWide: user.isAdmin,
    platforms: platforms.map((p) => ({ slug: p.slug, name: p.name })),
    platform: target ? { slug: target.slug, name: target.name, timeZone: target.timeZone } : null,
    facilitatorChoices: target ? await facilitatorChoices(target.id) : [],
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const { target } = await targetOf(request, user);
  if (target === undefined) forbidden();
  const submission = parseWithZod(await request.formData(), { schema: courseSchema });
  if (submission.status !== "success") return rejectForm("course", submission);
  const outcome = await createCourse(user, target, submission.value);
  if (!outcome.ok) return rejectForm("course", submission, outcome);
  return redirectWithNotice(`/courses/${outcome.value.courseId}`, "courseCreated");
}

export default function NewCoursePage() {
  const { t } = useTranslation("courses");
  const data = useLoaderData<typeof loader>();
  return (
    <div className="narrow stack">
      <p>
        <Link to="/courses">← {t("backToCatalogue")}</Link>
      </p>
      <h1>{t("newCourse")}</h1>
      {data.choosing ? (
        <Form method="get" className="stack">
          <div className="field">
            <label htmlFor="new-course-platform">{t("form.platform")}</label>
            <p className="hint" id="new-course-platform-hint">
              {t("form.platformHint")}
            </p>
            <select
              id="new-course-platform"
              name="platform"
              aria-describedby="new-course-platform-hint"
            >
              {data.platforms.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.name}
                </option>
              ))}
              {data.canPortalWide ? <option value={PORTAL_WIDE}>{t("portalWide")}</option> : null}
            </select>
          </div>
          <button type="submit" className="button primary">
            {t("form.continue")}
          </button>
        </Form>
      ) : (
        <>
          <p>
            {data.platform
              ? t("form.onPlatform", { platform: data.platform.name })
              : t("form.portalWideCourse")}
          </p>
          <CourseForm
            platform={data.platform}
            facilitatorChoices={data.facilitatorChoices}
            defaultValue={{ completionPercent: "75", enrolmentOpen: "on" }}
            submitLabel={t("form.create")}
          />
        </>
      )}
    </div>
  );
}
