import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { attemptLogin } from "~/auth/accounts.server";
import { requireAnonymous } from "~/auth/guards.server";
import { loginSchema } from "~/auth/schemas";
import { startSession } from "~/auth/session.server";
import { EmailField } from "~/components/auth-fields";
import { FormErrors, TextField } from "~/components/form-fields";
import type { RouteHandle } from "~/components/page-title";
import { useFormFor } from "~/components/use-form-for";
import { msg } from "~/forms/messages";
import { refuseForm } from "~/forms/outcome";
import { rejectForm, withoutNotice } from "~/forms/respond.server";
import { safeRedirect } from "~/http/redirect";

export const handle: RouteHandle = { pageTitle: (t) => t("auth:login.title") };

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireAnonymous(context);
  const asked = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/");
  return json({ redirectTo: withoutNotice(asked) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: loginSchema });
  const hide = ["password"];
  if (submission.status !== "success") return rejectForm("login", submission, undefined, hide);
  const { email, password, redirectTo } = submission.value;
  const outcome = await attemptLogin(email, password, context.clientIp);
  if (!outcome.ok) {
    if (outcome.reason === "throttled") {
      const minutes = Math.max(1, Math.ceil((outcome.retryAt.getTime() - Date.now()) / 60_000));
      const refusal = refuseForm(msg("auth:errors.throttled", { minutes }));
      return rejectForm("login", submission, refusal, hide, 429);
    }
    return rejectForm("login", submission, refuseForm("auth:errors.invalidLogin"), hide);
  }
  const cookie = await startSession(outcome.userId);
  const back = withoutNotice(safeRedirect(redirectTo, "/"));
  return redirect(back, { headers: { "Set-Cookie": cookie } });
}

export default function LoginPage() {
  const { t } = useTranslation("auth");
  const { redirectTo } = useLoaderData<typeof loader>();
  const [form, fields] = useFormFor<typeof loginSchema>("login");
  return (
    <section className="narrow">
      <h1>{t("login.title")}</h1>
      <Form method="post" {...getFormProps(form)} noValidate>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="_form" value="login" />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <EmailField meta={fields.email} />
        <TextField
          meta={fields.password}
          label={t("fields.password")}
          type="password"
          autoComplete="current-password"
        />
        <button type="submit" className="button primary">
          {t("login.submit")}
        </button>
      </Form>
      <p>
        {t("login.noAccount")}{" "}
        <Link to={`/signup?redirectTo=${encodeURIComponent(redirectTo)}`}>
          {t("login.signupLink")}
        </Link>
      </p>
    </section>
  );
}
