import { getFormProps } from "@conform-to/react";
import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { FormErrors, ErrorList, TextField } from "~/components/form-fields";
import { useFormFor } from "~/components/use-form-for";
import { useOptionLabel } from "~/components/vote-option-label";
import type { ProposalPageData, ProposalVoteView } from "~/proposals/page.server";
import type { ballotSchema, closeVoteSchema } from "~/votes/schemas";

type Vote = SerializeFrom<ProposalVoteView>;

function BallotForm({ vote }: { vote: Vote }) {
  const { t } = useTranslation("votes");
  const label = useOptionLabel();
  const [form, fields] = useFormFor<typeof ballotSchema>("ballot");
  if (vote.mine?.inPerson) return <p className="notice">{t("votedInPerson")}</p>;
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="_form" value="ballot" />
      <fieldset>
        <legend>{t("yourBallot")}</legend>
        {vote.mine?.optionId ? (
          <p>
            {t("youChose", {
              option: label(vote.options.find((o) => o.id === vote.mine?.optionId)!),
            })}
          </p>
        ) : null}
        <div className="option-list">
          {vote.options.map((o) => (
            <label key={o.id} className="choice">
              <input
                type="radio"
                name="optionId"
                value={o.id}
                defaultChecked={vote.mine?.optionId === o.id}
              />
              <span>{label(o)}</span>
            </label>
          ))}
        </div>
        <ErrorList id={fields.optionId.errorId} errors={fields.optionId.errors} />
      </fieldset>
      <button type="submit" name="intent" value="ballot" className="button primary">
        {vote.mine?.optionId ? t("changeBallot") : t("castBallot")}
      </button>
      <p className="hint">{vote.secret ? t("secretHint") : t("publicHint")}</p>
    </Form>
  );
}

/** A ballot refused because the vote closed meanwhile: the form is gone, the reason is not. */
function BallotRefusal() {
  const [form] = useFormFor<typeof ballotSchema>("ballot");
  return <FormErrors id={form.errorId} errors={form.errors} />;
}

function CloseVoteForm() {
  const { t } = useTranslation("votes");
  const [form, fields] = useFormFor<typeof closeVoteSchema>("closeVote");
  return (
    <details>
      <summary>{t("closeEarly")}</summary>
      <Form method="post" {...getFormProps(form)} noValidate className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="_form" value="closeVote" />
        <TextField meta={fields.reason} label={t("closeReason")} />
        <button type="submit" name="intent" value="closeVote" className="button danger">
          {t("closeNow")}
        </button>
      </Form>
    </details>
  );
}

/**
 * A proposal's vote as its page shows it: the rules and dates, the ballot form while it is
 * open (members), the tally and early-close links for facilitators and coordinators, the
 * outcome once closed; without a vote, the way to open one (coordinators).
 */
export function VotePanel({
  vote,
  viewer,
  proposal,
  base,
}: {
  vote: Vote | null;
  viewer: Pick<
    SerializeFrom<ProposalPageData["viewer"]>,
    "isMember" | "canFacilitate" | "canCoordinate"
  >;
  proposal: { state: string };
  /** The proposal page's address. */
  base: string;
}) {
  const { t } = useTranslation("votes");
  if (!vote) {
    if (proposal.state === "discussion" && viewer.canCoordinate) {
      return (
        <p>
          <Link to={`${base}/vote`} className="button primary">
            {t("open")}
          </Link>
        </p>
      );
    }
    return <p className="muted">{t("noVote")}</p>;
  }
  return (
    <div className="stack">
      <dl className="facts">
        <dt>{t("ballotKind")}</dt>
        <dd>{vote.secret ? t("secret") : t("public")}</dd>
        <dt>{t("rule")}</dt>
        <dd>{t(`rules.${vote.rule}`)}</dd>
        <dt>{t("opens")}</dt>
        <dd>{vote.opensAt}</dd>
        {vote.closedEarly ? (
          <>
            <dt>{t("closed")}</dt>
            <dd>{t("closedEarlyOn", { when: vote.closedAt, planned: vote.closesAt })}</dd>
          </>
        ) : vote.closedAt ? (
          <>
            <dt>{t("closed")}</dt>
            <dd>{vote.closedAt}</dd>
          </>
        ) : (
          <>
            <dt>{t("closes")}</dt>
            <dd>{vote.closesAt}</dd>
          </>
        )}
      </dl>
      {vote.status === "upcoming" ? (
        <p className="notice">{t("notOpenYet", { when: vote.opensAt })}</p>
      ) : null}
      {vote.status === "open" ? (
        <>
          {viewer.isMember ? <BallotForm vote={vote} /> : <p>{t("membersOnly")}</p>}
          <p className="muted">{t("resultsHidden")}</p>
          <ul className="link-row">
            {viewer.canFacilitate ? (
              <li>
                <Link to={`${base}/tally`}>{t("recordTally")}</Link>
              </li>
            ) : null}
          </ul>
          {viewer.canCoordinate ? <CloseVoteForm /> : null}
        </>
      ) : null}
      {vote.status === "closed" ? <BallotRefusal /> : null}
      {vote.status === "closed" ? (
        <div className={`result-banner ${vote.outcome}`}>
          <p>
            <strong>{t(`outcomes.${vote.outcome}`)}</strong> —{" "}
            {t("participationShort", { count: vote.participation ?? 0 })}
          </p>
          {vote.closedEarly ? (
            <p className="muted">
              {t("closedEarlyOn", { when: vote.closedAt, planned: vote.closesAt })}
              {vote.closeReason ? ` ${t("earlyReason", { reason: vote.closeReason })}` : null}
            </p>
          ) : null}
          <p>
            <Link to={`${base}/result`}>{t("seeResult")}</Link>
          </p>
        </div>
      ) : null}
    </div>
  );
}
