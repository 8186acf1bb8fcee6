import type { Session, User } from "lucia";
import { lucia } from "./lucia.server";

export type AuthUser = User;
export type AuthSession = Session;

export interface Authentication {
  user: AuthUser | null;
  session: AuthSession | null;
  /** A Set-Cookie value to send back: renewed or cleared session cookie. */
  setCookie: string | null;
}

/** Reads the session cookie, validates it and renews it when half its life has gone. */
export async function authenticate(
  cookieHeader: string | null | undefined,
): Promise<Authentication> {
  const sessionId = lucia.readSessionCookie(cookieHeader ?? "");
  if (!sessionId) return { user: null, session: null, setCookie: null };
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session) {
    return { user: null, session: null, setCookie: lucia.createBlankSessionCookie().serialize() };
  }
  const setCookie = session.fresh ? lucia.createSessionCookie(session.id).serialize() : null;
  return { user, session, setCookie };
}

/** Starts a session and returns the Set-Cookie header value for it. */
export async function startSession(userId: string): Promise<string> {
  const session = await lucia.createSession(userId, {});
  return lucia.createSessionCookie(session.id).serialize();
}

/** Ends one session; returns the Set-Cookie header that clears the cookie. */
export async function endSession(sessionId: string): Promise<string> {
  await lucia.invalidateSession(sessionId);
  return lucia.createBlankSessionCookie().serialize();
}

/** The Set-Cookie header that clears the session cookie (the account and its sessions are gone). */
export function blankSessionCookie(): string {
  return lucia.createBlankSessionCookie().serialize();
}

/** Ends every session of a user ("log out everywhere"). */
export async function endAllSessions(userId: string): Promise<string> {
  await lucia.invalidateUserSessions(userId);
  return lucia.createBlankSessionCookie().serialize();
}

/** Ends every session of a user but the one given (after a password change). */
export async function endOtherSessions(userId: string, keepSessionId: string): Promise<void> {
  const sessions = await lucia.getUserSessions(userId);
  await Promise.all(
    sessions.filter((s) => s.id !== keepSessionId).map((s) => lucia.invalidateSession(s.id)),
  );
}

export async function pruneExpiredSessions(): Promise<void> {
  await lucia.deleteExpiredSessions();
}

/**
 * Other cookies (the one-time notice) follow the session cookie's Secure rule, so that rule
 * is decided in one place.
 */
export const cookiesAreSecure = lucia.createBlankSessionCookie().attributes.secure === true;
