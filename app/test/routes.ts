import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import type { AuthUser } from "~/auth/session.server";

type Handler = (args: ActionFunctionArgs & LoaderFunctionArgs) => unknown;

export interface CallResult {
  status: number;
  location: string | null;
  body: unknown;
}

function contextFor(user: AuthUser | null): AppLoadContext {
  return {
    user,
    session: user
      ? {
          id: `test-session-${user.id}`,
          userId: user.id,
          expiresAt: new Date(Date.now() + 3600_000),
          fresh: false,
        }
      : null,
    cspNonce: "",
    clientIp: "127.0.0.1",
  } as AppLoadContext;
}

async function settle(run: () => unknown): Promise<CallResult> {
  try {
    const result = await run();
    if (result instanceof Response) {
      const text = await result.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      return { status: result.status, location: result.headers.get("Location"), body };
    }
    return { status: 200, location: null, body: result };
  } catch (thrown) {
    if (thrown instanceof Response) {
      return { status: thrown.status, location: thrown.headers.get("Location"), body: null };
    }
    throw thrown;
  }
}

/** Runs a route's real action with a form, as the given user (null: anonymous). */
export function postForm(
  action: Handler,
  path: string,
  params: Record<string, string>,
  user: AuthUser | null,
  fields: Record<string, string>,
): Promise<CallResult> {
  const body = new URLSearchParams(fields);
  const request = new Request(`http://localhost${path}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  return settle(() => action({ request, params, context: contextFor(user) }));
}

/** Runs a route's real action with a ready-made request (multipart uploads), like postForm. */
export function sendRequest(
  action: Handler,
  request: Request,
  params: Record<string, string>,
  user: AuthUser | null,
): Promise<CallResult> {
  return settle(() => action({ request, params, context: contextFor(user) }));
}

/** Runs a route's real loader as the given user. */
export function getPage(
  loader: Handler,
  path: string,
  params: Record<string, string>,
  user: AuthUser | null,
): Promise<CallResult> {
  const request = new Request(`http://localhost${path}`);
  return settle(() => loader({ request, params, context: contextFor(user) }));
}

/** Denied: sent to log in (anonymous) or refused with 403/404. */
export function isDenied(result: CallResult): boolean {
  if (result.status === 403 || result.status === 404) return true;
  return result.status === 302 && (result.location ?? "").startsWith("/login");
}
