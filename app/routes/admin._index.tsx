import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { requireAdmin } from "~/auth/guards.server";
import { DoneNotice } from "~/components/notice";
import type { RouteHandle } from "~/components/page-title";
import { resolveLocale } from "~/i18n/i18next.server";
import { listPlatforms } from "~/platforms/platforms.server";
import { TableScroll } from "~/components/table-scroll";

export const handle: RouteHandle = { pageTitle: (t) => t("admin:title") };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireAdmin(request, context);
  const locale = await resolveLocale(request, user);
  return json({ platforms: await listPlatforms(locale) });
}

export default function AdminPage() {
  const { t } = useTranslation("admin");
  const { platforms } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <DoneNotice />
      <h1>{t("title")}</h1>
      <ul className="link-row">
        <li>
          <Link to="/admin/platforms/new" className="button primary">
            {t("newPlatform")}
          </Link>
        </li>
        <li>
          <Link to="/admin/audit">{t("auditLog")}</Link>
        </li>
        <li>
          <Link to="/admin/reports">{t("reports:link")}</Link>
        </li>
      </ul>
      <h2>{t("platforms")}</h2>
      <TableScroll>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("platformName")}</th>
              <th scope="col">{t("activeMembers")}</th>
              <th scope="col">{t("actionsColumn")}</th>
            </tr>
          </thead>
          <tbody>
            {platforms.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`/platforms/${p.slug}`}>{p.name}</Link>
                </td>
                <td>{p.activeMembers}</td>
                <td>
                  <Link to={`/admin/platforms/${p.slug}`}>{t("edit")}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
