import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import type { AddressInfo } from "node:net";
import type { AppLoadContext } from "@remix-run/node";
import { startSession } from "~/auth/session.server";
import { signUp } from "~/test/factories";
import { type AppOptions, createApp } from "./app.server";
import { precompressDir } from "./precompress.server";
import { MAX_UPLOAD_BODY_BYTES, MAX_UPLOAD_DRAIN_BYTES } from "./request-guard.server";

/** The real Express stack with a stand-in for Remix, on an ephemeral port. */

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string; bytes: Buffer };

let seen: { context: AppLoadContext; request: Request; body: string } | null = null;

async function remixStandIn(request: Request, context: AppLoadContext): Promise<Response> {
  const body = request.body ? await request.clone().text() : "";
  seen = { context, request, body };
  const url = new URL(request.url);
  if (url.pathname === "/boom") throw new Error("secret detail at /srv/minga/app/x.ts");
  if (url.pathname === "/cookie") {
    return new Response("ok", {
      headers: [
        ["Set-Cookie", "minga_session=abc; Path=/; HttpOnly; SameSite=Lax; Secure"],
        ["Set-Cookie", "minga_lng=en; Path=/; HttpOnly"],
      ],
    });
  }
  return new Response(`ip=${context.clientIp}`, {
    headers: { "Content-Type": "text/plain", "Cache-Control": "public, max-age=300" },
  });
}

async function withServer<T>(
  options: Partial<AppOptions>,
  run: (port: number) => Promise<T>,
): Promise<T> {
  const app = createApp({ handleRequest: remixStandIn, ...options });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  try {
    return await run((server.address() as AddressInfo).port);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** A raw HTTP request, so Host, paths and chunked bodies can be anything. */
function send(
  port: number,
  input: {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    chunks?: Buffer[];
  },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method: input.method ?? "GET",
        path: input.path ?? "/",
        headers: { Host: `localhost:${port}`, ...input.headers },
        setHost: false,
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on("data", (c: Buffer) => parts.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(parts).toString("utf8"),
            bytes: Buffer.concat(parts),
          }),
        );
      },
    );
    // The server may answer and close before an oversized body is fully sent.
    req.on("error", (e: NodeJS.ErrnoException) =>
      e.code === "EPIPE" || e.code === "ECONNRESET" ? undefined : reject(e),
    );
    if (input.chunks) {
      for (const c of input.chunks) req.write(c);
      req.end();
    } else req.end(input.body);
  });
}

function post(port: number, body: string | Buffer, headers: Record<string, string> = {}) {
  return send(port, {
    method: "POST",
    path: "/login",
    body,
    headers: {
      Origin: `http://localhost:${port}`,
      "Content-Type": "application/x-www-form-urlencoded",
      "Content-Length": String(Buffer.byteLength(body)),
      ...headers,
    },
  });
}

beforeEach(() => {
  seen = null;
});

describe("request bodies", () => {
  it("refuses a declared oversize body with 413, without handing it on", async () => {
    await withServer({}, async (port) => {
      const reply = await send(port, {
        method: "POST",
        path: "/login",
        headers: {
          Origin: `http://localhost:${port}`,
          "Content-Type": "application/x-www-form-urlencoded",
          "Content-Length": String(50 * 1024 * 1024),
          "Accept-Language": "en",
        },
        body: "a=1",
      });
      expect(reply.status).toBe(413);
      expect(reply.body).toContain("Submission too large");
      expect(seen).toBeNull();
    });
  });

  it("counts the bytes of a chunked body as they arrive", async () => {
    await withServer({}, async (port) => {
      const reply = await send(port, {
        method: "POST",
        path: "/login",
        headers: {
          Origin: `http://localhost:${port}`,
          "Content-Type": "application/x-www-form-urlencoded",
          "Transfer-Encoding": "chunked",
        },
        chunks: Array.from({ length: 20 }, () => Buffer.alloc(100 * 1024, "a")),
      });
      expect(reply.status).toBe(413);
      expect(reply.body).toContain("Envío demasiado grande");
      expect(seen).toBeNull();
    });
  });

  it("passes an ordinary form through, body intact", async () => {
    await withServer({}, async (port) => {
      const reply = await post(port, "email=a%40b.org&password=x");
      expect(reply.status).toBe(200);
      expect(seen?.body).toBe("email=a%40b.org&password=x");
    });
  });
});

