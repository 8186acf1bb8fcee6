import { useLocation } from "@remix-run/react";
import type { AnchorHTMLAttributes } from "react";

type LinkProps = { to: string } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href">;

/**
 * A link as plain HTML. The browser runs no React (decision 040), so Remix's `<Link>` gave
 * nothing but an `<a>`, after resolving its address against the matched routes on the server
 * for every link of every page (decision 047). Addresses are absolute ("/…") or another query
 * of this page ("?…"), written out in full as Remix's were; anything else is a mistake that a
 * page's test shows at once.
 */
export function Link({ to, ...props }: LinkProps) {
  const { pathname } = useLocation();
  return <a href={hrefOf(to, pathname)} {...props} />;
}

/** The address a link shows: a query is this page's ("?" alone is the page without one). */
export function hrefOf(to: string, pathname: string): string {
  if (to.startsWith("/")) return to;
  if (to.startsWith("?")) return to === "?" ? pathname : `${pathname}${to}`;
  throw new Error(`A link's address is absolute or a query: ${to}`);
}
