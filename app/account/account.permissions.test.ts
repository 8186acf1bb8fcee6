import { hashPassword, verifyPassword } from "~/auth/password.server";
import { db } from "~/db.server";
import * as accountRoute from "~/routes/account";
import { GOOD_PASSWORD } from "~/test/factories";
import { type CallResult, getPage, isDenied, postForm } from "~/test/routes";
import { ROLE_NAMES, type RoleName, makeWorld } from "~/test/world";

/**
 * The account page (app/routes/account.tsx) × every role: each signed-in person changes only
 * their own account, so everyone signed in may; anonymous is sent to log in. Not in
 * app/platforms/permission-matrix.test.ts: "log out everywhere" answers with a redirect to the
 * login page, which that matrix reads as a refusal.
 */
type World = Awaited<ReturnType<typeof makeWorld>>;
type Run = (w: World, role: RoleName) => Promise<CallResult>;

const SIGNED_IN: RoleName[] = ROLE_NAMES.filter((r) => r !== "anonymous");
const NEW_PASSWORD = "selva del napo al atardecer";

/** Everything these forms could change, to check that a refused request changed none of it. */
async function accountsSnapshot() {
  const users = await db.user.findMany({
    select: {
      id: true,
      name: true,
      email: true,
      locale: true,
      passwordHash: true,
      participant: { select: { community: true, people: true, gender: true, birthYear: true } },
    },
    orderBy: { id: "asc" },
  });
  return { users, sessions: await db.session.count(), audit: await db.auditEvent.count() };
}

const ACTIONS: {
  name: string;
  /** Where an allowed request is sent. */
  to: string;
  run: Run;
  /** Whether the change landed, for the signed-in role. */
  done: (w: World, role: RoleName) => Promise<boolean>;
}[] = [
  {
    name: "save my profile",
    to: "/account",
    run: (w, r) =>
      postForm(accountRoute.action, "/account", {}, w.users[r], {
        intent: "profile",
        _form: "profile",
        name: w.users[r]?.name ?? "Nadie",
        email: w.users[r]?.email ?? "nadie@example.org",
        community: "Sani Isla",
      }),
    done: async (w, r) =>
      (await db.participant.findUniqueOrThrow({ where: { userId: w.users[r]!.id } })).community ===
      "Sani Isla",
  },
  {
    name: "change my password",
    to: "/account",
    run: async (w, r) => {
      const user = w.users[r];
      if (user)
        await db.user.update({
          where: { id: user.id },
          data: { passwordHash: await hashPassword(GOOD_PASSWORD) },
        });
      return postForm(accountRoute.action, "/account", {}, user, {
        intent: "password",
        _form: "password",
        currentPassword: GOOD_PASSWORD,
        newPassword: NEW_PASSWORD,
        confirmPassword: NEW_PASSWORD,
      });
    },
    done: async (w, r) =>
      verifyPassword(
        (await db.user.findUniqueOrThrow({ where: { id: w.users[r]!.id } })).passwordHash,
        NEW_PASSWORD,
      ),
  },
  {
    name: "log out everywhere",
    to: "/login",
    run: async (w, r) => {
      // A session on another device, which the request must end.
      const user = w.users[r];
      if (user)
        await db.session.create({
          data: {
            id: `other-device-${user.id}`,
            userId: user.id,
            expiresAt: new Date(Date.now() + 3600_000),
          },
        });
      return postForm(accountRoute.action, "/account", {}, user, {
        intent: "logout-everywhere",
      });
    },
    done: async (w, r) => (await db.session.count({ where: { userId: w.users[r]!.id } })) === 0,
  },
];

describe("account permission matrix: every action × every role", () => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld();
  });

  for (const action of ACTIONS) {
    for (const role of ROLE_NAMES) {
      const allowed = SIGNED_IN.includes(role);
      it(`${action.name} — ${role}: ${allowed ? "allowed" : "denied"}`, async () => {
        const before = await accountsSnapshot();
        const result = await action.run(world, role);
        if (allowed) {
          expect(result.status, JSON.stringify(result.body)).toBe(302);
          expect(result.location).toBe(action.to);
          expect(await action.done(world, role)).toBe(true);
        } else {
          expect(isDenied(result), JSON.stringify(result)).toBe(true);
          expect(result.location).toMatch(/^\/login\?redirectTo=/);
          // A refused request writes nothing: no account, session or audit row changes.
          expect(await accountsSnapshot()).toEqual(before);
        }
      });
    }
  }
});

describe("account permission matrix: the page × every role", () => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld();
  });

  for (const role of ROLE_NAMES) {
    const allowed = SIGNED_IN.includes(role);
    it(`my account — ${role}: ${allowed ? "shown" : "refused"}`, async () => {
      const result = await getPage(accountRoute.loader, "/account", {}, world.users[role]);
      if (allowed) {
        expect(result.status).toBe(200);
        // Their own profile, never someone else's.
        expect(result.body).toMatchObject({ profile: { email: world.users[role]!.email } });
      } else {
        expect(isDenied(result), JSON.stringify(result)).toBe(true);
        expect(result.location).toMatch(/^\/login\?redirectTo=/);
      }
    });
  }
});
