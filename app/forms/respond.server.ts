import type { Submission } from "@conform-to/react";
import { json, redirect } from "@remix-run/node";
import { cookiesAreSecure } from "~/auth/session.server";
import type { Refusal } from "./outcome";

/** Which form on the page was sent, so only that form shows the errors. */
export function formIdOf(formData: FormData): string {
  const id = formData.get("_form");
  return typeof id === "string" && id.length <= 100 ? id : "";
}

/** A 400 with the errors (from the schema or the domain) for the form that was sent. */
export function rejectForm(
  formId: string,
  submission: Submission<unknown>,
  refusal?: Refusal,
  hideFields?: string[],
  status = 400,
) {
  return json(
    {
      formId,
      result: submission.reply({
        fieldErrors: refusal?.fieldErrors,
        formErrors: refusal?.formErrors,
        hideFields,
      }),
    },
    { status },
  );
}

/**
 * Notices ("attendance saved") travel in a one-time cookie, never in the address: an address
 * survives a login, a reload or a bookmark and would repeat (or let a link forge) a notice for
 * something that did not just happen. The cookie names the page it is for; the root loader
 * reads it once and clears it.
 */
const NOTICE_COOKIE = "minga_notice";
const NOTICE_SECONDS = 60;
const NOTICE_KEY = /^[a-zA-Z]{1,40}$/;

function noticeCookie(value: string, maxAge: number): string {
  const parts = [
    `${NOTICE_COOKIE}=${value}`,
    "Path=/",
    `Max-Age=${maxAge}`,
    "HttpOnly",
    "SameSite=Lax",
  ];
  if (cookiesAreSecure) parts.push("Secure");
  return parts.join("; ");
}

/** Back to a page after a change, with a notice that page shows once in the reader's language. */
export function redirectWithNotice(path: string, notice: string, init?: ResponseInit): Response {
  const target = new URL(path, "http://minga.invalid");
  const headers = new Headers(init?.headers);
  const value = encodeURIComponent(`${notice}:${target.pathname}`);
  headers.append("Set-Cookie", noticeCookie(value, NOTICE_SECONDS));
  return redirect(`${target.pathname}${target.search}${target.hash}`, { ...init, headers });
}

/**
 * The notice waiting for this page, if any, and the Set-Cookie that clears it (any notice is
 * spent by the first page rendered after it, shown or not).
 */
export function takeNotice(request: Request): { notice: string | null; setCookie: string | null } {
  const raw = (request.headers.get("Cookie") ?? "")
    .split(/;\s*/)
    .find((c) => c.startsWith(`${NOTICE_COOKIE}=`));
  if (!raw) return { notice: null, setCookie: null };
  const setCookie = noticeCookie("", 0);
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw.slice(NOTICE_COOKIE.length + 1));
  } catch {
    return { notice: null, setCookie };
  }
  const at = decoded.indexOf(":");
  const notice = decoded.slice(0, at);
  const forPath = decoded.slice(at + 1);
  const here = new URL(request.url).pathname;
  if (at < 0 || !NOTICE_KEY.test(notice) || forPath !== here) return { notice: null, setCookie };
  return { notice, setCookie };
}

/** A path to come back to, without the "?done=" of old addresses that carried notices. */
export function withoutNotice(path: string): string {
  const url = new URL(path, "http://minga.invalid");
  url.searchParams.delete("done");
  return `${url.pathname}${url.search}${url.hash}`;
}
