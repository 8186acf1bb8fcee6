import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { badRequest, forbidden, requireUser } from "~/auth/guards.server";
import { FormErrors, TextField } from "~/components/form-fields";
import { DoneNotice } from "~/components/notice";
import type { RouteHandle } from "~/components/page-title";
import { Pager } from "~/components/pager";
import { RepeatedForm, useAnswered } from "~/components/repeated-form";
import { RequestAnswerForms } from "~/components/request-answer-forms";
import { db } from "~/db.server";
import { formIdOf, rejectForm, redirectWithNotice } from "~/forms/respond.server";
import { AppointByEmailForm } from "~/groups/components/group-form";
import { MembershipForm } from "~/groups/components/membership-form";
import { groupText, requireReadableGroup } from "~/groups/groups.server";
import {
  listGroupMembers,
  listGroupRequests,
  moderateMembership,
  type ModeratorAction,
} from "~/groups/membership.server";
import { canManageGroup, canModerateGroup, membershipMode } from "~/groups/rules";
import { appointByEmailSchema, optionalReasonSchema, removeReasonSchema } from "~/groups/schemas";
import { appointModeratorByEmail } from "~/groups/settings.server";
import { pageFromUrl } from "~/http/pagination";
import { formatDate } from "~/i18n/format";
import { resolveLocale } from "~/i18n/i18next.server";
import { requirePlatform } from "~/platforms/platforms.server";

export const handle: RouteHandle = {
  pageTitle: (t, data) =>
    t("groups:members.title", {
      name: (data as { group?: { name: string } } | undefined)?.group?.name ?? "",
    }),
};

