import type { AuthUser } from "~/auth/session.server";
import { db } from "~/db.server";
import * as editRoute from "~/routes/platforms.$slug.groups.$groupId.edit";
import * as membersRoute from "~/routes/platforms.$slug.groups.$groupId.members";
import * as membershipRoute from "~/routes/platforms.$slug.groups.$groupId.membership";
import * as listRoute from "~/routes/platforms.$slug.groups._index";
import * as newRoute from "~/routes/platforms.$slug.groups.new";
import * as platformRoute from "~/routes/platforms.$slug._index";
import { type CallResult, getPage, isDenied, postForm } from "~/test/routes";
import { addGroupMember, addMember, makeGroup, makePlatform, makeUser } from "~/test/world";

/**
 * Every group route and intent × every kind of person, for a public and a private group.
 * A private group is read by its members only: anyone else gets the 404 of a group that does
 * not exist, and no count of it anywhere.
 */
const ROLES = [
  "anonymous",
  "nonMember", // an account, not on the platform
  "member", // on the platform, not in the group
  "pending", // asked to join the group
  "groupMember",
  "groupModerator",
  "otherModerator", // moderates another group of the same platform
  "coordinator",
  "admin",
] as const;
type Role = (typeof ROLES)[number];
type Visibility = "public" | "private";

interface World {
  platform: { id: string; slug: string };
  users: Record<Role, AuthUser | null>;
  coModerator: AuthUser;
}

let world: World;

beforeAll(async () => {
  const platform = await makePlatform();
  const users = {} as Record<Role, AuthUser | null>;
  for (const role of ROLES) {
    users[role] = role === "anonymous" ? null : await makeUser(role, role === "admin");
  }
  for (const role of ["member", "pending", "groupMember", "groupModerator", "otherModerator"]) {
    await addMember(users[role as Role]!, platform.id);
  }
  await addMember(users.coordinator!, platform.id, "coordinator");
  const coModerator = await makeUser("Co-moderadora");
  await addMember(coModerator, platform.id);
  const other = await makeGroup(platform.id);
  await addGroupMember(users.otherModerator!, other.id, "moderator");
  world = { platform, users, coModerator };
});

/** A fresh group with its people: a pending request, a member, two moderators. */
async function groupFor(visibility: Visibility, joining: "open" | "approval" = "open") {
  const group = await makeGroup(world.platform.id, { visibility, joining, name: "Grupo secreto" });
  await addGroupMember(world.users.pending!, group.id, "member", "pending");
  await addGroupMember(world.users.groupMember!, group.id);
  await addGroupMember(world.users.groupModerator!, group.id, "moderator");
  await addGroupMember(world.coModerator, group.id, "moderator");
  return group;
}

const groupPath = (groupId: string, tail: string) =>
  `/platforms/${world.platform.slug}/groups/${groupId}/${tail}`;
const params = (groupId: string) => ({ slug: world.platform.slug, groupId });
const membershipOf = (groupId: string, userId: string) =>
  db.groupMembership.findUniqueOrThrow({ where: { groupId_userId: { groupId, userId } } });

type Run = (role: Role, visibility: Visibility) => Promise<CallResult>;

const READERS_OF_PRIVATE: Role[] = ["groupMember", "groupModerator"];
const PLATFORM_PEOPLE_OUTSIDE: Role[] = ["member", "otherModerator", "coordinator"];

const PAGES: { name: string; allowed: (v: Visibility) => readonly Role[]; run: Run }[] = [
  {
    name: "group list",
    allowed: () => ROLES,
    run: (r) =>
      getPage(
        listRoute.loader,
        `/platforms/${world.platform.slug}/groups`,
        { slug: world.platform.slug },
        world.users[r],
      ),
  },
  {
    name: "new group",
    allowed: () => ["coordinator", "admin"],
    run: (r) =>
      getPage(
        newRoute.loader,
        `/platforms/${world.platform.slug}/groups/new`,
        { slug: world.platform.slug },
        world.users[r],
      ),
  },
  {
    name: "edit group",
    allowed: () => ["groupModerator", "coordinator", "admin"],
    run: async (r, v) => {
      const g = await groupFor(v);
      return getPage(editRoute.loader, groupPath(g.id, "edit"), params(g.id), world.users[r]);
    },
  },
  {
    // POST-only in use; opened on its own it shows nothing of the group, to anyone.
    name: "membership route opened directly",
    allowed: () => ROLES,
    run: async (r, v) => {
      const g = await groupFor(v);
      const result = await getPage(
        membershipRoute.loader,
        groupPath(g.id, "membership"),
        params(g.id),
        world.users[r],
      );
      expect(result.body).toBeNull();
      return result;
    },
  },
  {
    name: "members page",
    allowed: (v) => (v === "public" ? ROLES : READERS_OF_PRIVATE),
    run: async (r, v) => {
      const g = await groupFor(v);
      return getPage(membersRoute.loader, groupPath(g.id, "members"), params(g.id), world.users[r]);
    },
  },
];

