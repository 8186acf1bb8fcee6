import { recordAudit } from "~/audit/audit.server";
import { participantSearchText } from "~/participants/participants.server";
import { db, isUniqueViolation } from "~/db.server";
import { msg } from "~/forms/messages";
import { refuse, refuseForm, type Outcome } from "~/forms/outcome";
import { isSupportedLanguage } from "~/i18n/resources.server";
import { hashPassword, isCommonPassword, verifyDecoy, verifyPassword } from "./password.server";
import type { ProfileInput, SignupInput } from "./schemas";
import { endOtherSessions } from "./session.server";
import {
  minutesUntil,
  recordLoginSuccess,
  reserveLoginAttempt,
  reserveSignup,
} from "./throttle.server";

const fail = refuse;

function passwordProblem(password: string, email: string): string | null {
  if (isCommonPassword(password)) return "validation.passwordCommon";
  if (password.toLowerCase() === email.toLowerCase()) return "validation.passwordCommon";
  return null;
}

function profileData(input: Omit<ProfileInput, "email" | "locale">) {
  return {
    name: input.name,
    gender: input.gender ?? null,
    birthYear: input.birthYear ?? null,
    community: input.community ?? null,
    people: input.people ?? null,
    searchText: participantSearchText(input),
  };
}

function checkLocale(locale: string | undefined): string | null | false {
  if (!locale) return null;
  return isSupportedLanguage(locale) ? locale : false;
}

/**
 * Creates the account and the Participant record that counts the person. With `ip`
 * (every sign-up form), at most MAX_SIGNUPS_PER_IP per hour from one address.
 */
export async function registerUser(
  input: SignupInput,
  ip?: string,
  now = new Date(),
): Promise<Outcome<{ userId: string }>> {
  if (ip !== undefined) {
    const blockedUntil = await reserveSignup(ip, now);
    if (blockedUntil) {
      return refuseForm(
        msg("auth:errors.signupThrottled", { minutes: minutesUntil(blockedUntil, now) }),
      );
    }
  }
  const weak = passwordProblem(input.password, input.email);
  if (weak) return fail("password", weak);
  const locale = checkLocale(input.locale);
  if (locale === false) return fail("locale", "validation.choice");
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    return fail("email", "auth:errors.emailTaken");
  }
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: {
        email: input.email,
        name: input.name,
        passwordHash,
        locale,
        participant: { create: profileData(input) },
      },
      select: { id: true },
    });
    return { ok: true, value: { userId: user.id } };
  } catch (error) {
    // Two sign-ups with the same email at the same moment: the database decides.
    if (isUniqueViolation(error, "email")) return fail("email", "auth:errors.emailTaken");
    throw error;
  }
}

export type LoginOutcome =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAt: Date };

/** Checks credentials with throttling; never tells whether the email exists. */
export async function attemptLogin(
  email: string,
  password: string,
  ip: string,
  now = new Date(),
): Promise<LoginOutcome> {
  const { blockedUntil } = await reserveLoginAttempt(email, ip, now);
  if (blockedUntil) return { ok: false, reason: "throttled", retryAt: blockedUntil };
  const user = await db.user.findUnique({ where: { email } });
  const valid = user
    ? await verifyPassword(user.passwordHash, password)
    : await verifyDecoy(password);
  if (!user || !valid) return { ok: false, reason: "invalid" };
  await recordLoginSuccess(email, ip);
  return { ok: true, userId: user.id };
}

/**
 * The current password, checked under the same limits as logins (they count against the
 * account's e-mail and the address), so the account page is no way around them.
 */
export async function checkCurrentPassword(
  user: { email: string; passwordHash: string },
  password: string,
  ip: string,
  now: Date,
): Promise<string | null> {
  const { blockedUntil } = await reserveLoginAttempt(user.email, ip, now);
  if (blockedUntil) {
    return msg("auth:errors.throttled", { minutes: minutesUntil(blockedUntil, now) });
  }
  if (!(await verifyPassword(user.passwordHash, password)))
    return "auth:errors.currentPasswordWrong";
  await recordLoginSuccess(user.email, ip);
  return null;
}

