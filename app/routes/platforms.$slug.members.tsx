import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { badRequest, forbidden, requireUser } from "~/auth/guards.server";
import { FormErrors, SelectField, TextField } from "~/components/form-fields";
import { DoneNotice } from "~/components/notice";
import type { RouteHandle } from "~/components/page-title";
import { RepeatedForm, useAnswered } from "~/components/repeated-form";
import { RequestAnswerForms } from "~/components/request-answer-forms";
import { formIdOf, rejectForm, redirectWithNotice } from "~/forms/respond.server";
import { Pager } from "~/components/pager";
import { pageFromUrl } from "~/http/pagination";
import { resolveLocale } from "~/i18n/i18next.server";
import { formatDate } from "~/i18n/format";
import {
  changeRole,
  decideRequest,
  listActiveMembers,
  listPendingRequests,
  removeMember,
} from "~/platforms/membership.server";
import { canAddMembersWithoutAccount, seesAccountMarker } from "~/platforms/member-rules";
import { requirePlatformRole, viewerOf } from "~/platforms/permissions.server";
import { requirePlatform } from "~/platforms/platforms.server";
import { optionalReasonSchema, reasonSchema, roleSchema } from "~/platforms/schemas";
import { ROLES } from "~/platforms/choices";
import { SearchForm } from "~/components/search-form";
import { TableScroll } from "~/components/table-scroll";

