import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

import type { MembershipIntent } from "../rules";

export type MembershipMode = MembershipIntent;

/**
 * The one button a person uses to join a group, ask to join it, leave it or withdraw their
 * request; posts to the group's membership route and comes back to `back`.
 */
export function MembershipForm({
  slug,
  groupId,
  mode,
  back,
}: {
  slug: string;
  groupId: string;
  mode: MembershipMode | null;
  back?: string;
}) {
  const { t } = useTranslation("groups");
  if (!mode) return null;
  return (
    <Form method="post" action={`/platforms/${slug}/groups/${groupId}/membership`}>
      {back ? <input type="hidden" name="redirectTo" value={back} /> : null}
      <button
        type="submit"
        name="intent"
        value={mode}
        className={mode === "join" || mode === "request" ? "button" : "button secondary"}
      >
        {t(`membership.${mode}`)}
      </button>
    </Form>
  );
}
