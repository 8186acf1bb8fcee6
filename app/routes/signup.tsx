import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { registerUser } from "~/auth/accounts.server";
import { requireAnonymous } from "~/auth/guards.server";
import { signupSchema } from "~/auth/schemas";
import { startSession } from "~/auth/session.server";
import { EmailField, NewPasswordFields } from "~/components/auth-fields";
import { FormErrors } from "~/components/form-fields";
import type { RouteHandle } from "~/components/page-title";
import { ProfileFields } from "~/components/profile-fields";
import { useFormFor } from "~/components/use-form-for";
import { rejectForm } from "~/forms/respond.server";
import { safeRedirect } from "~/http/redirect";
import { resolveLocale } from "~/i18n/i18next.server";

export const handle: RouteHandle = { pageTitle: (t) => t("auth:signup.title") };

const SECRET_FIELDS = ["password", "confirmPassword"];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireAnonymous(context);
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/");
  return json({ redirectTo, locale: await resolveLocale(request, null) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: signupSchema });
  if (submission.status !== "success") {
    return rejectForm("signup", submission, undefined, SECRET_FIELDS);
  }
  const outcome = await registerUser(submission.value, context.clientIp);
  if (!outcome.ok) return rejectForm("signup", submission, outcome, SECRET_FIELDS);
  const cookie = await startSession(outcome.value.userId);
  return redirect(safeRedirect(submission.value.redirectTo, "/"), {
    headers: { "Set-Cookie": cookie },
  });
}

export default function SignupPage() {
  const { t } = useTranslation("auth");
  const { redirectTo, locale } = useLoaderData<typeof loader>();
  const [form, fields] = useFormFor<typeof signupSchema>("signup", { locale });
  return (
    <section className="narrow">
      <h1>{t("signup.title")}</h1>
      <p>{t("signup.intro")}</p>
      <Form method="post" {...getFormProps(form)} noValidate>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="_form" value="signup" />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <EmailField meta={fields.email} />
        <NewPasswordFields
          password={fields.password}
          confirm={fields.confirmPassword}
          label={t("fields.password")}
        />
        <ProfileFields fields={fields} />
        <button type="submit" className="button primary">
          {t("signup.submit")}
        </button>
      </Form>
      <p>
        {t("signup.haveAccount")} <Link to="/login">{t("signup.loginLink")}</Link>
      </p>
    </section>
  );
}
