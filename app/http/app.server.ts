import type { AppLoadContext } from "@remix-run/node";
import { writeReadableStreamToWritable } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { authenticate } from "~/auth/session.server";
import { getFixedT, resolveLocale } from "~/i18n/i18next.server";
import {
  BAD_REQUEST,
  MAX_BODY_BYTES,
  MAX_UPLOAD_BODY_BYTES,
  MAX_UPLOAD_DRAIN_BYTES,
  type Refusal,
  TOO_LARGE,
  UNSUPPORTED,
  checkFormFields,
  cleanCookieHeader,
  cookiesAreSecure,
  isDecodablePath,
  isFormContentType,
  isUploadRequest,
  isValidHost,
  parseTrustProxy,
  withSecureFlag,
} from "./request-guard.server";
import { precompressedStatic } from "./precompress.server";
import { createNonce, isSameOriginRequest, securityHeaders } from "./security.server";

/** What Remix does with a request: `createRequestHandler(build, mode)` in production. */
export type HandleRequest = (request: Request, context: AppLoadContext) => Promise<Response>;

export type AppOptions = {
  handleRequest: HandleRequest;
  trustProxy?: string;
  publicUrl?: string;
  /** Where static files live; tests leave it out. */
  publicDir?: string;
};

const BODYLESS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Runs `change` on the headers just before they are written, whoever writes them. */
function beforeHeaders(res: express.Response, change: () => void) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: express.Response, ...args: unknown[]) {
    change();
    return (writeHead as (...a: unknown[]) => express.Response).apply(this, args);
  } as typeof res.writeHead;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The reader's language from Cookie/Accept-Language, whatever else is wrong with the request. */
async function readerT(req: express.Request) {
  try {
    const headers = new Headers();
    for (const name of ["cookie", "accept-language"]) {
      const value = req.headers[name];
      if (typeof value === "string") headers.set(name, value);
    }
    const locale = await resolveLocale(new Request("http://localhost/", { headers }), null);
    return { locale, t: await getFixedT(locale) };
  } catch {
    return { locale: "es", t: await getFixedT("es") };
  }
}

/** A small localized error page without any detail of what failed. */
async function sendErrorPage(
  req: express.Request,
  res: express.Response,
  status: number,
  kind: string,
) {
  const { locale, t } = await readerT(req);
  const title = escapeHtml(t(`errors.${kind}Title`));
  const body = escapeHtml(t(`errors.${kind}Body`));
  const code = escapeHtml(t("errors.code", { status }));
  const home = escapeHtml(t("errors.home"));
  res
    .status(status)
    .set({ "Content-Language": locale, "Cache-Control": "no-store" })
    .type("html")
    .send(
      `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8">` +
        `<meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>${title}</title></head><body><main><h1>${title}</h1><p>${body}</p>` +
        `<p>${code}</p><p><a href="/">${home}</a></p></main></body></html>`,
    );
}

async function refuse(req: express.Request, res: express.Response, refusal: Refusal) {
  // The rest of an oversized or unwanted body is not read: the connection is dropped after.
  if (refusal !== BAD_REQUEST) res.set("Connection", "close");
  await sendErrorPage(req, res, refusal.status, refusal.kind);
}

class BodyTooLarge extends Error {}

/** Reads the body, counting bytes as they arrive (chunked bodies have no Content-Length). */
async function readBody(req: express.Request, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      req.pause();
      throw new BodyTooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Reads and checks a form body; returns it, or the reason it is refused. */
async function acceptBody(req: express.Request): Promise<Buffer | Refusal> {
  const declared = Number(req.get("content-length") ?? "");
  if (declared > MAX_BODY_BYTES) return TOO_LARGE;
  const hasBody = declared > 0 || req.get("transfer-encoding") !== undefined;
  if (!hasBody) {
    // An empty POST (a bare button, curl -X POST) reads as an empty form, not a parse error.
    if (!isFormContentType(req.get("content-type"))) {
      req.headers["content-type"] = "application/x-www-form-urlencoded";
    }
    return Buffer.alloc(0);
  }
  if (!isFormContentType(req.get("content-type"))) return UNSUPPORTED;
  let body: Buffer;
  try {
    body = await readBody(req, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) return TOO_LARGE;
    return BAD_REQUEST;
  }
  // Parsed once here so that a broken body or hostile field names never reach an action.
  let form: FormData;
  try {
    form = await new Request("http://localhost/", {
      method: "POST",
      headers: { "Content-Type": req.get("content-type")! },
      body: new Uint8Array(body),
    }).formData();
  } catch {
    return BAD_REQUEST;
  }
  return checkFormFields(form.entries()) ?? body;
}

function requestHeaders(req: express.Request): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}

