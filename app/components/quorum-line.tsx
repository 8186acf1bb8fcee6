import { useTranslation } from "react-i18next";
import type { Quorum } from "~/meetings/quorum.server";

/** "18 of 40 members present — quorum 50 % not reached", plus walk-ins apart. */
export function QuorumLine({ quorum }: { quorum: Quorum }) {
  const { t } = useTranslation("meetings");
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
        {t("quorum.required", { required: quorum.required })}{" "}
        {quorum.otherParticipants > 0
          ? t("quorum.others", { count: quorum.otherParticipants })
          : null}
      </p>
    </div>
  );
}
