import { getFixedT } from "~/i18n/i18next.server";
import { publicUrl } from "./public-url.server";
import type { Share } from "./share-meta";

const OG_LOCALES: Record<string, string> = { es: "es_EC", en: "en_US" };

/** The sharing data of a public page, in the reader's language, with its absolute address. */
export async function shareFor(
  request: Request,
  locale: string,
  page: { path: string; title: string; description: string; type?: Share["type"] },
): Promise<Share> {
  const t = await getFixedT(locale, "common");
  return {
    title: page.title,
    description: page.description,
    url: publicUrl(request, page.path),
    siteName: t("share.siteName"),
    locale: OG_LOCALES[locale] ?? locale,
    type: page.type,
  };
}
