import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { badRequest, requireSession } from "~/auth/guards.server";
import { deleteAccountSchema } from "~/auth/schemas";
import { blankSessionCookie } from "~/auth/session.server";
import { FormErrors, TextField } from "~/components/form-fields";
import type { RouteHandle } from "~/components/page-title";
import { useFormFor } from "~/components/use-form-for";
import { db } from "~/db.server";
import { decodeMessage } from "~/forms/messages";
import { redirectWithNotice, rejectForm } from "~/forms/respond.server";
import { blockerMessage, deleteAccount, erasureBlockers } from "~/privacy/erase.server";

export const handle: RouteHandle = { pageTitle: (t) => t("auth:erase.title") };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireSession(request, context);
  // The same rule the erasure applies: who must hand over before leaving.
  const blockers = await erasureBlockers(db, user.id);
  return json({ blockers: blockers.map(blockerMessage) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireSession(request, context);
  const formData = await request.formData();
  if (formData.get("intent") !== "delete-account") badRequest();
  const hide = ["password"];
  const submission = parseWithZod(formData, { schema: deleteAccountSchema });
  if (submission.status !== "success") return rejectForm("erase", submission, undefined, hide);
  const outcome = await deleteAccount(user.id, submission.value.password, context.clientIp);
  if (!outcome.ok) return rejectForm("erase", submission, outcome, hide);
  // The sessions went with the account; this browser's cookie goes too.
  return redirectWithNotice("/", "accountDeleted", {
    headers: { "Set-Cookie": blankSessionCookie() },
  });
}

export default function DeleteAccountPage() {
  const { t } = useTranslation("auth");
  const { blockers } = useLoaderData<typeof loader>();
  const [form, fields] = useFormFor<typeof deleteAccountSchema>("erase");
  return (
    <div className="narrow stack">
      <h1>{t("erase.title")}</h1>
      <p className="lead">{t("erase.lead")}</p>
      <section aria-labelledby="erase-goes">
        <h2 id="erase-goes">{t("erase.goesHeading")}</h2>
        <ul>
          <li>{t("erase.goesAccount")}</li>
          <li>{t("erase.goesProfile")}</li>
          <li>{t("erase.goesPersonal")}</li>
        </ul>
      </section>
      <section aria-labelledby="erase-stays">
        <h2 id="erase-stays">{t("erase.staysHeading")}</h2>
        <ul>
          <li>{t("erase.staysWritten")}</li>
          <li>{t("erase.staysVotes")}</li>
          <li>{t("erase.staysCounts")}</li>
          <li>{t("erase.staysCertificates")}</li>
        </ul>
        <p>
          {t("erase.downloadFirst")} <a href="/account/data.json">{t("account.downloadData")}</a>
        </p>
      </section>
      {blockers.length ? (
        <section aria-labelledby="erase-blocked" className="notice">
          <h2 id="erase-blocked">{t("erase.blockedHeading")}</h2>
          <ul>
            {blockers.map((b) => {
              const { key, values } = decodeMessage(b);
              return <li key={b}>{t(key, values)}</li>;
            })}
          </ul>
        </section>
      ) : (
        <Form method="post" {...getFormProps(form)} noValidate>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="_form" value="erase" />
          <TextField
            meta={fields.password}
            label={t("erase.password")}
            hint={t("erase.passwordHint")}
            type="password"
            autoComplete="current-password"
          />
          <button type="submit" name="intent" value="delete-account" className="button danger">
            {t("erase.confirm")}
          </button>
        </Form>
      )}
      <p>
        <Link to="/account">{t("erase.back")}</Link>
      </p>
    </div>
  );
}
