import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";

interface MeetingRow {
  id: string;
  title: string;
  /** Already formatted on the server, in the reader's language and the platform's zone. */
  when: string;
  place: string | null;
  onlineUrl: string | null;
  status: string;
}

export function MeetingList({
  meetings,
  platformSlug,
}: {
  meetings: MeetingRow[];
  platformSlug: string;
}) {
  const { t } = useTranslation("meetings");
  if (meetings.length === 0) return <p className="muted">{t("none")}</p>;
  return (
    <ul className="meeting-list">
      {meetings.map((m) => (
        <li key={m.id}>
          <Link to={`/platforms/${platformSlug}/meetings/${m.id}`}>{m.title}</Link>
          {m.status !== "scheduled" ? (
            <span className={`badge ${m.status}`}> {t(`status.${m.status}`)}</span>
          ) : null}
          <br />
          <span className="muted">
            {m.when}
            {m.place ? ` · ${m.place}` : m.onlineUrl ? ` · ${t("online")}` : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}
