import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { Pager } from "~/components/pager";
import { usePersonName } from "~/components/person-name";
import { forbidden, requireUser } from "~/auth/guards.server";
import type { RouteHandle } from "~/components/page-title";
import { db } from "~/db.server";
import { placeOfPost, withPlace } from "~/discussions/read.server";
import { reportQueue } from "~/groups/forum.server";
import { groupText, requireReadableGroup } from "~/groups/groups.server";
import { canModerateGroup } from "~/groups/rules";
import { pageFromUrl } from "~/http/pagination";
import { summarize } from "~/http/share-meta";
import { formatDateTime } from "~/i18n/format";
import { resolveLocale } from "~/i18n/i18next.server";
import { requirePlatform } from "~/platforms/platforms.server";

export const handle: RouteHandle = { pageTitle: (t) => t("forums:reports.title") };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  // A reader of the group who is not its moderator is refused (403); anyone who may not
  // read it learns nothing (404, as for a group that does not exist).
  const { group, actor } = await requireReadableGroup(
    db,
    context.user,
    platform.id,
    params.groupId ?? "",
  );
  const user = requireUser(request, context);
  if (!canModerateGroup(actor)) forbidden();
  const locale = await resolveLocale(request, user);
  const queue = await reportQueue(db, group, actor, pageFromUrl(request.url));
  const base = `/platforms/${platform.slug}/groups/${group.id}`;
  // Each post where it shows in its thread (a later page, or its post's replies): a page of
  // the queue at most, so a bounded number of look-ups.
  const places = await Promise.all(queue.entries.map((e) => placeOfPost(db, e.postId)));
  return json({
    platform: { slug: platform.slug },
    group: { id: group.id, name: groupText(group, locale).name },
    page: queue.page,
    pages: queue.pages,
    queue: queue.entries.map((e, i) => ({
      postId: e.postId,
      href: `${withPlace(`${base}/threads/${e.threadId}`, places[i]!)}#post-${e.postId}`,
      threadId: e.threadId,
      threadTitle: e.threadTitle,
      author: e.author,
      excerpt: summarize(e.body, 160),
      postedAt: formatDateTime(e.postedAt, locale, platform.timeZone),
      reasons: e.reasons,
    })),
  });
}

export default function GroupReportsPage() {
  const { t } = useTranslation("forums");
  const personName = usePersonName();
  const { t: td } = useTranslation("discussions");
  const { platform, group, queue, page, pages } = useLoaderData<typeof loader>();
  const base = `/platforms/${platform.slug}/groups/${group.id}`;
  return (
    <div className="stack">
      <p>
        <Link to={base}>← {group.name}</Link>
      </p>
      <h1>{t("reports.title")}</h1>
      {queue.length === 0 ? <p className="muted">{t("reports.none")}</p> : null}
      <ul className="plain-list stack">
        {queue.map((e) => {
          const threadPath = `${base}/threads/${e.threadId}`;
          return (
            <li key={e.postId} className="card stack">
              <h2 className="card-title">
                <Link to={e.href}>{t("reports.postIn", { thread: e.threadTitle })}</Link>
              </h2>
              <p className="muted">
                {t("byAuthor", { name: personName(e.author) })} · {e.postedAt}
              </p>
              <blockquote>{e.excerpt}</blockquote>
              <p>{td("reported", { count: e.reasons.length })}</p>
              <ul>
                {e.reasons.map((reason, i) => (
                  <li key={i}>{reason}</li>
                ))}
              </ul>
              <Form method="post" action={threadPath}>
                <input type="hidden" name="_form" value={`dismiss-${e.postId}`} />
                <input type="hidden" name="postId" value={e.postId} />
                <button type="submit" name="intent" value="dismissReports" className="button">
                  {td("dismissReports")}
                </button>
              </Form>
              <p className="hint">{t("reports.hideOnThread")}</p>
            </li>
          );
        })}
      </ul>
      <Pager page={page} pages={pages} />
    </div>
  );
}
