import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { notFound } from "~/auth/guards.server";
import { ErrorList, FormErrors } from "~/components/form-fields";
import type { RouteHandle } from "~/components/page-title";
import { useFormFor } from "~/components/use-form-for";
import { useOptionLabel } from "~/components/vote-option-label";
import { rejectForm, redirectWithNotice } from "~/forms/respond.server";
import { formatDateTime } from "~/i18n/format";
import { resolveLocale } from "~/i18n/i18next.server";
import { requirePlatformRole } from "~/platforms/permissions.server";
import { requirePlatform } from "~/platforms/platforms.server";
import { tallySchema } from "~/votes/schemas";
import { recordTally, tallyContext } from "~/votes/tally.server";
import { voteWithProposal } from "~/votes/votes.server";

export const handle: RouteHandle = { pageTitle: (t) => t("votes:tallyTitle") };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const user = await requirePlatformRole(request, context, platform.id, "facilitator");
  const vote = await voteWithProposal(platform.id, params.proposalId ?? "");
  if (!vote) notFound();
  const locale = await resolveLocale(request, user);
  // Who was present is read for the meeting chosen (a plain GET), not for every candidate.
  const chosen = new URL(request.url).searchParams.get("meeting");
  const { meetings } = await tallyContext(platform.id, vote.id, chosen);
  return json({
    platform: { slug: platform.slug },
    proposal: { id: vote.proposalId, title: vote.proposal.title },
    closed: !!vote.closedAt,
    options: vote.options.map((o) => ({ id: o.id, code: o.code, label: o.label })),
    meetings: meetings.map((m) => ({
      ...m,
      when: formatDateTime(m.startsAt, locale, platform.timeZone),
    })),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const user = await requirePlatformRole(request, context, platform.id, "facilitator");
  const vote = await voteWithProposal(platform.id, params.proposalId ?? "");
  if (!vote) notFound();
  const submission = parseWithZod(await request.formData(), { schema: tallySchema });
  if (submission.status !== "success") return rejectForm("tally", submission);
  const outcome = await recordTally(user, platform.id, vote.id, submission.value);
  if (!outcome.ok) return rejectForm("tally", submission, outcome);
  return redirectWithNotice(
    `/platforms/${platform.slug}/proposals/${vote.proposalId}`,
    "tallyRecorded",
  );
}

export default function TallyPage() {
  const { t } = useTranslation("votes");
  const label = useOptionLabel();
  const { platform, proposal, closed, options, meetings } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const [form, fields] = useFormFor<typeof tallySchema>("tally");
  const back = `/platforms/${platform.slug}/proposals/${proposal.id}`;
  // Choosing the meeting is a plain GET, so the form below knows who was present. After a
  // refusal the meeting comes from the form that was sent.
  const sentMeeting = form.initialValue?.meetingId as string | undefined;
  const meeting = meetings.find((m) => m.id === (sentMeeting ?? params.get("meeting"))) ?? null;
  // After a refusal, the numbers and ticks as typed, not as stored.
  const sentCounts = form.initialValue?.count as Record<string, string> | undefined;
  const sent = form.initialValue ? [form.initialValue.inPerson ?? []].flat() : null;
  const members = meeting?.members ?? [];
  if (closed) {
    return (
      <div className="narrow stack">
        <h1>{t("tallyTitle")}</h1>
        <p>{t("errors.closed")}</p>
        <Link to={back}>← {proposal.title}</Link>
      </div>
    );
  }
  return (
    <div className="narrow stack">
      <p>
        <Link to={back}>← {proposal.title}</Link>
      </p>
      <h1>{t("tallyTitle")}</h1>
      <p>{t("tallyHelp")}</p>
      <Form method="get" className="stack">
        {/* Radios with the full title, date and time: several assemblies on one day stay
            distinguishable on a phone, where a select cuts its options short. */}
        <fieldset className="stack">
          <legend>{t("tallyMeeting")}</legend>
          {meetings.map((m) => (
            <label key={m.id} className="checkbox-row">
              <input
                type="radio"
                name="meeting"
                value={m.id}
                defaultChecked={m.id === meeting?.id}
              />{" "}
              {m.title} — {m.when} ({t("presentCount", { count: m.present })})
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button">
          {t("useMeeting")}
        </button>
      </Form>
      {meeting ? (
        <Form method="post" {...getFormProps(form)} noValidate className="stack">
          <h2>{t("tallyFor", { meeting: meeting.title, when: meeting.when })}</h2>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="_form" value="tally" />
          <input type="hidden" name="meetingId" value={meeting.id} />
          <p className="notice">
            {t("presentAt", { count: meeting.present, meeting: meeting.title })}
          </p>
          <fieldset>
            <legend>{t("handsPerOption")}</legend>
            {options.map((o) => (
              <div key={o.id} className="field">
                <label htmlFor={`count-${o.id}`}>{label(o)}</label>
                <input
                  id={`count-${o.id}`}
                  name={`count.${o.id}`}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  defaultValue={sentCounts?.[o.id] ?? meeting.counts[o.id] ?? 0}
                  aria-invalid={form.allErrors[`count.${o.id}`] ? true : undefined}
                  aria-describedby={
                    form.allErrors[`count.${o.id}`] ? `count-${o.id}-error` : undefined
                  }
                />
                <ErrorList id={`count-${o.id}-error`} errors={form.allErrors[`count.${o.id}`]} />
              </div>
            ))}
            <ErrorList id={fields.count.errorId} errors={fields.count.errors} />
          </fieldset>
          <fieldset>
            <legend>{t("inPersonMembers")}</legend>
            <p className="hint">{t("inPersonHint")}</p>
            {members.length === 0 ? <p className="muted">{t("noPresentMembers")}</p> : null}
            {members.map((m) => (
              <label key={m.participantId} className="checkbox-row">
                <input
                  type="checkbox"
                  name="inPerson"
                  value={m.participantId}
                  defaultChecked={(sent ?? meeting.inPerson ?? []).includes(m.participantId)}
                />{" "}
                {m.name}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button primary">
            {t("saveTally")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