describe("empty bodies", () => {
  it("an empty POST without a type reaches the action as an empty form", async () => {
    await withServer({}, async (port) => {
      const reply = await send(port, {
        method: "POST",
        path: "/logout",
        headers: { Origin: `http://localhost:${port}`, "Content-Length": "0" },
      });
      expect(reply.status).toBe(200);
      expect([...(await seen!.request.formData()).keys()]).toEqual([]);
    });
  });
});

describe("malformed requests get a 4xx page in the reader's language", () => {
  const cases: [string, (port: number) => Promise<Reply>, number][] = [
    ["text/plain body", (p) => post(p, "hello", { "Content-Type": "text/plain" }), 415],
    ["JSON body", (p) => post(p, '{"a":1}', { "Content-Type": "application/json" }), 415],
    [
      "broken multipart",
      (p) =>
        post(p, '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nno end', {
          "Content-Type": "multipart/form-data; boundary=x",
        }),
      400,
    ],
    ["broken __intent__", (p) => post(p, "__intent__=%7Bnot-json"), 400],
    [
      "list intent",
      (p) =>
        post(p, `__intent__=${encodeURIComponent('{"type":"insert","payload":{"name":"x"}}')}`),
      400,
    ],
    ["broken __state__", (p) => post(p, "__state__=%7B%7B"), 400],
    ["deeply nested dots", (p) => post(p, `${"a.".repeat(3000)}b=1`), 400],
    ["deeply nested brackets", (p) => post(p, `a${"[0]".repeat(3000)}=1`), 400],
    [
      "too many fields",
      (p) => post(p, Array.from({ length: 6000 }, (_, i) => `f${i}=1`).join("&")),
      413,
    ],
    ["GET /%", (p) => send(p, { path: "/%" }), 400],
    ["invalid Host", (p) => send(p, { headers: { Host: "evil.example/<x>" } }), 400],
  ];
  for (const [name, run, status] of cases) {
    it(`${name} → ${status}`, async () => {
      await withServer({}, async (port) => {
        const reply = await run(port);
        expect(reply.status).toBe(status);
        expect(reply.headers["content-type"]).toMatch(/text\/html/);
        expect(reply.body).toMatch(/<html lang="es">/);
        expect(reply.body).not.toMatch(/at \w+ \(|node_modules|Error:/);
        expect(seen).toBeNull();
      });
    });
  }

  it("answers in English to an English reader", async () => {
    await withServer({}, async (port) => {
      const reply = await send(port, { path: "/%", headers: { "Accept-Language": "en" } });
      expect(reply.body).toContain("Invalid request");
    });
  });

  it("ignores a cookie with malformed %-encoding instead of failing every page", async () => {
    await withServer({}, async (port) => {
      const reply = await send(port, {
        headers: { Cookie: "other_app=%E0%A4%A; minga_lng=en; bad%=1" },
      });
      expect(reply.status).toBe(200);
      expect(seen?.request.headers.get("cookie")).toBe("minga_lng=en");
    });
  });
});

describe("errors", () => {
  it("never send a stack trace, even without NODE_ENV", async () => {
    const saved = process.env.NODE_ENV;
    delete (process.env as Record<string, string | undefined>).NODE_ENV;
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await withServer({}, async (port) => {
        const reply = await send(port, { path: "/boom" });
        expect(reply.status).toBe(500);
        expect(reply.body).toContain("Algo salió mal");
        expect(reply.body).not.toMatch(/secret detail|\/srv\/minga|at \w+/);
      });
    } finally {
      process.env.NODE_ENV = saved;
      errors.mockRestore();
    }
  });
});