/**
 * The group's members: a public group's list is for anyone who can read the group, a private
 * group's for its members only (anyone else: the 404 of a group that does not exist). Requests
 * and the moderators' controls are for the group's moderators.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const { group, actor } = await requireReadableGroup(
    db,
    context.user,
    platform.id,
    params.groupId ?? "",
  );
  const locale = await resolveLocale(request, context.user);
  const moderator = canModerateGroup(actor);
  const [list, requests] = await Promise.all([
    listGroupMembers(db, group, pageFromUrl(request.url)),
    moderator ? listGroupRequests(db, group) : [],
  ]);
  return json({
    platform: { slug: platform.slug, name: platform.name },
    group: { id: group.id, ...groupText(group, locale), visibility: group.visibility },
    // Who is who by name and role only; "isMe" so nobody is offered to remove themselves.
    members: list.members.map(({ userId, ...m }) => ({ ...m, isMe: userId === context.user?.id })),
    page: list.page,
    pages: list.pages,
    total: list.total,
    moderatorCount: list.moderators,
    requests: requests.map((r) => ({
      ...r,
      requestedOn: formatDate(r.requestedAt, locale, platform.timeZone),
    })),
    moderator,
    canEdit: canManageGroup(actor),
    canAppointByEmail: actor.platformCoordinator,
    mode: membershipMode(group, actor),
  });
}

const MODERATOR_INTENTS: ModeratorAction[] = ["approve", "reject", "remove", "appoint", "stepDown"];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const user = requireUser(request, context);
  const { group, actor } = await requireReadableGroup(db, user, platform.id, params.groupId ?? "");
  const formData = await request.formData();
  const formId = formIdOf(formData);
  const intent = formData.get("intent");
  const url = new URL(request.url);
  const here = `/platforms/${platform.slug}/groups/${group.id}/members${url.search}`;

  // Who may act is answered first (403), before anything about what was typed.
  if (intent === "appointByEmail") {
    if (!actor.platformCoordinator) forbidden();
    const submission = parseWithZod(formData, { schema: appointByEmailSchema });
    if (submission.status !== "success") return rejectForm(formId, submission);
    const outcome = await appointModeratorByEmail(
      user,
      platform.id,
      group.id,
      submission.value.email,
    );
    if (!outcome.ok) return rejectForm(formId, submission, outcome);
    return redirectWithNotice(here, "groupModeratorAppointed");
  }
  if (typeof intent !== "string" || !MODERATOR_INTENTS.includes(intent as ModeratorAction)) {
    badRequest();
  }
  if (!canModerateGroup(actor)) forbidden();
  const schema = intent === "remove" ? removeReasonSchema : optionalReasonSchema;
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return rejectForm(formId, submission);
  const outcome = await moderateMembership(
    user,
    platform.id,
    group.id,
    String(formData.get("membershipId") ?? ""),
    intent as ModeratorAction,
    submission.value.reason,
  );
  if (!outcome.ok) return rejectForm(formId, submission, outcome);
  return redirectWithNotice(here, outcome.value.notice);
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function RequestRow({ request }: { request: Data["requests"][number] }) {
  const { t } = useTranslation("groups");
  return (
    <li className="card stack">
      <p>
        <strong>{request.name}</strong> <span className="muted">({request.email})</span>
        <br />
        <span className="muted">{t("members.requestedOn", { date: request.requestedOn })}</span>
      </p>
      <RequestAnswerForms ns="groups" membershipId={request.membershipId} name={request.name} />
    </li>
  );
}

function MemberControls({
  member,
  canStepDown,
  isMe,
}: {
  member: Data["members"][number];
  canStepDown: boolean;
  isMe: boolean;
}) {
  const { t } = useTranslation("groups");
  const removeId = `remove-${member.membershipId}`;
  // Open again when the server sent the form back with an error, so it is seen.
  const removeAnswered = useAnswered(removeId);
  const moderator = member.role === "moderator";
  return (
    <div className="stack">
      {!moderator || canStepDown ? (
        <RepeatedForm<typeof optionalReasonSchema> id={`role-${member.membershipId}`}>
          {(form) => (
            <Form method="post" {...getFormProps(form)}>
              <FormErrors id={form.errorId} errors={form.errors} />
              <input type="hidden" name="_form" value={form.id} />
              <input type="hidden" name="membershipId" value={member.membershipId} />
              <button
                type="submit"
                name="intent"
                value={moderator ? "stepDown" : "appoint"}
                className="button secondary"
              >
                {moderator
                  ? t("members.stepDown", { name: member.name })
                  : t("members.appoint", { name: member.name })}
              </button>
            </Form>
          )}
        </RepeatedForm>
      ) : null}
      {!isMe ? (
        <details open={removeAnswered || undefined}>
          <summary>{t("members.remove", { name: member.name })}</summary>
          <RepeatedForm<typeof removeReasonSchema> id={removeId}>
            {(form, fields) => (
              <Form method="post" {...getFormProps(form)} noValidate className="stack">
                <FormErrors id={form.errorId} errors={form.errors} />
                <input type="hidden" name="_form" value={form.id} />
                <input type="hidden" name="membershipId" value={member.membershipId} />
                <TextField
                  meta={fields.reason}
                  label={t("members.removeReason")}
                  hint={t("members.removeReasonHint")}
                />
                <button type="submit" name="intent" value="remove" className="button danger">
                  {t("members.removeConfirm", { name: member.name })}
                </button>
              </Form>
            )}
          </RepeatedForm>
        </details>
      ) : null}
    </div>
  );
}

export default function GroupMembersPage() {
  const { t } = useTranslation("groups");
  const data = useLoaderData<typeof loader>();
  const base = `/platforms/${data.platform.slug}/groups`;
  const here = `${base}/${data.group.id}/members`;
  return (
    <div className="stack">
      <p>
        <Link to={`${base}/${data.group.id}`}>← {data.group.name}</Link>
      </p>
      <DoneNotice />
      <h1>{t("members.title", { name: data.group.name })}</h1>
      <MembershipForm
        slug={data.platform.slug}
        groupId={data.group.id}
        mode={data.mode}
        back={here}
      />
      {data.canEdit ? (
        <p>
          <Link to={`${base}/${data.group.id}/edit`}>{t("members.editLink")}</Link>
        </p>
      ) : null}

      {data.moderator ? (
        <section aria-labelledby="requests-heading" className="stack">
          <h2 id="requests-heading">{t("members.requests", { count: data.requests.length })}</h2>
          {data.requests.length === 0 ? <p className="muted">{t("members.noRequests")}</p> : null}
          <ul className="stack">
            {data.requests.map((r) => (
              <RequestRow key={r.membershipId} request={r} />
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="members-heading" className="stack">
        <h2 id="members-heading">{t("members.active", { count: data.total })}</h2>
        {data.members.length === 0 ? <p className="muted">{t("members.none")}</p> : null}
        <ul className="stack member-list">
          {data.members.map((m) => (
            <li key={m.membershipId} className="card stack">
              <p>
                <strong>{m.name}</strong> <span className="badge">{t(`roles.${m.role}`)}</span>
              </p>
              {data.moderator ? (
                <MemberControls member={m} canStepDown={data.moderatorCount > 1} isMe={m.isMe} />
              ) : null}
            </li>
          ))}
        </ul>
        <Pager page={data.page} pages={data.pages} />
      </section>

      {data.canAppointByEmail ? (
        <section aria-labelledby="appoint-heading" className="stack">
          <h2 id="appoint-heading">{t("appoint.heading")}</h2>
          <AppointByEmailForm />
        </section>
      ) : null}
    </div>
  );
}
