import { attemptLogin, changePassword, createAdmin, registerUser } from "~/auth/accounts.server";
import { signupSchema } from "~/auth/schemas";
import { authenticate, endAllSessions, startSession } from "~/auth/session.server";
import { db } from "~/db.server";
import { GOOD_PASSWORD, signUp } from "~/test/factories";

function parseSignup(values: Record<string, unknown>) {
  return signupSchema.safeParse({
    name: "Rosa Andi",
    email: "rosa@example.org",
    password: GOOD_PASSWORD,
    confirmPassword: GOOD_PASSWORD,
    ...values,
  });
}

function messagesFor(result: ReturnType<typeof parseSignup>, field: string): string[] {
  if (result.success) return [];
  return result.error.issues.filter((i) => i.path[0] === field).map((i) => i.message);
}

/** The session id inside a Set-Cookie header value. */
function sessionIdOf(setCookie: string): string {
  return /minga_session=([^;]+)/.exec(setCookie)![1];
}

describe("sign-up rules", () => {
  it("requires name, email and a password of at least 10 characters", () => {
    const result = parseSignup({
      name: "  ",
      email: "not-an-email",
      password: "short",
      confirmPassword: "short",
    });
    expect(messagesFor(result, "name")).toEqual(["validation.required"]);
    expect(messagesFor(result, "email")).toEqual(["validation.email"]);
    expect(messagesFor(result, "password")).toEqual(["validation.passwordTooShort|min=10"]);
  });

  it("refuses overlong fields with the limit in the message", () => {
    const result = parseSignup({
      name: "n".repeat(101),
      email: `${"a".repeat(250)}@x.org`,
      password: "p".repeat(257),
      confirmPassword: "p".repeat(257),
    });
    expect(messagesFor(result, "name")).toEqual(["validation.tooLong|max=100"]);
    expect(messagesFor(result, "email")).toContain("validation.tooLong|max=254");
    expect(messagesFor(result, "password")).toEqual(["validation.tooLong|max=256"]);
  });

  it("requires the confirmation to match", () => {
    const result = parseSignup({ confirmPassword: "otra frase distinta" });
    expect(messagesFor(result, "confirmPassword")).toEqual(["validation.passwordMismatch"]);
  });

  it("has no composition rules: a long phrase in lower case is fine", () => {
    expect(
      parseSignup({
        password: "la selva es nuestra casa",
        confirmPassword: "la selva es nuestra casa",
      }).success,
    ).toBe(true);
  });

  it("refuses the most common passwords, in English and Spanish", async () => {
    for (const common of [
      "1234567890",
      "qwertyuiop",
      "contraseña123",
      "password123",
      "aaaaaaaaaaaa",
    ]) {
      const input = parseSignup({
        password: common,
        confirmPassword: common,
        email: `c${common.length}@example.org`,
      });
      expect(input.success).toBe(true);
      const outcome = await registerUser(input.data!);
      expect(outcome).toEqual({
        ok: false,
        fieldErrors: { password: ["validation.passwordCommon"] },
      });
    }
    expect(await db.user.count({ where: { email: { startsWith: "c" } } })).toBe(0);
  });

  it("stores an argon2id hash and a Participant for the new person", async () => {
    const { userId } = await signUp({
      gender: "woman",
      birthYear: 1998,
      community: "Sani Isla",
      people: "Kichwa",
    });
    const user = await db.user.findUniqueOrThrow({
      where: { id: userId },
      include: { participant: true },
    });
    expect(user.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(user.passwordHash).not.toContain(GOOD_PASSWORD);
    expect(user.participant).toMatchObject({
      name: "Rosa Andi",
      gender: "woman",
      birthYear: 1998,
      community: "Sani Isla",
      people: "Kichwa",
    });
  });

  it("treats emails as the same regardless of case", async () => {
    const { email } = await signUp({ email: "Tupak.Yumbo@Example.org" });
    expect(email).toBe("tupak.yumbo@example.org");
    const again = parseSignup({ email: "TUPAK.YUMBO@EXAMPLE.ORG" });
    const outcome = await registerUser(again.data!);
    expect(outcome).toEqual({ ok: false, fieldErrors: { email: ["auth:errors.emailTaken"] } });
    expect(await db.user.count({ where: { email: "tupak.yumbo@example.org" } })).toBe(1);
  });

  it("refuses a language that is not offered", async () => {
    const input = parseSignup({ email: "lang@example.org", locale: "xx" });
    expect(await registerUser(input.data!)).toEqual({
      ok: false,
      fieldErrors: { locale: ["validation.choice"] },
    });
  });
});

describe("login", () => {
  it("gives the same answer for an unknown email and a wrong password", async () => {
    const { email } = await signUp();
    const wrongPassword = await attemptLogin(email, "not the password", "10.0.0.1");
    const unknownEmail = await attemptLogin("nobody@example.org", "not the password", "10.0.0.1");
    expect(wrongPassword).toEqual({ ok: false, reason: "invalid" });
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it("accepts the right password", async () => {
    const { email, userId } = await signUp();
    expect(await attemptLogin(email, GOOD_PASSWORD, "10.0.0.2")).toEqual({ ok: true, userId });
  });
});

describe("throttling", () => {
  it("refuses the 6th try for one email within 15 minutes, even with the right password", async () => {
    const { email } = await signUp();
    const start = new Date();
    for (let i = 0; i < 5; i++) {
      const at = new Date(start.getTime() + i * 60_000);
      expect(await attemptLogin(email, "wrong guess", `10.1.0.${i}`, at)).toMatchObject({
        reason: "invalid",
      });
    }
    const sixth = await attemptLogin(
      email,
      GOOD_PASSWORD,
      "10.1.0.9",
      new Date(start.getTime() + 5 * 60_000),
    );
    expect(sixth).toMatchObject({ ok: false, reason: "throttled" });
    // Allowed again once the first failure is 15 minutes old.
    if (!sixth.ok && sixth.reason === "throttled") {
      expect(sixth.retryAt.getTime()).toBe(start.getTime() + 15 * 60_000);
    }
    const later = await attemptLogin(
      email,
      GOOD_PASSWORD,
      "10.1.0.9",
      new Date(start.getTime() + 15 * 60_000 + 1000),
    );
    expect(later.ok).toBe(true);
  });

  it("lets no more than 5 of a burst of simultaneous guesses reach the password check", async () => {
    const { email } = await signUp();
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attemptLogin(email, `guess ${i}`, "10.9.0.1")),
    );
    expect(outcomes.filter((o) => !o.ok && o.reason === "invalid")).toHaveLength(5);
    expect(outcomes.filter((o) => !o.ok && o.reason === "throttled")).toHaveLength(7);
  });

  it("refuses an address after 20 failures across different emails", async () => {
    const { email } = await signUp();
    const ip = "192.0.2.77";
    for (let i = 0; i < 20; i++) {
      await attemptLogin(`guess-${i}@example.org`, "wrong guess", ip);
    }
    expect(await attemptLogin(email, GOOD_PASSWORD, ip)).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    // Another address is not affected.
    expect((await attemptLogin(email, GOOD_PASSWORD, "192.0.2.78")).ok).toBe(true);
  });

  it("forgives earlier failures of an email after a successful login", async () => {
    const { email } = await signUp();
    for (let i = 0; i < 4; i++) await attemptLogin(email, "wrong guess", "10.2.0.1");
    expect((await attemptLogin(email, GOOD_PASSWORD, "10.2.0.1")).ok).toBe(true);
    for (let i = 0; i < 4; i++) await attemptLogin(email, "wrong guess", "10.2.0.1");
    expect((await attemptLogin(email, GOOD_PASSWORD, "10.2.0.1")).ok).toBe(true);
  });
});

describe("sessions", () => {
  it("keeps a fresh session without renewing it", async () => {
    const { userId } = await signUp();
    const cookie = await startSession(userId);
    const auth = await authenticate(cookie);
    expect(auth.user?.id).toBe(userId);
    expect(auth.setCookie).toBeNull();
  });

  it("renews a session used after half of its 30 days", async () => {
    const { userId } = await signUp();
    const id = sessionIdOf(await startSession(userId));
    const tenDaysLeft = new Date(Date.now() + 10 * 24 * 3600_000);
    await db.session.update({ where: { id }, data: { expiresAt: tenDaysLeft } });
    const auth = await authenticate(`minga_session=${id}`);
    expect(auth.user?.id).toBe(userId);
    expect(auth.setCookie).toContain(`minga_session=${id}`);
    const stored = await db.session.findUniqueOrThrow({ where: { id } });
    expect(stored.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600_000);
  });

  it("rejects and deletes an expired session, clearing the cookie", async () => {
    const { userId } = await signUp();
    const id = sessionIdOf(await startSession(userId));
    await db.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const auth = await authenticate(`minga_session=${id}`);
    expect(auth.user).toBeNull();
    expect(auth.setCookie).toMatch(/minga_session=;.*Max-Age=0/i);
    expect(await db.session.findUnique({ where: { id } })).toBeNull();
  });

  it("sets an HttpOnly, SameSite=Lax cookie", async () => {
    const { userId } = await signUp();
    const cookie = await startSession(userId);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it("ends the other sessions when the password changes, and keeps the current one", async () => {
    const { userId } = await signUp();
    const current = sessionIdOf(await startSession(userId));
    const phone = sessionIdOf(await startSession(userId));
    const wrong = await changePassword(
      userId,
      current,
      "not my password",
      "una frase nueva y larga",
      "10.3.0.9",
    );
    expect(wrong).toEqual({
      ok: false,
      fieldErrors: { currentPassword: ["auth:errors.currentPasswordWrong"] },
    });
    expect((await authenticate(`minga_session=${phone}`)).user).not.toBeNull();

    const changed = await changePassword(
      userId,
      current,
      GOOD_PASSWORD,
      "una frase nueva y larga",
      "10.3.0.9",
    );
    expect(changed.ok).toBe(true);
    expect((await authenticate(`minga_session=${phone}`)).user).toBeNull();
    expect((await authenticate(`minga_session=${current}`)).user?.id).toBe(userId);
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect((await attemptLogin(user.email, "una frase nueva y larga", "10.3.0.1")).ok).toBe(true);
    expect((await attemptLogin(user.email, GOOD_PASSWORD, "10.3.0.1")).ok).toBe(false);
  });

  it("logs out everywhere", async () => {
    const { userId } = await signUp();
    const a = sessionIdOf(await startSession(userId));
    const b = sessionIdOf(await startSession(userId));
    await endAllSessions(userId);
    expect((await authenticate(`minga_session=${a}`)).user).toBeNull();
    expect((await authenticate(`minga_session=${b}`)).user).toBeNull();
    expect(await db.session.count({ where: { userId } })).toBe(0);
  });
});

describe("the admin:create command", () => {
  const audited = (userId: string) =>
    db.auditEvent.findMany({ where: { action: "account.madeAdmin", entityId: userId } });

  it("creates an administrator, or promotes an account, and audits either", async () => {
    const created = await createAdmin({
      email: " Nueva.Admin@Example.org ",
      name: "Nueva Admin",
      password: GOOD_PASSWORD,
    });
    expect(created).toMatchObject({ ok: true, value: { created: true } });
    const userId = (created as { value: { userId: string } }).value.userId;
    expect(await db.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({
      email: "nueva.admin@example.org",
      isAdmin: true,
    });
    expect(JSON.parse((await audited(userId))[0].details)).toEqual({
      created: true,
      wasAdmin: false,
    });

    const account = await signUp({ name: "Promovida" });
    const promoted = await createAdmin({ email: account.email, name: "x", password: "" });
    expect(promoted).toEqual({ ok: true, value: { userId: account.userId, created: false } });
    expect((await db.user.findUniqueOrThrow({ where: { id: account.userId } })).isAdmin).toBe(true);
    const [entry] = await audited(account.userId);
    expect(entry).toMatchObject({ actorId: null, entityType: "User", platformId: null });
    expect(JSON.parse(entry.details)).toEqual({ created: false, wasAdmin: false });
  });

  it("refuses a weak password for a new administrator, writing nothing", async () => {
    const entriesBefore = await db.auditEvent.count({ where: { action: "account.madeAdmin" } });
    const refused = await createAdmin({ email: "debil@example.org", name: "D", password: "1234" });
    expect(refused.ok).toBe(false);
    expect(await db.user.count({ where: { email: "debil@example.org" } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "account.madeAdmin" } })).toBe(
      entriesBefore,
    );
  });
});
