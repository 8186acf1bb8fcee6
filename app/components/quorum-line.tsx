import { useTranslation } from "~/i18n/use-translation";
import type { Quorum } from "~/meetings/quorum.server";

/**
 * "18 of 40 members present — quorum 50 % not reached", plus walk-ins apart. Before any
 * attendance is taken it only says what is needed, neutrally (`quorum.pending`).
 */
export function QuorumLine({ quorum }: { quorum: Quorum }) {
  const { t } = useTranslation("meetings");
  const others =
    quorum.otherParticipants > 0 ? t("quorum.others", { count: quorum.otherParticipants }) : null;
  if (quorum.pending) {
    return (
      <div className="quorum pending" role="status">
        <p>
          <strong>
            {t("quorum.needs", {
              required: quorum.required,
              eligible: quorum.eligible,
              percent: quorum.quorumPercent,
            })}
          </strong>
        </p>
        {others ? <p className="muted">{others}</p> : null}
      </div>
    );
  }
  return (
    <div className={`quorum ${quorum.reached ? "reached" : "not-reached"}`} role="status">
      <p>
        <strong>
          {t(quorum.reached ? "quorum.reached" : "quorum.notReached", {
            present: quorum.present,
            eligible: quorum.eligible,
            percent: quorum.quorumPercent,
          })}
        </strong>
      </p>
      <p className="muted">
        {t("quorum.required", { required: quorum.required })} {others}
      </p>
    </div>
  );
}
