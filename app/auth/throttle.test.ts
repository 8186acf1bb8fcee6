import { changePassword, registerUser, updateProfile } from "~/auth/accounts.server";
import { signupSchema } from "~/auth/schemas";
import { db } from "~/db.server";
import { action as accountAction } from "~/routes/account";
import { action as loginAction } from "~/routes/login";
import { GOOD_PASSWORD, signUp } from "~/test/factories";
import { postForm } from "~/test/routes";
import { MAX_SIGNUPS_PER_IP } from "./throttle.server";

async function userOf(userId: string) {
  return db.user.findUniqueOrThrow({ where: { id: userId } });
}

function profileOf(email: string, extra: Record<string, string> = {}) {
  return { name: "Rosa Andi", email, ...extra };
}

describe("the current password on the account page", () => {
  it("is throttled like logins, with a message saying when to try again", async () => {
    const { userId } = await signUp();
    const user = await userOf(userId);
    for (let i = 0; i < 5; i++) {
      const wrong = await postForm(accountAction, "/account", {}, user, {
        intent: "password",
        currentPassword: `guess ${i}`,
        newPassword: "una frase nueva y larga",
        confirmPassword: "una frase nueva y larga",
      });
      expect(JSON.stringify(wrong.body)).toContain("auth:errors.currentPasswordWrong");
    }
    const right = await postForm(accountAction, "/account", {}, user, {
      intent: "password",
      currentPassword: GOOD_PASSWORD,
      newPassword: "una frase nueva y larga",
      confirmPassword: "una frase nueva y larga",
    });
    expect(right.status).toBe(400);
    expect(JSON.stringify(right.body)).toMatch(/auth:errors\.throttled\|minutes=1[45]/);
    expect((await userOf(userId)).passwordHash).toBe(user.passwordHash);
  });

  it("lets the password change once the window has passed", async () => {
    const { userId } = await signUp();
    const start = new Date();
    for (let i = 0; i < 5; i++) {
      await changePassword(userId, "s", `guess ${i}`, "una frase nueva y larga", "10.9.0.1", start);
    }
    const later = new Date(start.getTime() + 16 * 60 * 1000);
    const outcome = await changePassword(
      userId,
      "s",
      GOOD_PASSWORD,
      "una frase nueva y larga",
      "10.9.0.1",
      later,
    );
    expect(outcome.ok).toBe(true);
  });
});

describe("changing the e-mail (the login name)", () => {
  it("asks for the current password, and checks it", async () => {
    const { userId, email } = await signUp();
    const newEmail = `nuevo-${email}`;
    const missing = await updateProfile(userId, profileOf(newEmail), "10.8.0.1");
    expect(missing).toEqual({
      ok: false,
      fieldErrors: { currentPassword: ["auth:errors.passwordForEmail"] },
    });
    const wrong = await updateProfile(
      userId,
      profileOf(newEmail, { currentPassword: "no es" }),
      "10.8.0.1",
    );
    expect(wrong).toEqual({
      ok: false,
      fieldErrors: { currentPassword: ["auth:errors.currentPasswordWrong"] },
    });
    expect((await userOf(userId)).email).toBe(email);

    const right = await updateProfile(
      userId,
      profileOf(newEmail, { currentPassword: GOOD_PASSWORD }),
      "10.8.0.1",
    );
    expect(right.ok).toBe(true);
    expect((await userOf(userId)).email).toBe(newEmail);
  });

  it("does not ask for it when the e-mail stays the same", async () => {
    const { userId, email } = await signUp();
    const outcome = await updateProfile(userId, { ...profileOf(email), name: "Rosa" }, "10.8.0.2");
    expect(outcome.ok).toBe(true);
    expect((await userOf(userId)).name).toBe("Rosa");
  });

  it("goes through the account form, keeping the typed values on refusal", async () => {
    const { userId, email } = await signUp();
    const user = await userOf(userId);
    const result = await postForm(accountAction, "/account", {}, user, {
      intent: "profile",
      name: "Rosa Andi",
      email: `otro-${email}`,
    });
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.body)).toContain("auth:errors.passwordForEmail");
    expect(JSON.stringify(result.body)).toContain(`otro-${email}`);
  });
});

describe("sign-ups from one address", () => {
  it(`are limited to ${MAX_SIGNUPS_PER_IP} an hour`, async () => {
    const now = new Date();
    const input = (n: number) =>
      signupSchema.parse({
        name: "Persona",
        email: `tope-${n}@example.org`,
        password: GOOD_PASSWORD,
        confirmPassword: GOOD_PASSWORD,
      });
    for (let n = 0; n < MAX_SIGNUPS_PER_IP; n++) {
      expect((await registerUser(input(n), "10.7.0.1", now)).ok).toBe(true);
    }
    const refused = await registerUser(input(99), "10.7.0.1", now);
    expect(refused).toEqual({
      ok: false,
      fieldErrors: {},
      formErrors: ["auth:errors.signupThrottled|minutes=60"],
    });
    expect(await db.user.count({ where: { email: "tope-99@example.org" } })).toBe(0);
    expect((await registerUser(input(98), "10.7.0.2", now)).ok).toBe(true);
    const nextHour = new Date(now.getTime() + 61 * 60 * 1000);
    expect((await registerUser(input(97), "10.7.0.1", nextHour)).ok).toBe(true);
  });
});

describe("login redirects", () => {
  it.each(["/.//evil.example", "/%2e//evil.example", "//evil.example", "https://evil.example"])(
    "stay on the site for redirectTo=%j",
    async (redirectTo) => {
      const { email } = await signUp();
      const result = await postForm(loginAction, "/login", {}, null, {
        email,
        password: GOOD_PASSWORD,
        redirectTo,
      });
      expect(result.status).toBe(302);
      expect(result.location).toBe("/");
    },
  );
});
