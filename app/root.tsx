import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Links, Meta, Outlet, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { ErrorPage } from "~/components/error-page";
import { PageTitle } from "~/components/page-title";
import { SiteFooter, SiteHeader } from "~/components/site-chrome";
import { useNonce } from "~/components/nonce";
import { takeNotice } from "~/forms/respond.server";
import { resolveLocale } from "~/i18n/i18next.server";
import { pageScript } from "~/enhance/page-script";
import { languageChoices } from "~/i18n/resources.server";
import stylesUrl from "~/styles.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await resolveLocale(request, context.user);
  const user = context.user ? { name: context.user.name, isAdmin: context.user.isAdmin } : null;
  const { notice, setCookie } = takeNotice(request);
  return json(
    { locale, languages: languageChoices(), user, notice },
    setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined,
  );
}

export type RootData = ReturnType<typeof useRootData>;
export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRootData();
  const { i18n } = useTranslation();
  const nonce = useNonce();
  const locale = data?.locale ?? i18n.language ?? "es";
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <PageTitle />
        <Meta />
        <Links />
      </head>
      <body>
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
        {/* No page loads Remix's client or React in the browser (decision 040): this is all. */}
        {/* eslint-disable-next-line react/no-danger -- our own constant code, no data in it */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: pageScript }} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
