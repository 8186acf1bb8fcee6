import * as build from "@remix-run/dev/server-build";
import { createRequestHandler } from "@remix-run/node";
import { pruneExpiredSessions } from "~/auth/session.server";
import { prepareDatabase } from "~/db.server";
import { createApp } from "~/http/app.server";
import { remixMode } from "~/http/request-guard.server";

/** Starts the portal: the Express stack of app/http/app.server.ts around the Remix build. */
const mode = remixMode(process.env.NODE_ENV);
const handleRequest = createRequestHandler(build, mode);
const app = createApp({
  handleRequest: (request, context) => handleRequest(request, context),
  trustProxy: process.env.TRUST_PROXY,
  publicUrl: process.env.PUBLIC_URL,
  publicDir: "public",
});

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
await prepareDatabase();
// Sessions left to expire are otherwise only removed when someone presents them.
await pruneExpiredSessions();
app.listen(port, host, () => {
  const shown = host === "0.0.0.0" ? "localhost" : host;
  console.log(
    `Minga ${mode === "production" ? "" : "(development) "}listening on http://${shown}:${port}`,
  );
});