describe("group pages × every role", () => {
  for (const visibility of ["public", "private"] as const) {
    for (const page of PAGES) {
      for (const role of ROLES) {
        const allowed = page.allowed(visibility).includes(role);
        it(`${page.name} (${visibility}) — ${role}: ${allowed ? "shown" : "refused"}`, async () => {
          const result = await page.run(role, visibility);
          if (allowed) expect(result.status, JSON.stringify(result)).toBe(200);
          else expect(isDenied(result), JSON.stringify(result)).toBe(true);
        });
      }
    }
  }
});

/** `refused`: the route answers, but the rule says no (400, nothing written). */
const ACTIONS: {
  name: string;
  allowed: (v: Visibility) => readonly Role[];
  run: Run;
  /** What must have changed when allowed (and must not have when refused). */
  changed: (groupId: string | null, role: Role) => Promise<boolean>;
}[] = [];

let lastGroup: string | null = null;

async function membersAction(
  role: Role,
  v: Visibility,
  fields: (g: string) => Promise<Record<string, string>>,
) {
  const g = await groupFor(v, "approval");
  lastGroup = g.id;
  return postForm(
    membersRoute.action,
    groupPath(g.id, "members"),
    params(g.id),
    world.users[role],
    { _form: "x", ...(await fields(g.id)) },
  );
}

async function membershipAction(
  role: Role,
  v: Visibility,
  intent: string,
  joining: "open" | "approval" = "open",
) {
  const g = await groupFor(v, joining);
  lastGroup = g.id;
  return postForm(
    membershipRoute.action,
    groupPath(g.id, "membership"),
    params(g.id),
    world.users[role],
    { intent, redirectTo: `/platforms/${world.platform.slug}/groups` },
  );
}

const statusIs = async (groupId: string | null, role: Role, status: string) => {
  const user = world.users[role];
  if (!user || !groupId) return false;
  const m = await db.groupMembership.findUnique({
    where: { groupId_userId: { groupId, userId: user.id } },
  });
  return m?.status === status;
};

