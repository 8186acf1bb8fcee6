import { randomUUID } from "node:crypto";
import { registerUser } from "~/auth/accounts.server";
import { signupSchema } from "~/auth/schemas";

export const GOOD_PASSWORD = "río aguarico al amanecer";

/** Signs a person up through the same schema and domain code as the sign-up form. */
export async function signUp(overrides: Record<string, unknown> = {}) {
  const input = signupSchema.parse({
    name: "Rosa Andi",
    email: `persona-${randomUUID().slice(0, 8)}@example.org`,
    password: GOOD_PASSWORD,
    confirmPassword: GOOD_PASSWORD,
    ...overrides,
  });
  const outcome = await registerUser(input);
  if (!outcome.ok) throw new Error(`sign up failed: ${JSON.stringify(outcome.fieldErrors)}`);
  return { userId: outcome.value.userId, email: input.email, password: GOOD_PASSWORD };
}