const REPLACED_HEADERS = new Set(["content-security-policy", "x-content-type-options"]);

async function sendResponse(res: express.Response, response: Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) {
    // A response's own policy (a download's sandbox) replaces the page default, not joins it.
    if (REPLACED_HEADERS.has(name)) res.set(name, value);
    else res.append(name, value);
  }
  if (response.headers.get("Content-Type")?.match(/text\/event-stream/i)) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/**
 * An upload's body as a stream for the route: at most MAX_UPLOAD_BODY_BYTES are passed on;
 * the rest is read and dropped (the route then sees a cut body and says "too large"), and
 * past MAX_UPLOAD_DRAIN_BYTES the connection is cut.
 */
export function limitedUploadBody(source: AsyncIterable<Buffer>, cut: () => void) {
  const chunks = source[Symbol.asyncIterator]();
  let size = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        let next: IteratorResult<Buffer>;
        try {
          next = await chunks.next();
        } catch (error) {
          controller.error(error);
          return;
        }
        if (next.done) {
          controller.close();
          return;
        }
        const before = size;
        size += next.value.length;
        if (size > MAX_UPLOAD_DRAIN_BYTES) {
          cut();
          controller.error(new Error("Upload body too large"));
          return;
        }
        if (before >= MAX_UPLOAD_BODY_BYTES) continue;
        const keep = Math.min(next.value.length, MAX_UPLOAD_BODY_BYTES - before);
        controller.enqueue(new Uint8Array(next.value.subarray(0, keep)));
        return;
      }
    },
  });
}

function remixRequest(
  req: express.Request,
  res: express.Response,
  body: Buffer | ReadableStream<Uint8Array> | null,
): Request {
  // As @remix-run/express does: req.hostname honours TRUST_PROXY (X-Forwarded-Host).
  const port = (req.get("x-forwarded-host") ?? req.get("host") ?? "").split(":")[1];
  const host = `${req.hostname || "localhost"}${port ? `:${port}` : ""}`;
  const controller = new AbortController();
  let done = false;
  res.on("finish", () => (done = true));
  res.on("close", () => {
    if (!done) controller.abort();
  });
  return new Request(`${req.protocol}://${host}${req.originalUrl}`, {
    method: req.method,
    headers: requestHeaders(req),
    signal: controller.signal,
    body:
      !body || BODYLESS.has(req.method)
        ? undefined
        : Buffer.isBuffer(body)
          ? new Uint8Array(body)
          : body,
    // Node's fetch needs this to send a streamed body.
    ...(body && !Buffer.isBuffer(body) ? { duplex: "half" } : {}),
  } as RequestInit);
}

/**
 * The HTTP server: request guards, static files, security headers, the Origin check on
 * every non-GET request and the session, then hands the request to Remix. Built by a
 * function so tests can run the same stack with a stand-in for Remix.
 */