ACTIONS.push(
  {
    name: "create a group",
    allowed: () => ["coordinator", "admin"],
    run: async (r) => {
      lastGroup = null;
      return postForm(
        newRoute.action,
        `/platforms/${world.platform.slug}/groups/new`,
        { slug: world.platform.slug },
        world.users[r],
        {
          nameEs: `Nuevo ${r}`,
          visibility: "public",
          joining: "open",
          moderatorEmail: world.users.member!.email,
        },
      );
    },
    changed: async (_g, r) => (await db.group.count({ where: { nameEs: `Nuevo ${r}` } })) > 0,
  },
  {
    name: "edit a group",
    allowed: () => ["groupModerator", "coordinator", "admin"],
    run: async (r, v) => {
      const g = await groupFor(v);
      lastGroup = g.id;
      return postForm(editRoute.action, groupPath(g.id, "edit"), params(g.id), world.users[r], {
        intent: "save",
        nameEs: "Nombre cambiado",
        visibility: v,
        joining: "open",
      });
    },
    changed: async (g) =>
      (await db.group.findUnique({ where: { id: g! } }))?.nameEs === "Nombre cambiado",
  },
  {
    name: "appoint a moderator by e-mail (edit page)",
    // In a private group that has a moderator, coordinators may not appoint (decision 018):
    // otherwise it would be a way in for people who are not members.
    allowed: (v) => (v === "public" ? ["coordinator", "admin"] : []),
    run: async (r, v) => {
      const g = await groupFor(v);
      lastGroup = g.id;
      return postForm(editRoute.action, groupPath(g.id, "edit"), params(g.id), world.users[r], {
        intent: "appointByEmail",
        _form: "appointByEmail",
        email: world.users.member!.email,
      });
    },
    changed: (g) => statusIs(g, "member", "active"),
  },
  {
    name: "appoint a moderator by e-mail (members page)",
    // A private group's members page is its members'; coordinators use the edit page.
    allowed: (v) => (v === "public" ? ["coordinator", "admin"] : []),
    run: (r, v) =>
      membersAction(r, v, async () => ({
        intent: "appointByEmail",
        email: world.users.member!.email,
      })),
    changed: (g) => statusIs(g, "member", "active"),
  },
  {
    name: "join an open group",
    allowed: () => PLATFORM_PEOPLE_OUTSIDE,
    run: (r, v) => membershipAction(r, v, "join"),
    // Members were active before: only someone who was not counts as a change.
    changed: async (g, r) =>
      !["groupMember", "groupModerator"].includes(r) && (await statusIs(g, r, "active")),
  },
  {
    name: "ask to join an approval group",
    allowed: () => PLATFORM_PEOPLE_OUTSIDE,
    run: (r, v) => membershipAction(r, v, "request", "approval"),
    changed: async (g, r) => r !== "pending" && (await statusIs(g, r, "pending")),
  },
  {
    name: "leave",
    allowed: () => ["groupMember", "groupModerator"],
    run: (r, v) => membershipAction(r, v, "leave"),
    changed: (g, r) => statusIs(g, r, "left"),
  },
  {
    name: "withdraw a request",
    allowed: () => ["pending"],
    run: (r, v) => membershipAction(r, v, "cancel"),
    changed: (g, r) => statusIs(g, r, "left"),
  },
  {
    name: "approve a request",
    allowed: () => ["groupModerator"],
    run: (r, v) =>
      membersAction(r, v, async (g) => ({
        intent: "approve",
        membershipId: (await membershipOf(g, world.users.pending!.id)).id,
      })),
    changed: (g) => statusIs(g, "pending", "active"),
  },
  {
    name: "turn down a request",
    allowed: () => ["groupModerator"],
    run: (r, v) =>
      membersAction(r, v, async (g) => ({
        intent: "reject",
        reason: "No",
        membershipId: (await membershipOf(g, world.users.pending!.id)).id,
      })),
    changed: (g) => statusIs(g, "pending", "rejected"),
  },
  {
    name: "remove a member",
    allowed: () => ["groupModerator"],
    run: (r, v) =>
      membersAction(r, v, async (g) => ({
        intent: "remove",
        reason: "Motivo",
        membershipId: (await membershipOf(g, world.users.groupMember!.id)).id,
      })),
    changed: (g) => statusIs(g, "groupMember", "removed"),
  },
  {
    name: "appoint a member moderator",
    allowed: () => ["groupModerator"],
    run: (r, v) =>
      membersAction(r, v, async (g) => ({
        intent: "appoint",
        membershipId: (await membershipOf(g, world.users.groupMember!.id)).id,
      })),
    changed: async (g) =>
      (await membershipOf(g!, world.users.groupMember!.id)).role === "moderator",
  },
  {
    name: "step a moderator down",
    allowed: () => ["groupModerator"],
    run: (r, v) =>
      membersAction(r, v, async (g) => ({
        intent: "stepDown",
        membershipId: (await membershipOf(g, world.coModerator.id)).id,
      })),
    changed: async (g) => (await membershipOf(g!, world.coModerator.id)).role === "member",
  },
);

describe("group actions × every role", () => {
  for (const visibility of ["public", "private"] as const) {
    for (const action of ACTIONS) {
      for (const role of ROLES) {
        const allowed = action.allowed(visibility).includes(role);
        it(`${action.name} (${visibility}) — ${role}: ${allowed ? "allowed" : "refused"}`, async () => {
          const auditBefore = await db.auditEvent.count();
          const result = await action.run(role, visibility);
          if (allowed) {
            expect(result.status, JSON.stringify(result)).toBe(302);
            expect(result.location).not.toMatch(/^\/login/);
            expect(await action.changed(lastGroup, role)).toBe(true);
          } else {
            expect([302, 400, 403, 404], JSON.stringify(result)).toContain(result.status);
            if (result.status === 302) expect(result.location).toMatch(/^\/login\?redirectTo=/);
            if (role === "anonymous") expect(result.status).toBe(302);
            expect(await action.changed(lastGroup, role)).toBe(false);
            expect(await db.auditEvent.count()).toBe(auditBefore);
          }
        });
      }
    }
  }
});

