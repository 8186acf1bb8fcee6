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
  it("refuses anything that leaves the site", () => {
    for (const bad of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "/%0d%0aSet-Cookie:x",
      "evil",
    ]) {
      const result = safeRedirect(bad, "/");
      expect(result.startsWith("/") && !result.startsWith("//")).toBe(true);
      expect(result).not.toContain("evil.example");
    }
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
