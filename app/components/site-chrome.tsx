import { Form, NavLink, useLocation, useRouteLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import type { loader as rootLoader } from "~/root";

function LanguageSwitcher() {
  const data = useRouteLoaderData<typeof rootLoader>("root");
  const { t } = useTranslation();
  const location = useLocation();
  if (!data) return null;
  return (
    // A full page load, so every string on the page comes back in the new language.
    <Form method="post" action="/language" reloadDocument className="language-switcher">
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <span className="visually-hidden">{t("layout.language")}</span>
      {data.languages.map((l) =>
        l.code === data.locale ? (
          <span key={l.code} lang={l.code} aria-current="true" className="current-language">
            {l.name}
          </span>
        ) : (
          <button
            key={l.code}
            type="submit"
            name="lng"
            value={l.code}
            lang={l.code}
            className="link-button"
          >
            {l.name}
          </button>
        ),
      )}
    </Form>
  );
}

export function SiteHeader() {
  const data = useRouteLoaderData<typeof rootLoader>("root");
  const { t } = useTranslation();
  const user = data?.user;
  return (
    <header className="site-header">
      <a href="#main" className="skip-link">
        {t("layout.skip")}
      </a>
      <div className="header-row">
        <Link to="/" className="brand">
          Minga
        </Link>
        <LanguageSwitcher />
      </div>
      <nav aria-label={t("layout.mainNav")}>
        <ul className="nav-list">
          <li>
            <NavLink to="/platforms">{t("layout.platforms")}</NavLink>
          </li>
          <li>
            <NavLink to="/courses">{t("layout.courses")}</NavLink>
          </li>
          {user ? (
            <>
              {user.isAdmin ? (
                <li>
                  <NavLink to="/admin">{t("layout.admin")}</NavLink>
                </li>
              ) : null}
              <li>
                <NavLink to="/account">{t("layout.account")}</NavLink>
              </li>
              <li>
                <Form method="post" action="/logout">
                  <button type="submit" className="link-button">
                    {t("layout.logout")}
                  </button>
                </Form>
              </li>
            </>
          ) : (
            <>
              <li>
                <NavLink to="/login">{t("layout.login")}</NavLink>
              </li>
              <li>
                <NavLink to="/signup">{t("layout.signup")}</NavLink>
              </li>
            </>
          )}
        </ul>
      </nav>
    </header>
  );
}

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p>{t("layout.footer")}</p>
    </footer>
  );
}
