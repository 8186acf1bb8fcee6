import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { FormErrors } from "~/components/form-fields";
import { DoneNotice } from "~/components/notice";
import type { RouteHandle } from "~/components/page-title";
import { QuorumLine } from "~/components/quorum-line";
import { useFormFor } from "~/components/use-form-for";
import { rejectForm, redirectWithNotice } from "~/forms/respond.server";
import { publicUrl } from "~/http/public-url.server";
import { shareMeta } from "~/http/share-meta";
import { shareFor } from "~/http/share.server";
import { formatDateTime, formatTime } from "~/i18n/format";
import { resolveLocale } from "~/i18n/i18next.server";
import { getMeetingWithAgenda, rsvpSummary, setRsvp } from "~/meetings/meetings.server";
import { quorumForMeeting } from "~/meetings/quorum.server";
import { rsvpSchema } from "~/meetings/schemas";
import { RSVP_ANSWERS } from "~/meetings/choices";
import { acceptsRsvp } from "~/meetings/upcoming";
import { requirePlatformRole, viewerOf } from "~/platforms/permissions.server";
import { requirePlatform } from "~/platforms/platforms.server";
import { proposalsRaisedAt } from "~/proposals/proposals.server";

export const handle: RouteHandle = {
  pageTitle: (_t, data) =>
    (data as { meeting?: { title: string } } | undefined)?.meeting?.title ?? "",
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const meeting = await getMeetingWithAgenda(platform.id, params.meetingId ?? "");
  const locale = await resolveLocale(request, context.user);
  const [viewer, quorum, rsvp, proposals] = await Promise.all([
    viewerOf(context.user, platform.id),
    quorumForMeeting(meeting, platform.quorumPercent),
    rsvpSummary(meeting.id, context.user?.id ?? null),
    proposalsRaisedAt(meeting.id),
  ]);
  const path = `/platforms/${platform.slug}/meetings/${meeting.id}`;
  const url = publicUrl(request, path);
  const when = `${formatDateTime(meeting.startsAt, locale, platform.timeZone)} – ${formatTime(meeting.endsAt, locale, platform.timeZone)}`;
  const shareText = `${meeting.title} — ${when}${meeting.place ? ` — ${meeting.place}` : ""}\n${url}`;
  return json({
    platform: { slug: platform.slug, name: platform.name, timeZone: platform.timeZone },
    meeting: {
      id: meeting.id,
      title: meeting.title,
      description: meeting.description,
      status: meeting.status,
      cancelReason: meeting.cancelReason,
      place: meeting.place,
      onlineUrl: meeting.onlineUrl,
      agenda: meeting.agendaItems.map((a) => a.title),
      minutesPublished: !!meeting.minutesPublishedAt,
      takesRsvp: acceptsRsvp(meeting, new Date()),
    },
    when,
    url,
    whatsapp: `https://wa.me/?text=${encodeURIComponent(shareText)}`,
    share: await shareFor(request, locale, {
      path,
      title: meeting.title,
      description: [when, meeting.place, platform.name, meeting.description]
        .filter(Boolean)
        .join(" · "),
    }),
    quorum,
    rsvp,
    proposals,
    viewer,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => shareMeta(data?.share);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const meeting = await getMeetingWithAgenda(platform.id, params.meetingId ?? "");
  const user = await requirePlatformRole(request, context, platform.id, "member");
  const submission = parseWithZod(await request.formData(), { schema: rsvpSchema });
  if (submission.status !== "success") return rejectForm("rsvp", submission);
  const outcome = await setRsvp(user, platform, meeting.id, submission.value.answer);
  if (!outcome.ok) return rejectForm("rsvp", submission, outcome);
  return redirectWithNotice(`/platforms/${platform.slug}/meetings/${meeting.id}`, "rsvpSaved");
}

function RsvpForm() {
  const { t } = useTranslation("meetings");
  const { rsvp } = useLoaderData<typeof loader>();
  const [form] = useFormFor<typeof rsvpSchema>("rsvp");
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="_form" value="rsvp" />
      <fieldset>
        <legend>{t("rsvp.question")}</legend>
        {rsvp.mine ? (
          <p>{t("rsvp.yourAnswer", { answer: t(`rsvp.answers.${rsvp.mine}`) })}</p>
        ) : null}
        <div className="button-row">
          {RSVP_ANSWERS.map((a) => (
            <button
              key={a}
              type="submit"
              name="answer"
              value={a}
              className={`button${rsvp.mine === a ? " primary" : ""}`}
              aria-pressed={rsvp.mine === a}
            >
              {t(`rsvp.answers.${a}`)}
            </button>
          ))}
        </div>
      </fieldset>
    </Form>
  );
}

export default function MeetingPage() {
  const { t } = useTranslation("meetings");
  const { platform, meeting, when, whatsapp, quorum, rsvp, proposals, viewer } =
    useLoaderData<typeof loader>();
  const base = `/platforms/${platform.slug}/meetings/${meeting.id}`;
  const cancelled = meeting.status === "cancelled";
  return (
    <article className="stack">
      <p>
        <Link to={`/platforms/${platform.slug}/meetings`}>
          ← {t("backToList", { platform: platform.name })}
        </Link>
      </p>
      <DoneNotice />
      <h1>{meeting.title}</h1>
      <p className={`badge ${meeting.status}`}>{t(`status.${meeting.status}`)}</p>
      {cancelled ? (
        <p className="notice warning">{t("cancelledBecause", { reason: meeting.cancelReason })}</p>
      ) : null}
      <dl className="facts">
        <dt>{t("when")}</dt>
        <dd>
          {when} <span className="muted">({platform.timeZone})</span>
        </dd>
        {meeting.place ? (
          <>
            <dt>{t("where")}</dt>
            <dd>{meeting.place}</dd>
          </>
        ) : null}
        {meeting.onlineUrl ? (
          <>
            <dt>{t("online")}</dt>
            <dd>
              <a href={meeting.onlineUrl} rel="nofollow noopener">
                {meeting.onlineUrl}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {meeting.description ? <p className="pre-line">{meeting.description}</p> : null}

      {meeting.agenda.length > 0 ? (
        <section aria-labelledby="agenda-heading">
          <h2 id="agenda-heading">{t("agenda")}</h2>
          <ol>
            {meeting.agenda.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ol>
        </section>
      ) : null}

      {proposals.length > 0 ? (
        <section aria-labelledby="raised-heading">
          <h2 id="raised-heading">{t("proposalsRaised")}</h2>
          <ul>
            {proposals.map((p) => (
              <li key={p.id}>
                <Link to={`/platforms/${platform.slug}/proposals/${p.id}`}>{p.title}</Link> (
                {t(`proposals:states.${p.state}`)})
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="quorum-heading">
        <h2 id="quorum-heading">{t("quorum.heading")}</h2>
        <QuorumLine quorum={quorum} />
      </section>

      {meeting.takesRsvp ? (
        <section aria-labelledby="rsvp-heading">
          <h2 id="rsvp-heading">{t("rsvp.heading")}</h2>
          <p className="muted">
            {t("rsvp.counts", {
              yes: rsvp.counts.yes,
              no: rsvp.counts.no,
              maybe: rsvp.counts.maybe,
            })}
          </p>
          {viewer.isMember ? <RsvpForm /> : <p>{t("rsvp.membersOnly")}</p>}
        </section>
      ) : null}

      <section aria-labelledby="links-heading">
        <h2 id="links-heading">{t("more")}</h2>
        <ul className="link-row">
          {meeting.minutesPublished || viewer.canFacilitate ? (
            <li>
              <Link to={`${base}/minutes`}>{t("minutes.link")}</Link>
            </li>
          ) : null}
          <li>
            <a href={`${base}/calendar.ics`}>{t("addToCalendar")}</a>
          </li>
          <li>
            <a href={whatsapp} rel="noopener">
              {t("shareWhatsapp")}
            </a>
          </li>
          {viewer.canFacilitate && !cancelled ? (
            <>
              <li>
                <Link to={`${base}/attendance`}>{t("attendance.link")}</Link>
              </li>
              <li>
                <Link to={`${base}/sheet`}>{t("sheet.link")}</Link>
              </li>
              {meeting.status === "scheduled" ? (
                <li>
                  <Link to={`${base}/edit`}>{t("edit")}</Link>
                </li>
              ) : null}
            </>
          ) : null}
        </ul>
      </section>
    </article>
  );
}