describe("cookies and caching", () => {
  it("are not Secure over plain HTTP, so a LAN install can sign in", async () => {
    await withServer({}, async (port) => {
      const reply = await send(port, { path: "/cookie" });
      const cookies = reply.headers["set-cookie"] ?? [];
      expect(cookies).toHaveLength(2);
      for (const c of cookies) expect(c).not.toMatch(/secure/i);
    });
  });

  it("are Secure when the request came over HTTPS through a trusted proxy", async () => {
    await withServer({ trustProxy: "loopback" }, async (port) => {
      const reply = await send(port, {
        path: "/cookie",
        headers: { "X-Forwarded-Proto": "https" },
      });
      const cookies = reply.headers["set-cookie"] ?? [];
      expect(cookies).toHaveLength(2);
      for (const c of cookies) expect(c).toMatch(/; Secure$/);
    });
  });

  it("are Secure when the public address is https", async () => {
    await withServer({ publicUrl: "https://minga.example" }, async (port) => {
      const reply = await send(port, { path: "/cookie" });
      for (const c of reply.headers["set-cookie"] ?? []) expect(c).toMatch(/; Secure$/);
    });
  });

  it("signed-in pages and data are private, no-store; anonymous ones keep their caching", async () => {
    const { userId } = await signUp();
    const cookie = (await startSession(userId)).split(";")[0]!;
    await withServer({}, async (port) => {
      const signedIn = await send(port, {
        path: "/platforms?_data=root",
        headers: { Cookie: cookie },
      });
      expect(signedIn.status).toBe(200);
      expect(seen?.context.user?.id).toBe(userId);
      expect(signedIn.headers["cache-control"]).toBe("private, no-store");
      const anonymous = await send(port, { path: "/platforms" });
      expect(anonymous.headers["cache-control"]).toBe("public, max-age=300");
    });
  });
});

describe("client addresses behind a proxy", () => {
  const xff = "198.51.100.9, 203.0.113.7";
  const cases: [string | undefined, string][] = [
    [undefined, "127.0.0.1"],
    ["false", "127.0.0.1"],
    ["true", "198.51.100.9"],
    ["1", "203.0.113.7"],
    ["2", "198.51.100.9"],
    ["loopback", "203.0.113.7"],
    ["127.0.0.1", "203.0.113.7"],
    ["127.0.0.0/8, ::1", "203.0.113.7"],
    ["10.0.0.1", "127.0.0.1"],
  ];
  for (const [trustProxy, ip] of cases) {
    it(`TRUST_PROXY=${trustProxy ?? "(unset)"} → ${ip}`, async () => {
      await withServer({ trustProxy }, async (port) => {
        const reply = await send(port, { headers: { "X-Forwarded-For": xff } });
        expect(reply.body).toBe(`ip=${ip}`);
      });
    });
  }
});

describe("file uploads: streamed to the upload route only, bounded", () => {
  const uploadPath = "/courses/c1/lessons/l1/materials";
  const multipart = (port: number, path: string, body: Buffer, type = "multipart/form-data") =>
    send(port, {
      method: "POST",
      path,
      body,
      headers: {
        Origin: `http://localhost:${port}`,
        "Content-Type": `${type}; boundary=----x`,
        "Content-Length": String(body.length),
      },
    });

  it("hands a 3 MB multipart body to the upload route, whole", async () => {
    await withServer({}, async (port) => {
      const reply = await multipart(port, uploadPath, Buffer.alloc(3 * 1024 * 1024, "a"));
      expect(reply.status).toBe(200);
      expect(seen?.body.length).toBe(3 * 1024 * 1024);
    });
  });

  it("keeps the 1 MB limit on every other address, and for other encodings", async () => {
    await withServer({}, async (port) => {
      const big = Buffer.alloc(3 * 1024 * 1024, "a");
      expect((await multipart(port, "/courses/c1/edit", big)).status).toBe(413);
      expect((await multipart(port, `${uploadPath}/x`, big)).status).toBe(413);
      const form = await multipart(port, uploadPath, big, "application/x-www-form-urlencoded");
      expect(form.status).toBe(413);
      expect(seen).toBeNull();
    });
  });

  it("passes on at most the upload limit and drops the rest, so the route can answer", async () => {
    await withServer({}, async (port) => {
      const body = Buffer.alloc(MAX_UPLOAD_BODY_BYTES + 2 * 1024 * 1024, "a");
      const reply = await multipart(port, uploadPath, body);
      expect(reply.status).toBe(200);
      expect(seen?.body.length).toBe(MAX_UPLOAD_BODY_BYTES);
    });
  });

  it("refuses a body declared larger than it will ever read", async () => {
    await withServer({}, async (port) => {
      const reply = await send(port, {
        method: "POST",
        path: uploadPath,
        body: "a",
        headers: {
          Origin: `http://localhost:${port}`,
          "Content-Type": "multipart/form-data; boundary=----x",
          "Content-Length": String(MAX_UPLOAD_DRAIN_BYTES + 1),
        },
      });
      expect(reply.status).toBe(413);
      expect(seen).toBeNull();
    });
  });

  it("a response's own Content-Security-Policy replaces the page default", async () => {
    const handleRequest = async () =>
      new Response("%PDF-", { headers: { "Content-Security-Policy": "sandbox" } });
    await withServer({ handleRequest }, async (port) => {
      const reply = await send(port, { path: "/courses/c1/materials/m1" });
      expect(reply.headers["content-security-policy"]).toBe("sandbox");
      expect(reply.headers["x-content-type-options"]).toBe("nosniff");
    });
  });
});

