import { createRequestHandler } from "@remix-run/express";
import * as build from "@remix-run/dev/server-build";
import compression from "compression";
import express from "express";
import { authenticate, pruneExpiredSessions } from "~/auth/session.server";
import { prepareDatabase } from "~/db.server";
import { createNonce, isSameOriginRequest, securityHeaders } from "~/http/security.server";
import { getFixedT, resolveLocale } from "~/i18n/i18next.server";

/**
 * The HTTP server: static files, security headers, the Origin check on every
 * non-GET request and the session, then hands the request to Remix.
 */
const production = process.env.NODE_ENV === "production";
const app = express();
app.disable("x-powered-by");
if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);
app.use(compression());

// Fingerprinted build assets never change; other public files may.
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));

app.use((req, res, next) => {
  const nonce = createNonce();
  res.locals.cspNonce = nonce;
  res.set(securityHeaders(nonce, req.secure));
  next();
});

function fetchRequestFor(req: express.Request): Request {
  const url = `${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`;
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (typeof v === "string") headers.set(k, v);
  }
  return new Request(url, { headers });
}

app.use(async (req, res, next) => {
  const allowed = isSameOriginRequest({
    method: req.method,
    host: req.get("host"),
    origin: req.get("origin"),
    referer: req.get("referer"),
    publicOrigin: process.env.PUBLIC_URL,
  });
  if (allowed) return next();
  try {
    const locale = await resolveLocale(fetchRequestFor(req), null);
    const t = await getFixedT(locale);
    res
      .status(403)
      .type("text/plain; charset=utf-8")
      .send(`${t("errors.crossSiteTitle")}\n\n${t("errors.crossSiteBody")}`);
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
    next();
  } catch (error) {
    next(error);
  }
});

app.all(
  "*",
  createRequestHandler({
    build,
    mode: build.mode,
    getLoadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce as string,
      clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
      user: res.locals.user ?? null,
      session: res.locals.session ?? null,
    }),
  }),
);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
await prepareDatabase();
// Sessions left to expire are otherwise only removed when someone presents them.
await pruneExpiredSessions();
app.listen(port, host, () => {
  const shown = host === "0.0.0.0" ? "localhost" : host;
  console.log(`Minga ${production ? "" : "(development) "}listening on http://${shown}:${port}`);
});