export const handle: RouteHandle = { pageTitle: (t) => t("platforms:members.title") };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const user = requireUser(request, context);
  const viewer = await viewerOf(user, platform.id);
  // The directory is for the platform's own members.
  if (!viewer.isMember) forbidden();
  const locale = await resolveLocale(request, user);
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  const [directory, pending] = await Promise.all([
    listActiveMembers(platform.id, q, pageFromUrl(request.url)),
    viewer.canCoordinate
      ? listPendingRequests(platform.id, pageFromUrl(request.url, "requests"))
      : null,
  ]);
  return json({
    platform: { slug: platform.slug, name: platform.name },
    q,
    // Whether someone has an account is shown to coordinators only (member-rules.ts).
    members: directory.members.map(({ hasAccount, participantId, ...m }) =>
      seesAccountMarker(viewer) ? { ...m, withoutAccount: !hasAccount, participantId } : m,
    ),
    mayAddWithoutAccount: canAddMembersWithoutAccount(viewer),
    membersPage: { page: directory.page, pages: directory.pages, total: directory.total },
    pending: (pending?.requests ?? []).map((p) => ({
      ...p,
      requestedOn: formatDate(p.requestedAt, locale, platform.timeZone),
    })),
    pendingPage: {
      page: pending?.page ?? 1,
      pages: pending?.pages ?? 1,
      total: pending?.total ?? 0,
    },
    viewer,
    myId: user.id,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const actor = await requirePlatformRole(request, context, platform.id, "coordinator");
  const formData = await request.formData();
  const formId = formIdOf(formData);
  const membershipId = String(formData.get("membershipId") ?? "");
  const here = `/platforms/${platform.slug}/members`;

  switch (formData.get("intent")) {
    case "approve": {
      const submission = parseWithZod(formData, { schema: optionalReasonSchema });
      const outcome = await decideRequest(actor, platform.id, membershipId, "approve");
      if (!outcome.ok) return rejectForm(formId, submission, outcome);
      return redirectWithNotice(here, "approved");
    }
    case "reject": {
      const submission = parseWithZod(formData, { schema: optionalReasonSchema });
      if (submission.status !== "success") return rejectForm(formId, submission);
      const outcome = await decideRequest(
        actor,
        platform.id,
        membershipId,
        "reject",
        submission.value.reason,
      );
      if (!outcome.ok) return rejectForm(formId, submission, outcome);
      return redirectWithNotice(here, "rejected");
    }
    case "role": {
      const submission = parseWithZod(formData, { schema: roleSchema });
      if (submission.status !== "success") return rejectForm(formId, submission);
      const outcome = await changeRole(actor, platform.id, membershipId, submission.value.role);
      if (!outcome.ok) return rejectForm(formId, submission, outcome);
      return redirectWithNotice(here, "roleChanged");
    }
    case "remove": {
      const submission = parseWithZod(formData, { schema: reasonSchema });
      if (submission.status !== "success") return rejectForm(formId, submission);
      const outcome = await removeMember(actor, platform.id, membershipId, submission.value.reason);
      if (!outcome.ok) return rejectForm(formId, submission, outcome);
      return redirectWithNotice(here, "removed");
    }
  }
  badRequest();
}

type PendingRow = ReturnType<typeof useLoaderData<typeof loader>>["pending"][number];
type MemberRow = ReturnType<typeof useLoaderData<typeof loader>>["members"][number];

function PendingRequest({ request }: { request: PendingRow }) {
  const { t } = useTranslation("platforms");
  return (
    <li className="card stack">
      <p>
        <strong>{request.name}</strong> <span className="muted">({request.email})</span>
        <br />
        <span className="muted">{t("members.requestedOn", { date: request.requestedOn })}</span>
      </p>
      {request.note ? <blockquote>{request.note}</blockquote> : null}
      <RequestAnswerForms ns="platforms" membershipId={request.membershipId} name={request.name} />
    </li>
  );
}

function MemberControls({ member }: { member: MemberRow }) {
  const { t } = useTranslation("platforms");
  const roleId = `role-${member.membershipId}`;
  const removeId = `remove-${member.membershipId}`;
  // Unfolded when the server answered one of its forms: the error is not hidden.
  const answered = useAnswered(roleId, removeId);
  return (
    <details open={answered || undefined}>
      <summary>{t("members.manage", { name: member.name })}</summary>
      <RepeatedForm<typeof roleSchema> id={roleId} defaultValue={{ role: member.role }}>
        {(form, fields) => (
          <Form method="post" {...getFormProps(form)} noValidate>
            <FormErrors id={form.errorId} errors={form.errors} />
            <input type="hidden" name="_form" value={form.id} />
            <input type="hidden" name="membershipId" value={member.membershipId} />
            <SelectField
              meta={fields.role}
              label={t("members.role")}
              options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            />
            <button type="submit" name="intent" value="role" className="button">
              {t("members.saveRole")}
            </button>
          </Form>
        )}
      </RepeatedForm>
      <RepeatedForm<typeof reasonSchema> id={removeId}>
        {(form, fields) => (
          <Form method="post" {...getFormProps(form)} noValidate>
            <FormErrors id={form.errorId} errors={form.errors} />
            <input type="hidden" name="_form" value={form.id} />
            <input type="hidden" name="membershipId" value={member.membershipId} />
            <TextField meta={fields.reason} label={t("members.removeReason")} />
            <button type="submit" name="intent" value="remove" className="button danger">
              {t("members.remove", { name: member.name })}
            </button>
          </Form>
        )}
      </RepeatedForm>
    </details>
  );
}

export default function MembersPage() {
  const { t } = useTranslation("platforms");
  const {
    platform,
    q,
    members,
    membersPage,
    pending,
    pendingPage,
    viewer,
    myId,
    mayAddWithoutAccount,
  } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <p>
        <Link to={`/platforms/${platform.slug}`}>← {platform.name}</Link>
      </p>
      <DoneNotice />
      <h1>{t("members.title")}</h1>
      {viewer.canCoordinate ? (
        <section aria-labelledby="pending-heading">
          <h2 id="pending-heading">{t("members.pendingHeading", { count: pendingPage.total })}</h2>
          {pending.length === 0 ? <p className="muted">{t("members.noPending")}</p> : null}
          <ul className="plain-list stack">
            {pending.map((p) => (
              <PendingRequest key={p.membershipId} request={p} />
            ))}
          </ul>
          <Pager page={pendingPage.page} pages={pendingPage.pages} param="requests" />
        </section>
      ) : null}
      <section aria-labelledby="directory-heading">
        <h2 id="directory-heading">
          {t("members.directoryHeading", { count: membersPage.total })}
        </h2>
        <p className="hint">{t("members.privacy")}</p>
        {mayAddWithoutAccount ? (
          <p>
            <Link to={`/platforms/${platform.slug}/members/new`} className="button">
              {t("members.addWithoutAccount")}
            </Link>
          </p>
        ) : null}
        <SearchForm
          id="member-q"
          label={t("members.search")}
          button={t("members.searchSubmit")}
          defaultValue={q}
        />
        <TableScroll>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("members.name")}</th>
                <th scope="col">{t("members.community")}</th>
                <th scope="col">{t("members.role")}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.membershipId}>
                  <td>
                    {"withoutAccount" in m && m.withoutAccount ? (
                      <>
                        <Link to={`/platforms/${platform.slug}/people/${m.participantId}`}>
                          {m.name}
                        </Link>{" "}
                        <span className="badge">{t("members.noAccount")}</span>
                      </>
                    ) : (
                      m.name
                    )}
                    {viewer.canCoordinate && m.userId !== myId ? (
                      <MemberControls member={m} />
                    ) : null}
                  </td>
                  <td>{m.community ?? "—"}</td>
                  <td>{t(`roles.${m.role}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <Pager page={membersPage.page} pages={membersPage.pages} />
      </section>
    </div>
  );
}
