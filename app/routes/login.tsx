import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { attemptLogin } from "~/auth/accounts.server";
import { requireAnonymous } from "~/auth/guards.server";
import { loginSchema } from "~/auth/schemas";
import { startSession } from "~/auth/session.server";
import { EmailField } from "~/components/auth-fields";
import { FormErrors, TextField } from "~/components/form-fields";
import type { RouteHandle } from "~/components/page-title";
import { msg } from "~/forms/messages";
import { safeRedirect } from "~/http/redirect";

export const handle: RouteHandle = { pageTitle: (t) => t("auth:login.title") };

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireAnonymous(context);
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/");
  return json({ redirectTo });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: loginSchema });
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const outcome = await attemptLogin(email, password, context.clientIp);
  if (!outcome.ok) {
    if (outcome.reason === "throttled") {
      const minutes = Math.max(1, Math.ceil((outcome.retryAt.getTime() - Date.now()) / 60_000));
      return json(
        submission.reply({
          formErrors: [msg("auth:errors.throttled", { minutes })],
          hideFields: ["password"],
        }),
        { status: 429 },
      );
    }
    return json(
      submission.reply({ formErrors: ["auth:errors.invalidLogin"], hideFields: ["password"] }),
      { status: 400 },
    );
  }
  const cookie = await startSession(outcome.userId);
  return redirect(safeRedirect(redirectTo, "/"), { headers: { "Set-Cookie": cookie } });
}

export default function LoginPage() {
  const { t } = useTranslation("auth");
  const { redirectTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "login",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
  });
  return (
    <section className="narrow">
      <h1>{t("login.title")}</h1>
      <Form method="post" {...getFormProps(form)} noValidate>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <EmailField meta={fields.email} />
        <TextField
          meta={fields.password}
          label={t("fields.password")}
          type="password"
          autoComplete="current-password"
        />
        <button type="submit" className="button primary" disabled={busy}>
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
