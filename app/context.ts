import type { AuthSession, AuthUser } from "~/auth/session.server";

/** What the Express server (app/server.ts) hands every loader and action. */
declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    clientIp: string;
    user: AuthUser | null;
    session: AuthSession | null;
  }
}

export {};
