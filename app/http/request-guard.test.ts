import {
  checkFormFields,
  cleanCookieHeader,
  cookiesAreSecure,
  isValidHost,
  parseTrustProxy,
  remixMode,
  withSecureFlag,
} from "./request-guard.server";

describe("TRUST_PROXY", () => {
  it.each([
    [undefined, false],
    ["", false],
    ["false", false],
    ["FALSE", false],
    ["true", true],
    ["1", 1],
    ["2", 2],
    ["loopback", ["loopback"]],
    ["10.0.0.1, 10.0.0.2", ["10.0.0.1", "10.0.0.2"]],
    ["10.0.0.0/8,fc00::/7", ["10.0.0.0/8", "fc00::/7"]],
    ["loopback, uniquelocal", ["loopback", "uniquelocal"]],
  ])("%s → %j", (value, expected) => {
    expect(parseTrustProxy(value)).toEqual(expected);
  });
  it("refuses what Express cannot read, naming the variable", () => {
    expect(() => parseTrustProxy("yes please")).toThrow(/TRUST_PROXY/);
    expect(() => parseTrustProxy("10.0.0.300")).toThrow(/TRUST_PROXY/);
  });
});

describe("request guards", () => {
  it.each([
    ["minga.example", true],
    ["localhost:3000", true],
    ["[::1]:3000", true],
    ["192.168.1.10", true],
    ["evil.example/<x>", false],
    ["a b", false],
    ["host:99999999", false],
    ["", false],
  ])("host %j valid: %s", (host, ok) => {
    expect(isValidHost(host)).toBe(ok);
  });
  it("drops cookies that do not decode", () => {
    expect(cleanCookieHeader("a=%E0%A4%A; b=1; =x; c%=2; d=%20")).toBe("b=1; d=%20");
    expect(cleanCookieHeader("a=%")).toBeUndefined();
  });
  it("bounds form field names and checks conform's reserved fields", () => {
    expect(checkFormFields([["status.abc", "present"]])).toBeNull();
    expect(checkFormFields([["a.b.c.d.e.f.g.h.i.j", "1"]])?.status).toBe(400);
    expect(checkFormFields([["x".repeat(201), "1"]])?.status).toBe(400);
    expect(
      checkFormFields([["__intent__", '{"type":"validate","payload":{"name":"email"}}']]),
    ).toBeNull();
    expect(checkFormFields([["__intent__", "{"]])?.status).toBe(400);
    expect(checkFormFields([["__intent__", '{"type":"remove","payload":{}}']])?.status).toBe(400);
    expect(checkFormFields([["__state__", "null"]])?.status).toBe(400);
  });
});

describe("cookies and modes", () => {
  it("adds or removes Secure", () => {
    expect(withSecureFlag("a=1; Path=/; Secure; HttpOnly", false)).toBe("a=1; Path=/; HttpOnly");
    expect(withSecureFlag("a=1; Path=/", true)).toBe("a=1; Path=/; Secure");
    expect(withSecureFlag("a=1; secure", true)).toBe("a=1; Secure");
  });
  it("are Secure only when the browser speaks HTTPS", () => {
    expect(cookiesAreSecure(false, undefined)).toBe(false);
    expect(cookiesAreSecure(false, "http://192.168.1.5:3000")).toBe(false);
    expect(cookiesAreSecure(true, undefined)).toBe(true);
    expect(cookiesAreSecure(false, "https://minga.example")).toBe(true);
  });
  it("never runs Remix in development mode unless asked", () => {
    expect(remixMode(undefined)).toBe("production");
    expect(remixMode("test")).toBe("production");
    expect(remixMode("development")).toBe("development");
  });
});
