import http from "node:http";
import { expect, test } from "./fixtures";
import { DEMO_PASSWORD } from "./helpers";

/** Raw HTTP to the built server, for requests a browser or Playwright would tidy up. */
function raw(
  baseURL: string,
  input: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: input.method ?? "GET",
        path: input.path,
        headers: { Origin: url.origin, ...input.headers },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(input.body);
  });
}

test("signing in over plain HTTP works: the cookie is not Secure, signed-in answers are private", async ({
  request,
  baseURL,
}) => {
  const login = await request.post("/login", {
    form: { email: "miembro@minga.example", password: DEMO_PASSWORD, _form: "login" },
    headers: { Origin: baseURL! },
    maxRedirects: 0,
  });
  expect(login.status()).toBe(302);
  const setCookie = login.headers()["set-cookie"] ?? "";
  expect(setCookie).toContain("minga_session=");
  expect(setCookie).not.toMatch(/secure/i);

  const cookie = setCookie.split(";")[0]!;
  for (const path of ["/", "/platforms", "/?_data=root"]) {
    const page = await raw(baseURL!, { path, headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.headers["cache-control"]).toBe("private, no-store");
  }
  const anonymous = await raw(baseURL!, { path: "/" });
  expect(anonymous.headers["cache-control"] ?? "").not.toContain("private");
});

test("malformed requests get a 4xx page in the reader's language, never a 500", async ({
  baseURL,
}) => {
  const form = { "Content-Type": "application/x-www-form-urlencoded" };
  const cases: [Parameters<typeof raw>[1], number][] = [
    [{ path: "/%" }, 400],
    [{ path: "/", headers: { Host: "bad host" } }, 400],
    [{ method: "POST", path: "/login", headers: { "Content-Type": "text/plain" }, body: "a" }, 415],
    [{ method: "POST", path: "/login", headers: form, body: "__intent__=%7Bbroken&email=a" }, 400],
    [{ method: "POST", path: "/login", headers: form, body: `${"a.".repeat(5000)}b=1` }, 400],
    [{ method: "POST", path: "/login", headers: form, body: "x=".padEnd(2_000_000, "a") }, 413],
  ];
  for (const [input, status] of cases) {
    const reply = await raw(baseURL!, {
      ...input,
      headers: { "Accept-Language": "en", ...input.headers },
    });
    expect(reply.status, `${input.method ?? "GET"} ${input.path}`).toBe(status);
    expect(reply.body).toContain('lang="en"');
    expect(reply.body).not.toMatch(/\bat \S+ \(|node_modules|\/build\//);
  }
});

test("a cookie with malformed %-encoding does not break the pages", async ({ baseURL }) => {
  const reply = await raw(baseURL!, { path: "/", headers: { Cookie: "otra_app=%E0%A4%A" } });
  expect(reply.status).toBe(200);
});
