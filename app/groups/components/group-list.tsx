import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { MembershipForm, type MembershipMode } from "./membership-form";

export interface GroupListEntry {
  id: string;
  name: string;
  description: string;
  visibility: string;
  joining: string;
  memberCount: number | null;
  threadCount: number | null;
  unreadCount: number | null;
  myStatus: "member" | "moderator" | "pending" | null;
  mode: MembershipMode | null;
}

/**
 * The groups of a platform as cards. Counts arrive as null when the reader may not see them
 * (a private group they are not in): then the card says "private group" and shows no number.
 */
export function GroupList({
  slug,
  groups,
  back,
  headingLevel = 3,
}: {
  slug: string;
  groups: GroupListEntry[];
  back: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const { t } = useTranslation("groups");
  if (groups.length === 0) return <p className="muted">{t("list.none")}</p>;
  return (
    <ul className="group-list stack">
      {groups.map((g) => {
        // A private group's pages are a 404 to non-members: no link to them.
        const readable =
          g.visibility === "public" || g.myStatus === "member" || g.myStatus === "moderator";
        return (
          <li key={g.id} className="card stack" data-group={g.id}>
            <Heading className="card-title">
              {readable ? <Link to={`/platforms/${slug}/groups/${g.id}`}>{g.name}</Link> : g.name}
            </Heading>
            <p>
              <span className={`badge group-${g.visibility}`}>
                {t(`visibility.${g.visibility}`)}
              </span>{" "}
              <span className="badge">{t(`joining.${g.joining}`)}</span>
              {g.myStatus ? (
                <>
                  {" "}
                  <span className="badge group-status">{t(`status.${g.myStatus}`)}</span>
                </>
              ) : null}
            </p>
            {g.description ? <p>{g.description}</p> : null}
            {g.memberCount !== null && g.threadCount !== null ? (
              <p className="muted group-counts">
                {t("list.members", { count: g.memberCount })} ·{" "}
                {t("list.threads", { count: g.threadCount })}
                {g.unreadCount ? (
                  <>
                    {" · "}
                    <strong>{t("list.unread", { count: g.unreadCount })}</strong>
                  </>
                ) : null}
              </p>
            ) : (
              <p className="muted">{t("list.privateNoCounts")}</p>
            )}
            {readable ? (
              <p>
                <Link to={`/platforms/${slug}/groups/${g.id}/members`}>
                  {t("list.membersLink", { name: g.name })}
                </Link>
              </p>
            ) : null}
            <MembershipForm slug={slug} groupId={g.id} mode={g.mode} back={back} />
          </li>
        );
      })}
    </ul>
  );
}
