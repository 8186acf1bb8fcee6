import { db } from "~/db.server";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;

async function blockedUntilFor(
  where: { email: string } | { ip: string },
  limit: number,
  now: Date,
): Promise<Date | null> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const recent = await db.loginAttempt.findMany({
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
export async function loginBlockedUntil(email: string, ip: string, now = new Date()) {
  const [byEmail, byIp] = await Promise.all([
    blockedUntilFor({ email }, MAX_FAILURES_PER_EMAIL, now),
    blockedUntilFor({ ip }, MAX_FAILURES_PER_IP, now),
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
    const blockedUntil = await loginBlockedUntil(email, ip, now);
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
