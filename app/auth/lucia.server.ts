import { Lucia, TimeSpan } from "lucia";
import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import { db } from "~/db.server";

/**
 * The only module that knows about lucia (deprecated upstream): replacing it with a
 * hand-written session module must stay a one-file change.
 */
const prismaAdapter: Adapter = {
  async getSessionAndUser(sessionId) {
    const row = await db.session.findUnique({ where: { id: sessionId }, include: { user: true } });
    if (!row) return [null, null];
    const session: DatabaseSession = {
      id: row.id,
      userId: row.userId,
      expiresAt: row.expiresAt,
      attributes: {},
    };
    const { id, email, name, locale, isAdmin } = row.user;
    const user: DatabaseUser = { id, attributes: { email, name, locale, isAdmin } };
    return [session, user];
  },
  async getUserSessions(userId) {
    const rows = await db.session.findMany({ where: { userId } });
    return rows.map((r) => ({
      id: r.id,
      userId: r.userId,
      expiresAt: r.expiresAt,
      attributes: {},
    }));
  },
  async setSession(session) {
    await db.session.create({
      data: { id: session.id, userId: session.userId, expiresAt: session.expiresAt },
    });
  },
  async updateSessionExpiration(sessionId, expiresAt) {
    await db.session.updateMany({ where: { id: sessionId }, data: { expiresAt } });
  },
  async deleteSession(sessionId) {
    await db.session.deleteMany({ where: { id: sessionId } });
  },
  async deleteUserSessions(userId) {
    await db.session.deleteMany({ where: { userId } });
  },
  async deleteExpiredSessions() {
    await db.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  },
};

export const SESSION_DAYS = 30;

export const lucia = new Lucia(prismaAdapter, {
  // A session lives 30 days and is renewed for 30 more once half of that has passed.
  sessionExpiresIn: new TimeSpan(SESSION_DAYS, "d"),
  sessionCookie: {
    name: "minga_session",
    expires: true,
    attributes: {
      sameSite: "lax",
      // The Express layer adds Secure when the browser speaks HTTPS (app/http/app.server.ts).
      secure: false,
    },
  },
  getUserAttributes: (attributes) => attributes,
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: {
      email: string;
      name: string;
      locale: string | null;
      isAdmin: boolean;
    };
  }
}
