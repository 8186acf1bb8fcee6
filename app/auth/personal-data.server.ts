import type { PersonalDataDeclaration } from "~/privacy/declaration";

export const authPersonalData: PersonalDataDeclaration[] = [
  {
    model: "User",
    fields: ["email"],
    purpose: "The account: name, e-mail, language, when it was made.",
    erasure: "delete",
    export: {
      key: "account",
      collect: (client, { userId }) =>
        client.user.findUnique({
          where: { id: userId },
          select: { name: true, email: true, locale: true, createdAt: true },
        }),
    },
  },
  {
    model: "Session",
    fields: ["userId"],
    purpose: "Signed-in sessions (only their expiry is exported, never the token).",
    erasure: "delete",
    export: {
      key: "sessions",
      collect: (client, { userId }) =>
        client.session.findMany({
          where: { userId },
          select: { createdAt: true, expiresAt: true },
          orderBy: { createdAt: "asc" },
        }),
    },
  },
  {
    model: "LoginAttempt",
    fields: ["email"],
    purpose: "Login attempts kept one day for throttling.",
    erasure: "delete",
    export: {
      key: "loginAttempts",
      collect: async (client, { userId }) => {
        const user = await client.user.findUnique({
          where: { id: userId },
          select: { email: true },
        });
        if (!user) return [];
        return client.loginAttempt.findMany({
          where: { email: user.email },
          select: { success: true, createdAt: true },
          orderBy: { createdAt: "asc" },
        });
      },
    },
  },
];
