import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useParams } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { badRequest, requireUser } from "~/auth/guards.server";
import { ErrorList } from "~/components/form-fields";
import type { RouteHandle } from "~/components/page-title";
import { redirectWithNotice } from "~/forms/respond.server";
import {
  MEMBERSHIP_INTENTS,
  changeMembership,
  type MembershipIntent,
} from "~/groups/membership.server";
import { safeRedirect } from "~/http/redirect";
import { requirePlatform } from "~/platforms/platforms.server";

/**
 * Join, ask to join, leave or withdraw a request, from any page that shows the group's
 * MembershipForm, then back to that page (only a path on this site). A refusal (the last
 * moderator leaving, say) is shown here, in the reader's language, with the way back.
 */
export const handle: RouteHandle = { pageTitle: (t) => t("groups:membership.title") };

export async function loader({ params }: LoaderFunctionArgs) {
  // Loaders run after the action too, so this one must not send the reader away from a
  // refusal; opened on its own the page only offers the way to the groups.
  await requirePlatform(params.slug);
  return json(null);
}

function isIntent(value: unknown): value is MembershipIntent {
  return typeof value === "string" && (MEMBERSHIP_INTENTS as readonly string[]).includes(value);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const user = requireUser(request, context);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (!isIntent(intent)) badRequest();
  const back = safeRedirect(formData.get("redirectTo"), `/platforms/${platform.slug}/groups`);
  const outcome = await changeMembership(user, platform.id, params.groupId ?? "", intent);
  if (!outcome.ok) return json({ errors: outcome.formErrors ?? [], back }, { status: 400 });
  return redirectWithNotice(back, outcome.value.notice);
}

export default function MembershipRefused() {
  const { t } = useTranslation("groups");
  const data = useActionData<typeof action>();
  const { slug } = useParams();
  return (
    <div className="narrow stack">
      <h1>{t("membership.title")}</h1>
      {data?.errors.length ? (
        <div role="alert" className="form-errors">
          <ErrorList errors={data.errors} />
        </div>
      ) : null}
      <p>
        <Link to={data?.back ?? `/platforms/${slug}/groups`}>← {t("membership.back")}</Link>
      </p>
    </div>
  );
}
