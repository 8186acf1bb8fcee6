import express from "express";

/**
 * Pure checks the Express layer runs before a request reaches Remix, so malformed
 * requests get a 4xx page instead of an exception deep inside a route.
 */

/** The largest request body accepted: forms here are text, well under this. */
export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * The one address that takes files: a lesson's materials (docs/decisions/013-catalogue-uploads.md).
 * Its multipart body is streamed to the route instead of read here, so a 10 MB file never
 * sits in memory; the route stores it on disk as it arrives.
 */
export const UPLOAD_PATH = /^\/courses\/[^/]+\/lessons\/[^/]+\/materials\/?$/;
/** One 10 MB file, plus the multipart framing and a few short text fields. */
export const MAX_UPLOAD_BODY_BYTES = 10 * 1024 * 1024 + 256 * 1024;
/**
 * Past MAX_UPLOAD_BODY_BYTES the bytes are read and dropped, so the page can still answer
 * "too large" beside the field (a browser shows nothing if the connection is cut while it
 * sends); past this the connection is cut.
 */
export const MAX_UPLOAD_DRAIN_BYTES = 64 * 1024 * 1024;

/** A file upload: a multipart POST to the upload address. */
export function isUploadRequest(
  method: string,
  path: string,
  contentType: string | undefined,
): boolean {
  return (
    method === "POST" &&
    UPLOAD_PATH.test(path) &&
    /^multipart\/form-data\s*;/i.test((contentType ?? "").trim())
  );
}

/** Form shape limits: attendance rosters are the largest real forms (one field per person). */
export const MAX_FIELDS = 5_000;
export const MAX_FIELD_NAME_LENGTH = 200;
export const MAX_FIELD_NAME_DEPTH = 8;

export const FORM_CONTENT_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

export type Refusal = { status: 400 | 413 | 415; kind: "badRequest" | "tooLarge" | "unsupported" };
export const BAD_REQUEST: Refusal = { status: 400, kind: "badRequest" };
export const TOO_LARGE: Refusal = { status: 413, kind: "tooLarge" };
export const UNSUPPORTED: Refusal = { status: 415, kind: "unsupported" };

const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9_-]+)*\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** A Host header names a host (and port) and nothing else; an absent one is allowed (HTTP/1.0). */
export function isValidHost(host: string | undefined): boolean {
  return host === undefined || (host.length <= 255 && HOST.test(host));
}

/** The path must decode: `/%` or `/%zz` would otherwise throw inside routing. */
export function isDecodablePath(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Drops cookies whose name or value is not valid %-encoding (or not a name at all), so a
 * stray cookie set by another app on the same host cannot make every page fail.
 */
export function cleanCookieHeader(header: string | undefined): string | undefined {
  if (!header) return header;
  const kept = header
    .split(";")
    .map((pair) => pair.trim())
    .filter((pair) => {
      const eq = pair.indexOf("=");
      if (eq <= 0) return false;
      try {
        decodeURIComponent(pair.slice(0, eq));
        decodeURIComponent(pair.slice(eq + 1));
        return true;
      } catch {
        return false;
      }
    });
  return kept.length ? kept.join("; ") : undefined;
}

/** Only the two encodings an HTML form sends are accepted for bodies. */
export function isFormContentType(contentType: string | undefined): boolean {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  return FORM_CONTENT_TYPES.includes(type);
}

function isJson(value: string, check: (parsed: unknown) => boolean): boolean {
  try {
    return check(JSON.parse(value));
  } catch {
    return false;
  }
}

/**
 * The fields of a form, checked before any route parses them: a bounded number of
 * names of bounded length and depth ("a.b.c…" and "a[0][0]…" nest objects in conform),
 * and conform's reserved fields well formed. This app uses no conform intents besides
 * validation, so any other intent is refused rather than run (list operations on a
 * crafted payload throw inside the form library).
 */
export function checkFormFields(entries: Iterable<[string, FormDataEntryValue]>): Refusal | null {
  let count = 0;
  for (const [name, value] of entries) {
    count += 1;
    if (count > MAX_FIELDS) return TOO_LARGE;
    if (name.length > MAX_FIELD_NAME_LENGTH) return BAD_REQUEST;
    if ((name.match(/[.[]/g)?.length ?? 0) > MAX_FIELD_NAME_DEPTH) return BAD_REQUEST;
    if (name === "__intent__" || name === "__state__") {
      if (typeof value !== "string") return BAD_REQUEST;
      const ok =
        name === "__state__"
          ? isJson(value, (v) => typeof v === "object" && v !== null)
          : isJson(value, (v) => {
              const intent = v as { type?: unknown; payload?: unknown } | null;
              return (
                typeof intent === "object" &&
                intent !== null &&
                intent.type === "validate" &&
                typeof intent.payload === "object"
              );
            });
      if (!ok) return BAD_REQUEST;
    }
  }
  return null;
}

/**
 * TRUST_PROXY as Express understands it: "true"/"false", a hop count, or a comma-separated
 * list of addresses, subnets and names ("loopback", "linklocal", "uniquelocal").
 * Express reads a bare string as an address list, so "1" and "true" must become a number
 * and a boolean here. An invalid list stops the server at start with a clear message.
 */
export function parseTrustProxy(value: string | undefined): boolean | number | string[] {
  const text = (value ?? "").trim();
  if (!text || /^false$/i.test(text)) return false;
  if (/^true$/i.test(text)) return true;
  if (/^\d+$/.test(text)) return Number(text);
  const list = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  try {
    // Express compiles the setting right away, so this is exactly its own validation.
    express().set("trust proxy", list);
  } catch {
    throw new Error(
      `TRUST_PROXY="${text}" is not valid: use true, false, a number of proxies, or addresses/subnets separated by commas`,
    );
  }
  return list;
}

/** Adds or removes the Secure attribute of one Set-Cookie value. */
export function withSecureFlag(setCookie: string, secure: boolean): string {
  const parts = setCookie
    .split(";")
    .map((p) => p.trim())
    .filter((p, i) => i === 0 || (p && p.toLowerCase() !== "secure"));
  if (secure) parts.push("Secure");
  return parts.join("; ");
}

/**
 * Cookies are Secure exactly when the browser talks HTTPS to us: the request arrived over
 * HTTPS (as TRUST_PROXY lets Express see it) or the configured PUBLIC_URL is https.
 * Plain HTTP on a LAN therefore keeps working.
 */
export function cookiesAreSecure(requestIsHttps: boolean, publicUrl: string | undefined): boolean {
  return requestIsHttps || /^https:/i.test(publicUrl ?? "");
}

/** Remix's development mode sends error messages and stacks to the browser: never by default. */
export function remixMode(nodeEnv: string | undefined): "development" | "production" {
  return nodeEnv === "development" ? "development" : "production";
}