export async function getProfile(userId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { name: true, email: true, locale: true, participant: true },
  });
  const p = user.participant;
  return {
    name: user.name,
    email: user.email,
    locale: user.locale ?? undefined,
    gender: p?.gender ?? undefined,
    birthYear: p?.birthYear ?? undefined,
    community: p?.community ?? undefined,
    people: p?.people ?? undefined,
  };
}

/** Saves the profile; a new e-mail (the login name) needs the current password. */
export async function updateProfile(
  userId: string,
  input: ProfileInput,
  ip: string,
  now = new Date(),
): Promise<Outcome<null>> {
  const locale = checkLocale(input.locale);
  if (locale === false) return fail("locale", "validation.choice");
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, passwordHash: true },
  });
  if (input.email !== user.email) {
    if (!input.currentPassword) return fail("currentPassword", "auth:errors.passwordForEmail");
    const problem = await checkCurrentPassword(user, input.currentPassword, ip, now);
    if (problem) return fail("currentPassword", problem);
  }
  const clash = await db.user.findFirst({
    where: { email: input.email, NOT: { id: userId } },
    select: { id: true },
  });
  if (clash) return fail("email", "auth:errors.emailTaken");
  const data = profileData(input);
  try {
    await db.user.update({
      where: { id: userId },
      data: {
        name: input.name,
        email: input.email,
        locale,
        participant: { upsert: { create: data, update: data } },
      },
    });
  } catch (error) {
    if (isUniqueViolation(error, "email")) return fail("email", "auth:errors.emailTaken");
    throw error;
  }
  return { ok: true, value: null };
}

/** Changes the password and ends every other session of the user. */
export async function changePassword(
  userId: string,
  currentSessionId: string,
  currentPassword: string,
  newPassword: string,
  ip: string,
  now = new Date(),
): Promise<Outcome<null>> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const problem = await checkCurrentPassword(user, currentPassword, ip, now);
  if (problem) return fail("currentPassword", problem);
  const weak = passwordProblem(newPassword, user.email);
  if (weak) return fail("newPassword", weak);
  await db.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(newPassword) },
  });
  await endOtherSessions(userId, currentSessionId);
  return { ok: true, value: null };
}

export async function saveLanguagePreference(userId: string, locale: string): Promise<void> {
  if (!isSupportedLanguage(locale)) return;
  await db.user.update({ where: { id: userId }, data: { locale } });
}

/**
 * Creates (or promotes) an administrator; used by the admin:create command. Audited either
 * way, in the same transaction: who holds the portal's widest rights is never a silent change.
 */
export async function createAdmin(input: {
  email: string;
  name: string;
  password: string;
}): Promise<Outcome<{ userId: string; created: boolean }>> {
  const email = input.email.trim().toLowerCase();
  const existing = await db.user.findUnique({ where: { email } });
  if (!existing) {
    const weak = passwordProblem(input.password, email);
    if (weak) return fail("password", weak);
    if (input.password.length < 10) {
      return fail("password", msg("validation.passwordTooShort", { min: 10 }));
    }
  }
  // Hashed before the transaction: argon2 takes a while, and the write lock is shared.
  const passwordHash = existing ? null : await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = existing
      ? await tx.user.update({ where: { id: existing.id }, data: { isAdmin: true } })
      : await tx.user.create({
          data: {
            email,
            name: input.name,
            isAdmin: true,
            passwordHash: passwordHash!,
            participant: { create: { name: input.name } },
          },
        });
    await recordAudit(tx, {
      // From the command line: no one signed in did it.
      actorId: null,
      action: "account.madeAdmin",
      entityType: "User",
      entityId: user.id,
      details: { created: !existing, wasAdmin: existing?.isAdmin ?? false },
    });
    return { ok: true as const, value: { userId: user.id, created: !existing } };
  });
}
