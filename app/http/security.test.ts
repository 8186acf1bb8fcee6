import { safeRedirect } from "./redirect";
import { isSameOriginRequest, securityHeaders } from "./security.server";

describe("Origin check", () => {
  const base = { host: "minga.example", referer: undefined };
  it("lets reads through", () => {
    expect(isSameOriginRequest({ ...base, method: "GET", origin: undefined })).toBe(true);
  });
  it("accepts a form posted from the portal itself", () => {
    expect(isSameOriginRequest({ ...base, method: "POST", origin: "https://minga.example" })).toBe(
      true,
    );
  });
  it("refuses a post from another site, or with no origin at all", () => {
    expect(isSameOriginRequest({ ...base, method: "POST", origin: "https://evil.example" })).toBe(
      false,
    );
    expect(isSameOriginRequest({ ...base, method: "POST", origin: undefined })).toBe(false);
    expect(isSameOriginRequest({ ...base, method: "DELETE", origin: "null" })).toBe(false);
    expect(
      isSameOriginRequest({
        ...base,
        method: "POST",
        origin: "https://minga.example.evil.example",
      }),
    ).toBe(false);
  });
  it("falls back to Referer, and trusts the configured public URL", () => {
    expect(
      isSameOriginRequest({
        ...base,
        method: "POST",
        origin: undefined,
        referer: "https://minga.example/login",
      }),
    ).toBe(true);
    expect(
      isSameOriginRequest({
        method: "POST",
        host: "127.0.0.1:3000",
        origin: "https://minga.example",
        referer: undefined,
        publicOrigin: "https://minga.example",
      }),
    ).toBe(true);
  });
});

describe("safeRedirect", () => {
  it("keeps paths on this site", () => {
    expect(safeRedirect("/platforms/putumayo?x=1")).toBe("/platforms/putumayo?x=1");
  });
  it("normalizes dot segments", () => {
    expect(safeRedirect("/a/./b/../c#x")).toBe("/a/c#x");
  });
  it.each([
    "https://evil.example",
    "//evil.example",
    "//evil",
    "/\\evil.example",
    "/.//evil.example",
    "/%2e//evil.example",
    "/%2E%2E//evil.example",
    "/a/..//evil.example",
    "/./\\evil.example",
    "/%5cevil.example",
    "/\tevil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "javascript:alert(1)",
    "/%0d%0aSet-Cookie:x",
    "evil",
    "",
  ])("never leaves the site for %j", (bad) => {
    const result = safeRedirect(bad, "/");
    expect(result.startsWith("/")).toBe(true);
    expect(result).not.toMatch(/^\/[/\\]/);
    expect(new URL(result, "https://minga.example").origin).toBe("https://minga.example");
  });
  it("falls back on values that are not paths", () => {
    expect(safeRedirect(null, "/account")).toBe("/account");
  });
});

describe("security headers", () => {
  it("sends a CSP with a nonce and no unsafe-inline scripts", () => {
    const h = securityHeaders("abc123", false);
    expect(h["Content-Security-Policy"]).toContain("script-src 'self' 'nonce-abc123'");
    expect(h["Content-Security-Policy"]).not.toContain("unsafe-inline");
    expect(h["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders("abc", true)["Strict-Transport-Security"]).toContain("max-age");
  });
});