describe("build assets are sent precompressed, with immutable caching", () => {
  let publicDir = "";
  const script = `export function greet(name){return "hola "+name}\n`.repeat(200);

  beforeAll(async () => {
    publicDir = await mkdtemp(path.join(os.tmpdir(), "minga-public-"));
    await mkdir(path.join(publicDir, "build", "_assets"), { recursive: true });
    await writeFile(path.join(publicDir, "build", "_assets", "entry-ABC123.js"), script);
    await writeFile(path.join(publicDir, "build", "tiny-XYZ.css"), "a{color:red}");
    expect(await precompressDir(path.join(publicDir, "build"))).toBe(1);
  });
  afterAll(() => rm(publicDir, { recursive: true, force: true }));

  it("answers Accept-Encoding: br with the .br bytes and the right headers", async () => {
    const br = await readFile(path.join(publicDir, "build", "_assets", "entry-ABC123.js.br"));
    expect(zlib.brotliDecompressSync(br).toString()).toBe(script);
    await withServer({ publicDir }, async (port) => {
      const reply = await send(port, {
        path: "/build/_assets/entry-ABC123.js",
        headers: { "Accept-Encoding": "gzip, deflate, br" },
      });
      expect(reply.status).toBe(200);
      expect(reply.headers["content-encoding"]).toBe("br");
      expect(reply.headers["content-type"]).toMatch(/^(text|application)\/javascript/);
      expect(reply.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(reply.headers["vary"]).toMatch(/Accept-Encoding/i);
      expect(reply.headers["content-length"]).toBe(String(br.length));
      expect(reply.bytes.equals(br)).toBe(true);
    });
  });

  it("sends the .gz file to a gzip-only client and the plain file to one without either", async () => {
    const gz = await readFile(path.join(publicDir, "build", "_assets", "entry-ABC123.js.gz"));
    await withServer({ publicDir }, async (port) => {
      const gzip = await send(port, {
        path: "/build/_assets/entry-ABC123.js",
        headers: { "Accept-Encoding": "gzip" },
      });
      expect(gzip.headers["content-encoding"]).toBe("gzip");
      expect(gzip.bytes.equals(gz)).toBe(true);
      const plain = await send(port, {
        path: "/build/_assets/entry-ABC123.js",
        headers: { "Accept-Encoding": "identity" },
      });
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(plain.body).toBe(script);
      expect(plain.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      // Small files are not precompressed and still served as they are.
      const tiny = await send(port, {
        path: "/build/tiny-XYZ.css",
        headers: { "Accept-Encoding": "br" },
      });
      expect(tiny.status).toBe(200);
      expect(tiny.body).toBe("a{color:red}");
    });
  });

  it("never serves a file from outside the build folder", async () => {
    await writeFile(path.join(publicDir, "secret.js.br"), "nope");
    await withServer({ publicDir }, async (port) => {
      const reply = await send(port, {
        path: "/build/%2e%2e/secret.js",
        headers: { "Accept-Encoding": "br" },
      });
      expect(reply.body).not.toBe("nope");
    });
  });
});
