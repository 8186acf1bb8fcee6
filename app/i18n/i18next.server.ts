import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { fallbackLanguage, i18nOptions } from "./config";
import { isSupportedLanguage, namespaces, resources, supportedLanguages } from "./resources.server";

export const languageCookie = createCookie("minga_lng", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  // The Express layer adds Secure when the browser speaks HTTPS (app/http/app.server.ts).
  secure: false,
  maxAge: 60 * 60 * 24 * 365,
});

export const i18next = new RemixI18Next({
  detection: {
    supportedLanguages,
    fallbackLanguage,
    cookie: languageCookie,
    // A language in the URL is not honoured: only the saved preference, the
    // cookie and the browser's Accept-Language choose it.
    order: ["cookie", "header"],
  },
  i18next: { ...i18nOptions, resources, ns: namespaces, supportedLngs: supportedLanguages },
});

/** The reader's language: saved preference, else cookie, else Accept-Language, else Spanish. */
export async function resolveLocale(
  request: Request,
  user: { locale: string | null } | null,
): Promise<string> {
  if (user && isSupportedLanguage(user.locale)) return user.locale;
  const detected = await i18next.getLocale(request);
  return isSupportedLanguage(detected) ? detected : fallbackLanguage;
}

type FixedT = Awaited<ReturnType<typeof i18next.getFixedT>>;

// remix-i18next builds and initialises a whole i18next instance on each call (~1 ms, and most
// pages ask once for their sharing tags). The translations are fixed for the life of the
// process, so one function per language and namespace serves every request; only supported
// languages and known namespaces are kept, so the cache cannot grow.
const fixedTs = new Map<string, Promise<FixedT>>();

export function getFixedT(locale: string, ns: string = "common"): Promise<FixedT> {
  if (!isSupportedLanguage(locale) || !namespaces.includes(ns))
    return i18next.getFixedT(locale, ns);
  const key = `${locale}|${ns}`;
  let t = fixedTs.get(key);
  if (!t) {
    t = i18next.getFixedT(locale, ns);
    fixedTs.set(key, t);
    t.catch(() => fixedTs.delete(key));
  }
  return t;
}
