import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { changePassword, getProfile, updateProfile } from "~/auth/accounts.server";
import { badRequest, requireSession } from "~/auth/guards.server";
import { passwordChangeSchema, profileSchema } from "~/auth/schemas";
import { endAllSessions } from "~/auth/session.server";
import { EmailField, NewPasswordFields } from "~/components/auth-fields";
import { FormErrors, TextField } from "~/components/form-fields";
import type { RouteHandle } from "~/components/page-title";
import { DoneNotice } from "~/components/notice";
import { ProfileFields } from "~/components/profile-fields";
import { useFormFor } from "~/components/use-form-for";
import { rejectForm, redirectWithNotice } from "~/forms/respond.server";

export const handle: RouteHandle = { pageTitle: (t) => t("auth:account.title") };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireSession(request, context);
  return json({ profile: await getProfile(user.id) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, session } = requireSession(request, context);
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "profile") {
    const hide = ["currentPassword"];
    const submission = parseWithZod(formData, { schema: profileSchema });
    if (submission.status !== "success") return rejectForm("profile", submission, undefined, hide);
    const outcome = await updateProfile(user.id, submission.value, context.clientIp);
    if (!outcome.ok) return rejectForm("profile", submission, outcome, hide);
    return redirectWithNotice("/account", "profileSaved");
  }

  if (intent === "password") {
    const hide = ["currentPassword", "newPassword", "confirmPassword"];
    const submission = parseWithZod(formData, { schema: passwordChangeSchema });
    if (submission.status !== "success") return rejectForm("password", submission, undefined, hide);
    const { currentPassword, newPassword } = submission.value;
    const outcome = await changePassword(
      user.id,
      session.id,
      currentPassword,
      newPassword,
      context.clientIp,
    );
    if (!outcome.ok) return rejectForm("password", submission, outcome, hide);
    return redirectWithNotice("/account", "passwordChanged");
  }

  if (intent === "logout-everywhere") {
    const cookie = await endAllSessions(user.id);
    return redirect("/login", { headers: { "Set-Cookie": cookie } });
  }

  badRequest();
}

function ProfileForm() {
  const { t } = useTranslation("auth");
  const { profile } = useLoaderData<typeof loader>();
  const [form, fields] = useFormFor<typeof profileSchema>("profile", profile);
  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t("account.profileHeading")}</h2>
      <Form method="post" {...getFormProps(form)} noValidate>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="_form" value="profile" />
        <EmailField meta={fields.email} />
        <TextField
          meta={fields.currentPassword}
          label={t("fields.currentPassword")}
          hint={t("account.passwordForEmailHint")}
          type="password"
          autoComplete="current-password"
        />
        <ProfileFields fields={fields} />
        <button type="submit" name="intent" value="profile" className="button primary">
          {t("account.saveProfile")}
        </button>
      </Form>
    </section>
  );
}

function PasswordForm() {
  const { t } = useTranslation("auth");
  const [form, fields] = useFormFor<typeof passwordChangeSchema>("password");
  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">{t("account.passwordHeading")}</h2>
      <Form method="post" {...getFormProps(form)} noValidate>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="_form" value="password" />
        <TextField
          meta={fields.currentPassword}
          label={t("fields.currentPassword")}
          type="password"
          autoComplete="current-password"
        />
        <NewPasswordFields
          password={fields.newPassword}
          confirm={fields.confirmPassword}
          label={t("fields.newPassword")}
        />
        <button type="submit" name="intent" value="password" className="button">
          {t("account.changePassword")}
        </button>
      </Form>
    </section>
  );
}

export default function AccountPage() {
  const { t } = useTranslation("auth");
  return (
    <div className="narrow stack">
      <h1>{t("account.title")}</h1>
      <DoneNotice />
      <ProfileForm />
      <PasswordForm />
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t("account.sessionsHeading")}</h2>
        <p>{t("account.sessionsHelp")}</p>
        <Form method="post">
          <button type="submit" name="intent" value="logout-everywhere" className="button">
            {t("account.logoutEverywhere")}
          </button>
        </Form>
      </section>
      <section aria-labelledby="data-heading">
        <h2 id="data-heading">{t("account.dataHeading")}</h2>
        <p>{t("account.dataHelp")}</p>
        <p>
          <a href="/account/data.json" download>
            {t("account.downloadData")}
          </a>
        </p>
      </section>
      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">{t("account.deleteHeading")}</h2>
        <p>{t("account.deleteHelp")}</p>
        <p>
          <Link to="/account/delete">{t("account.deleteLink")}</Link>
        </p>
      </section>
    </div>
  );
}
