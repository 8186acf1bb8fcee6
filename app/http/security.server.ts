import { randomBytes } from "node:crypto";

/** A fresh nonce per response lets the page's one inline script run under a strict CSP. */
export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

export function securityHeaders(nonce: string, secure: boolean): Record<string, string> {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
  const headers: Record<string, string> = {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
  };
  if (secure) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-site request forgery guard: a request that changes anything must come from a
 * page of this portal. Browsers send Origin on every POST; Referer is the fallback.
 * `publicOrigin` (PUBLIC_URL) is trusted too, for deployments behind a proxy.
 */
export function isSameOriginRequest(input: {
  method: string;
  host: string | undefined;
  origin: string | undefined;
  referer: string | undefined;
  publicOrigin?: string;
}): boolean {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return true;
  const source = input.origin && input.origin !== "null" ? input.origin : input.referer;
  if (!source) return false;
  let sourceUrl: URL;
  try {
    sourceUrl = new URL(source);
  } catch {
    return false;
  }
  if (input.publicOrigin && sourceUrl.origin === new URL(input.publicOrigin).origin) return true;
  return !!input.host && sourceUrl.host === input.host;
}
