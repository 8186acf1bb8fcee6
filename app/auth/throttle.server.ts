import { type DbClient, db, serializeOn } from "~/db.server";

type Client = DbClient;

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;

async function blockedUntilFor(
  client: Client,
  where: { email: string } | { ip: string },
  limit: number,
  now: Date,
): Promise<Date | null> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const recent = await client.loginAttempt.findMany({
    where: { ...where, success: false, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { createdAt: true },
  });
  if (recent.length < limit) return null;
  // Blocked until the oldest of the last `limit` failures leaves the window.
  return new Date(recent[limit - 1].createdAt.getTime() + THROTTLE_WINDOW_MS);
}

/**
 * When logins for this email or from this address are refused until, or null when
 * they are allowed: 5 failures per email or 20 per address within 15 minutes.
 */
export async function loginBlockedUntil(
  email: string,
  ip: string,
  now = new Date(),
  client: Client = db,
) {
  const [byEmail, byIp] = await Promise.all([
    blockedUntilFor(client, { email }, MAX_FAILURES_PER_EMAIL, now),
    blockedUntilFor(client, { ip }, MAX_FAILURES_PER_IP, now),
  ]);
  if (!byEmail) return byIp;
  if (!byIp) return byEmail;
  return byEmail > byIp ? byEmail : byIp;
}

/**
 * Checks the limits and, when allowed, records the attempt as a failure before the
 * (slow) password check, in one transaction: a burst of simultaneous guesses cannot all
 * slip under the limit. A successful login then forgives it (recordLoginSuccess).
 */
export async function reserveLoginAttempt(email: string, ip: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    await serializeOn(tx, `login-email:${email}`, `login-ip:${ip}`);
    const blockedUntil = await loginBlockedUntil(email, ip, now, tx);
    if (blockedUntil) return { blockedUntil };
    await tx.loginAttempt.create({ data: { email, ip, success: false, createdAt: now } });
    // Keep the table small: a day is far longer than any window we look at.
    await tx.loginAttempt.deleteMany({
      where: { createdAt: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } },
    });
    return { blockedUntil: null };
  });
}

/** A successful login forgives that email's earlier failures (not the address's). */
export async function recordLoginSuccess(email: string, ip: string) {
  await db.$transaction(async (tx) => {
    await tx.loginAttempt.deleteMany({ where: { email, success: false } });
    await tx.loginAttempt.create({ data: { email, ip, success: true } });
  });
}

/** Whole minutes until `until`, at least 1: what the "try again in" messages show. */
export function minutesUntil(until: Date, now = new Date()): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}

export const SIGNUP_WINDOW_MS = 60 * 60 * 1000;
export const MAX_SIGNUPS_PER_IP = 10;
/**
 * Sign-ups share the attempt log with logins (no schema change needed): a row with this
 * prefix in `email` and success=true, so it never counts as a failed login.
 */
const SIGNUP_MARK = "signup:";

/**
 * Checks and records a sign-up from this address in one transaction: 10 per hour.
 * Returns when the next one is allowed, or null when this one may go ahead.
 */
export async function reserveSignup(ip: string, now = new Date()): Promise<Date | null> {
  return db.$transaction(async (tx) => {
    await serializeOn(tx, `signup-ip:${ip}`);
    const since = new Date(now.getTime() - SIGNUP_WINDOW_MS);
    const recent = await tx.loginAttempt.findMany({
      where: { ip, email: { startsWith: SIGNUP_MARK }, createdAt: { gte: since } },
      orderBy: { createdAt: "desc" },
      take: MAX_SIGNUPS_PER_IP,
      select: { createdAt: true },
    });
    if (recent.length >= MAX_SIGNUPS_PER_IP) {
      return new Date(recent[MAX_SIGNUPS_PER_IP - 1]!.createdAt.getTime() + SIGNUP_WINDOW_MS);
    }
    await tx.loginAttempt.create({
      data: { email: `${SIGNUP_MARK}${ip}`, ip, success: true, createdAt: now },
    });
    return null;
  });
}
