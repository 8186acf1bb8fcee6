import { useTranslation } from "~/i18n/use-translation";

export interface CompletionSummary {
  attended: number;
  counted: number;
  required: number;
  hours: number;
  remaining: number;
  complete: boolean;
  onTrack: boolean;
}

/** The completion rule spelled out for one person: "7 of 9 sessions attended — you need 75 % (7)…". */
export function CompletionRule({ c, percent }: { c: CompletionSummary; percent: number }) {
  const { t, i18n } = useTranslation("certificates");
  const hours = new Intl.NumberFormat(i18n.language === "es" ? "es-EC" : i18n.language).format(
    c.hours,
  );
  const state = c.complete ? "completed" : c.onTrack ? "onTrack" : "offTrack";
  return (
    <div className="stack">
      {c.counted > 0 ? (
        <p>
          <strong>
            {t("rule.sessions", { count: c.counted, attended: c.attended, counted: c.counted })}
          </strong>
          {" — "}
          {t("rule.needed", { count: c.required, percent })}; {t("rule.excusedNote")}.
        </p>
      ) : (
        <p>{t("rule.noneHeld")}</p>
      )}
      <p>{t("rule.hours", { hours })}</p>
      {c.remaining > 0 ? <p>{t("rule.remaining", { count: c.remaining })}</p> : null}
      <p className={c.complete ? "notice" : undefined}>{t(`state.${state}`)}</p>
    </div>
  );
}