export function createApp(options: AppOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", parseTrustProxy(options.trustProxy));

  // Malformed requests are refused before anything tries to decode them.
  app.use((req, res, next) => {
    if (!isValidHost(req.headers.host) || !isDecodablePath(req.path)) {
      return void refuse(req, res, BAD_REQUEST).catch(next);
    }
    req.headers.cookie = cleanCookieHeader(req.headers.cookie);
    const secure = cookiesAreSecure(req.secure, options.publicUrl);
    beforeHeaders(res, () => {
      const cookies = res.getHeader("Set-Cookie");
      if (cookies === undefined) return;
      const list = Array.isArray(cookies) ? cookies : [String(cookies)];
      res.setHeader(
        "Set-Cookie",
        list.map((c) => withSecureFlag(c, secure)),
      );
    });
    next();
  });

  app.use(compression());
  if (options.publicDir) {
    // Fingerprinted build assets never change; other public files may. Build assets are
    // sent precompressed (brotli or gzip, made by `npm run build`) when the client accepts it.
    const immutable = { immutable: true, maxAge: "1y" };
    app.use("/build", precompressedStatic(`${options.publicDir}/build`, immutable));
    app.use("/build", express.static(`${options.publicDir}/build`, immutable));
    app.use(express.static(options.publicDir, { maxAge: "1h" }));
  }

  app.use((req, res, next) => {
    const nonce = createNonce();
    res.locals.cspNonce = nonce;
    res.set(securityHeaders(nonce, req.secure));
    next();
  });

  app.use(async (req, res, next) => {
    const allowed = isSameOriginRequest({
      method: req.method,
      host: req.get("host"),
      origin: req.get("origin"),
      referer: req.get("referer"),
      publicOrigin: options.publicUrl,
    });
    if (allowed) return next();
    try {
      const { t } = await readerT(req);
      res
        .status(403)
        .type("text/plain; charset=utf-8")
        .send(`${t("errors.crossSiteTitle")}\n\n${t("errors.crossSiteBody")}`);
    } catch (error) {
      next(error);
    }
  });

  // Bodies are bounded and checked before the session is even looked up.
  app.use(async (req, res, next) => {
    if (BODYLESS.has(req.method)) return next();
    if (isUploadRequest(req.method, req.path, req.get("content-type"))) {
      const declared = Number(req.get("content-length") ?? "");
      if (declared > MAX_UPLOAD_DRAIN_BYTES) return void refuse(req, res, TOO_LARGE).catch(next);
      res.locals.body = limitedUploadBody(req as AsyncIterable<Buffer>, () => req.destroy());
      return next();
    }
    try {
      const result = await acceptBody(req);
      if (Buffer.isBuffer(result)) {
        res.locals.body = result;
        return next();
      }
      await refuse(req, res, result);
    } catch (error) {
      next(error);
    }
  });

  app.use(async (req, res, next) => {
    try {
      const auth = await authenticate(req.headers.cookie);
      res.locals.user = auth.user;
      res.locals.session = auth.session;
      if (auth.setCookie) res.append("Set-Cookie", auth.setCookie);
      // Pages and data for a signed-in person must not be kept by browsers or proxies.
      if (auth.session) {
        beforeHeaders(res, () => res.setHeader("Cache-Control", "private, no-store"));
      }
      next();
    } catch (error) {
      next(error);
    }
  });

  app.all("*", async (req, res, next) => {
    try {
      const context: AppLoadContext = {
        cspNonce: res.locals.cspNonce as string,
        clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
        user: res.locals.user ?? null,
        session: res.locals.session ?? null,
      };
      const request = remixRequest(
        req,
        res,
        (res.locals.body as Buffer | ReadableStream<Uint8Array> | undefined) ?? null,
      );
      const response = await options.handleRequest(request, context);
      await sendResponse(res, response);
    } catch (error) {
      next(error);
    }
  });

  // The last word on any error: a plain localized page, never a stack trace, whatever
  // NODE_ENV says (Express's own handler prints traces outside production).
  app.use(
    (error: unknown, req: express.Request, res: express.Response, next: express.NextFunction) => {
      void next;
      const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status;
      const clientError = typeof status === "number" && status >= 400 && status < 500;
      if (!clientError) console.error(error);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const code = clientError ? status : 500;
      const kind = code === 413 ? "tooLarge" : clientError ? "badRequest" : "unexpected";
      sendErrorPage(req, res, code, kind).catch(() => {
        res.status(code).type("text/plain").end(String(code));
      });
    },
  );

  return app;
}
