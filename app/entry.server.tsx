import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { createInstance } from "i18next";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { NonceProvider } from "./components/nonce";
import { i18nOptions } from "./i18n/config";
import { resolveLocale } from "./i18n/i18next.server";
import { memoizeTranslations } from "./i18n/memo-translations.server";
import { namespaces, resources, supportedLanguages } from "./i18n/resources.server";

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const locale = await resolveLocale(request, loadContext.user);
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({
    ...i18nOptions,
    lng: locale,
    ns: namespaces,
    supportedLngs: supportedLanguages,
    resources,
  });
  memoizeTranslations(i18n);
  const nonce = loadContext.cspNonce;
  // The whole page as one string, not a stream (decision 041): no page waits on anything
  // (no `defer`, no Suspense), so React's stream held nothing back, and passing a page on
  // in pieces cost a third of the server's time for it.
  const html = renderToString(
    <NonceProvider value={nonce}>
      <I18nextProvider i18n={i18n}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </I18nextProvider>
    </NonceProvider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  responseHeaders.set("Content-Language", locale);
  responseHeaders.set("Vary", "Cookie, Accept-Language");
  return new Response(`<!DOCTYPE html>${html}`, {
    headers: responseHeaders,
    status: responseStatusCode,
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(error);
}