describe("the members page answers who may act before what was typed", () => {
  it.each([
    ["remove with no reason", { intent: "remove", membershipId: "x", reason: "" }],
    ["appoint by a malformed e-mail", { intent: "appointByEmail", email: "no es correo" }],
  ])(
    "a group member without moderation rights: %s is a 403, not a form error",
    async (_, fields) => {
      const result = await membersAction("groupMember", "public", async () => fields);
      expect(result.status).toBe(403);
    },
  );
});

describe("private groups leak nothing to non-members", () => {
  const OUTSIDERS: Role[] = [
    "anonymous",
    "nonMember",
    "member",
    "pending",
    "otherModerator",
    "coordinator",
    "admin",
  ];

  for (const role of OUTSIDERS) {
    it(`the list and the platform page show ${role} no count of a private group`, async () => {
      const platform = await makePlatform();
      const user = world.users[role];
      if (user && role !== "nonMember" && role !== "admin") {
        await addMember(user, platform.id, role === "coordinator" ? "coordinator" : "member");
      }
      const secret = await makeGroup(platform.id, {
        visibility: "private",
        name: "Grupo privado X",
      });
      const open = await makeGroup(platform.id, { name: "Grupo abierto Y" });
      for (const g of [secret, open]) {
        await addGroupMember(world.users.groupModerator!, g.id, "moderator");
        await addMember(world.users.groupModerator!, platform.id).catch(() => undefined);
      }
      if (role === "pending") await addGroupMember(user!, secret.id, "member", "pending");
      const list = await getPage(
        listRoute.loader,
        `/platforms/${platform.slug}/groups`,
        { slug: platform.slug },
        user,
      );
      const page = await getPage(
        platformRoute.loader,
        `/platforms/${platform.slug}`,
        { slug: platform.slug },
        user,
      );
      for (const result of [list, page]) {
        expect(result.status).toBe(200);
        const groups = (result.body as { groups: Record<string, unknown>[] }).groups;
        const s = groups.find((g) => g.id === secret.id)!;
        const o = groups.find((g) => g.id === open.id)!;
        expect(s).toMatchObject({ memberCount: null, threadCount: null, unreadCount: null });
        // The public group next to it is counted, so the test would notice counts going missing.
        expect(o.memberCount).toBe(1);
      }
    });

    it(`/members of a private group is, for ${role}, exactly the 404 of an unknown group`, async () => {
      const g = await groupFor("private");
      const user = world.users[role];
      const real = await getPage(
        membersRoute.loader,
        groupPath(g.id, "members"),
        params(g.id),
        user,
      );
      const unknown = await getPage(
        membersRoute.loader,
        groupPath("no-such-group", "members"),
        params("no-such-group"),
        user,
      );
      expect(real).toEqual({ status: 404, location: null, body: null });
      expect(unknown).toEqual(real);
    });
  }

  it("a member of the private group sees its counts", async () => {
    const platform = await makePlatform();
    const g = await makeGroup(platform.id, { visibility: "private" });
    const [insider, pending] = [await makeUser("Dentro"), await makeUser("Pide")];
    for (const u of [insider, pending]) await addMember(u, platform.id);
    await addGroupMember(insider, g.id);
    await addGroupMember(pending, g.id, "member", "pending");
    const list = await getPage(
      listRoute.loader,
      `/platforms/${platform.slug}/groups`,
      { slug: platform.slug },
      insider,
    );
    const entry = (list.body as { groups: { id: string; memberCount: number | null }[] }).groups;
    // The pending request does not count.
    expect(entry.find((e) => e.id === g.id)?.memberCount).toBe(1);
  });
});

describe("the membership route goes back only to this site", () => {
  for (const redirectTo of ["//evil.example/x", "https://evil.example", "/\\evil.example"]) {
    it(`${redirectTo} falls back to the group list`, async () => {
      const g = await groupFor("public");
      const result = await postForm(
        membershipRoute.action,
        groupPath(g.id, "membership"),
        params(g.id),
        world.users.member,
        { intent: "join", redirectTo },
      );
      expect(result).toMatchObject({
        status: 302,
        location: `/platforms/${world.platform.slug}/groups`,
      });
    });
  }

  it("a refusal stays on the route with the reason, and writes nothing", async () => {
    const g = await groupFor("public");
    const result = await postForm(
      membershipRoute.action,
      groupPath(g.id, "membership"),
      params(g.id),
      world.users.nonMember,
      { intent: "join", redirectTo: "/platforms" },
    );
    expect(result).toMatchObject({
      status: 400,
      body: { errors: ["groups:errors.notPlatformMemberSelf"], back: "/platforms" },
    });
  });
});
