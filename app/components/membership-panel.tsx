import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { FormErrors, TextField } from "~/components/form-fields";
import { useFormFor } from "~/components/use-form-for";
import type { joinSchema } from "~/platforms/schemas";

/**
 * The platform page's membership box: sign in to join, the request form, or one's role with
 * the way to leave (or to withdraw a request).
 */
export function MembershipPanel({
  viewer,
  slug,
}: {
  viewer: { signedIn: boolean; status: string | null; role: string | null };
  slug: string;
}) {
  const { t } = useTranslation("platforms");

  if (!viewer.signedIn) {
    return (
      <p>
        <Link to={`/login?redirectTo=${encodeURIComponent(`/platforms/${slug}`)}`}>
          {t("membership.loginToJoin")}
        </Link>
      </p>
    );
  }
  if (viewer.status === "active" || viewer.status === "pending") {
    return (
      <div className="stack">
        <p>
          {viewer.status === "pending"
            ? t("membership.pending")
            : t("membership.youAre", { role: t(`roles.${viewer.role}`) })}
        </p>
        <LeaveForm pending={viewer.status === "pending"} />
      </div>
    );
  }
  return <JoinForm />;
}

// Each form makes its Conform state only where it is shown (anonymous readers get neither).
function LeaveForm({ pending }: { pending: boolean }) {
  const { t } = useTranslation("platforms");
  const [leaveForm] = useFormFor<typeof joinSchema>("leave");
  return (
    <Form method="post" {...getFormProps(leaveForm)}>
      <FormErrors id={leaveForm.errorId} errors={leaveForm.errors} />
      <input type="hidden" name="_form" value="leave" />
      <button type="submit" name="intent" value="leave" className="button">
        {pending ? t("membership.withdraw") : t("membership.leave")}
      </button>
    </Form>
  );
}

function JoinForm() {
  const { t } = useTranslation("platforms");
  const [joinForm, joinFields] = useFormFor<typeof joinSchema>("join");
  return (
    <Form method="post" {...getFormProps(joinForm)} noValidate className="stack">
      <FormErrors id={joinForm.errorId} errors={joinForm.errors} />
      <input type="hidden" name="_form" value="join" />
      <TextField
        meta={joinFields.note}
        label={t("membership.note")}
        hint={t("membership.noteHint")}
        optionalLabel
      />
      <button type="submit" name="intent" value="join" className="button primary">
        {t("membership.requestToJoin")}
      </button>
    </Form>
  );
}
