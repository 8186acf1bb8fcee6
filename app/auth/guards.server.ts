import { redirect } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import { withoutNotice } from "~/forms/respond.server";
import type { AuthSession, AuthUser } from "./session.server";

/**
 * Permission helpers every loader and action uses. They throw Responses, which
 * Remix renders with the localized error boundary (never a stack trace).
 */
export function forbidden(): never {
  throw new Response(null, { status: 403, statusText: "Forbidden" });
}

export function notFound(): never {
  throw new Response(null, { status: 404, statusText: "Not Found" });
}

export function badRequest(): never {
  throw new Response(null, { status: 400, statusText: "Bad Request" });
}

function loginUrl(request: Request): string {
  const url = new URL(request.url);
  // An old address may still carry "?done=…"; coming back must not announce it again.
  const back = withoutNotice(`${url.pathname}${url.search}`);
  return `/login?redirectTo=${encodeURIComponent(back)}`;
}

/** The signed-in user, or a redirect to the login page that comes back here. */
export function requireUser(request: Request, context: AppLoadContext): AuthUser {
  if (!context.user) throw redirect(loginUrl(request));
  return context.user;
}

export function requireSession(
  request: Request,
  context: AppLoadContext,
): { user: AuthUser; session: AuthSession } {
  const user = requireUser(request, context);
  if (!context.session) throw redirect(loginUrl(request));
  return { user, session: context.session };
}

/** Portal administrators only; anyone else signed in gets a 403. */
export function requireAdmin(request: Request, context: AppLoadContext): AuthUser {
  const user = requireUser(request, context);
  if (!user.isAdmin) forbidden();
  return user;
}

/** Pages like log in and sign up make no sense when already signed in. */
export function requireAnonymous(context: AppLoadContext): void {
  if (context.user) throw redirect("/");
}
