import type { MetaDescriptor } from "@remix-run/node";

/**
 * What a shared link shows (WhatsApp, social networks): a meta description and Open Graph
 * tags, built the same way on every public page. Loaders return a `Share`; `meta` exports
 * turn it into tags with `shareMeta`.
 */
export interface Share {
  title: string;
  description: string;
  /** Absolute address of the page. */
  url: string;
  siteName: string;
  /** Open Graph locale, e.g. "es_EC". */
  locale: string;
  type?: "website" | "article";
}

export const DESCRIPTION_MAX = 200;

/** Whitespace collapsed and cut at a word near `max` characters, with an ellipsis. */
export function summarize(text: string, max = DESCRIPTION_MAX): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:–—-]+$/, "")}…`;
}

export function shareMeta(share: Share | null | undefined): MetaDescriptor[] {
  if (!share) return [];
  const description = summarize(share.description);
  return [
    { name: "description", content: description },
    { property: "og:type", content: share.type ?? "website" },
    { property: "og:title", content: share.title },
    { property: "og:description", content: description },
    { property: "og:url", content: share.url },
    { property: "og:site_name", content: share.siteName },
    { property: "og:locale", content: share.locale },
  ];
}
