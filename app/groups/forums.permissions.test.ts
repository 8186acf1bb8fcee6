import type { AuthUser } from "~/auth/session.server";
import { db } from "~/db.server";
import * as groupRoute from "~/routes/platforms.$slug.groups.$groupId._index";
import * as newThreadRoute from "~/routes/platforms.$slug.groups.$groupId.threads.new";
import * as threadRoute from "~/routes/platforms.$slug.groups.$groupId.threads.$threadId";
import * as reportsRoute from "~/routes/platforms.$slug.groups.$groupId.reports";
import * as proposalRoute from "~/routes/platforms.$slug.proposals.$proposalId._index";
import { type CallResult, getPage, postForm } from "~/test/routes";
import { FORUM_ROLES, type Forum, type ForumRole, makeForum, startThread } from "./forum.fixtures";

/**
 * Every forum page and intent × every kind of person × public and private groups. A private
 * group's forum is its members' only: to anyone else every page and form of it answers
 * exactly as for a group that does not exist (404, or the login page for an anonymous form),
 * and no response carries its words.
 */
type Visibility = "public" | "private";
type Expected = "ok" | 403 | 404 | "login";

const SECRET_TITLE = "Tema secreto de las compañeras";
const SECRET_BODY = "Palabras que solo leen las socias";

const MEMBERS: ForumRole[] = ["member", "moderator"];
const reads = (vis: Visibility, role: ForumRole) => vis === "public" || MEMBERS.includes(role);

/**
 * What a person gets from a route that needs `level`: non-readers a 404 (or the login page
 * when the route asks who you are first), readers below the level a 403.
 */
function gate(level: "read" | "member" | "moderator", anonymousFirst: "login" | "read" | "none") {
  return (vis: Visibility, role: ForumRole): Expected => {
    if (role === "anonymous" && anonymousFirst === "login") return "login";
    if (!reads(vis, role)) return 404;
    if (level === "read") return "ok";
    if (role === "anonymous") return "login";
    if (level === "member") return MEMBERS.includes(role) ? "ok" : 403;
    return role === "moderator" ? "ok" : 403;
  };
}

interface Ctx {
  f: Forum;
  user: AuthUser | null;
  /** A group id for this case: the forum's, or one that does not exist. */
  groupId: string;
}

const pathOf = (c: Ctx, rest = "") => `/platforms/${c.f.platform.slug}/groups/${c.groupId}${rest}`;
const groupParams = (c: Ctx) => ({ slug: c.f.platform.slug, groupId: c.groupId });

async function secretThread(c: Ctx) {
  return startThread(c.f, c.f.writer, SECRET_TITLE, SECRET_BODY);
}
async function threadAction(c: Ctx, fields: Record<string, string>, threadId?: string) {
  const id = threadId ?? (await secretThread(c));
  return postForm(
    threadRoute.action,
    pathOf(c, `/threads/${id}`),
    { ...groupParams(c), threadId: id },
    c.user,
    fields,
  );
}
async function writerPost(threadId: string) {
  return db.post.findFirstOrThrow({ where: { discussion: { thread: { id: threadId } } } });
}

const CASES: {
  name: string;
  expected: (vis: Visibility, role: ForumRole) => Expected;
  run: (c: Ctx) => Promise<CallResult>;
}[] = [
  {
    name: "group page",
    expected: gate("read", "none"),
    run: async (c) => {
      await secretThread(c);
      return getPage(groupRoute.loader, pathOf(c), groupParams(c), c.user);
    },
  },
  {
    name: "group search (?q=)",
    expected: gate("read", "none"),
    run: async (c) => {
      await secretThread(c);
      return getPage(groupRoute.loader, pathOf(c, "?q=secreto"), groupParams(c), c.user);
    },
  },
  {
    name: "thread page",
    expected: gate("read", "none"),
    run: async (c) => {
      const id = await secretThread(c);
      return getPage(
        threadRoute.loader,
        pathOf(c, `/threads/${id}`),
        { ...groupParams(c), threadId: id },
        c.user,
      );
    },
  },
  {
    name: "a thread that does not exist",
    expected: () => 404,
    run: (c) =>
      getPage(
        threadRoute.loader,
        pathOf(c, "/threads/nope"),
        { ...groupParams(c), threadId: "nope" },
        c.user,
      ),
  },
  {
    name: "reports queue",
    expected: gate("moderator", "read"),
    run: async (c) => {
      await secretThread(c);
      return getPage(reportsRoute.loader, pathOf(c, "/reports"), groupParams(c), c.user);
    },
  },
  {
    name: "new thread page",
    expected: gate("member", "login"),
    run: (c) => getPage(newThreadRoute.loader, pathOf(c, "/threads/new"), groupParams(c), c.user),
  },
  {
    name: "new thread",
    expected: gate("member", "login"),
    run: (c) =>
      postForm(newThreadRoute.action, pathOf(c, "/threads/new"), groupParams(c), c.user, {
        _form: "thread",
        title: "Un tema nuevo",
        body: "Su mensaje",
      }),
  },
  {
    name: "thread: post",
    expected: gate("member", "login"),
    run: (c) => threadAction(c, { intent: "post", _form: "post", body: "Una respuesta" }),
  },
  {
    name: "thread: report a post",
    expected: gate("member", "login"),
    run: async (c) => {
      const id = await secretThread(c);
      const post = await writerPost(id);
      return threadAction(
        c,
        { intent: "reportPost", _form: "report", postId: post.id, reason: "Ofensivo" },
        id,
      );
    },
  },
  {
    name: "thread: hide a post",
    expected: gate("moderator", "login"),
    run: async (c) => {
      const id = await secretThread(c);
      const post = await writerPost(id);
      return threadAction(
        c,
        { intent: "hidePost", _form: "hide", postId: post.id, reason: "Ofensivo" },
        id,
      );
    },
  },
  {
    name: "thread: dismiss reports",
    expected: gate("moderator", "login"),
    run: async (c) => {
      const id = await secretThread(c);
      const post = await writerPost(id);
      await db.postReport.create({
        data: { postId: post.id, reporterId: c.f.users.member!.id, reason: "Spam" },
      });
      return threadAction(c, { intent: "dismissReports", _form: "dismiss", postId: post.id }, id);
    },
  },
  ...(["pin", "lock", "raise"] as const).map((intent) => ({
    name: `thread: ${intent}`,
    expected: gate("moderator", "login"),
    run: (c: Ctx) => threadAction(c, { intent, _form: "moderation" }),
  })),
  ...(["unpin", "unlock"] as const).map((intent) => ({
    name: `thread: ${intent}`,
    expected: gate("moderator", "login"),
    run: async (c: Ctx) => {
      const id = await secretThread(c);
      await db.thread.update({
        where: { id },
        data: { pinnedAt: new Date(), lockedAt: new Date() },
      });
      return threadAction(c, { intent, _form: "moderation" }, id);
    },
  })),
  {
    name: "thread: hide the thread",
    expected: gate("moderator", "login"),
    run: (c) => threadAction(c, { intent: "hideThread", _form: "hideThread", reason: "Spam" }),
  },
];

function outcome(result: CallResult): Expected | number {
  if (result.status === 302 && (result.location ?? "").startsWith("/login")) return "login";
  if (result.status === 200 || result.status === 302) return "ok";
  return result.status;
}

/** A redirect's address without the ids that differ from one run to the next. */
function where(result: CallResult) {
  return result.location
    ? decodeURIComponent(result.location)
        .replace(/\/groups\/[^/?]+/, "/groups/ID")
        .replace(/\/threads\/[^/?]+/, "/threads/ID")
    : null;
}

const forums: Partial<Record<Visibility, Forum>> = {};
beforeAll(async () => {
  forums.public = await makeForum("public");
  forums.private = await makeForum("private");
});

describe.each(["public", "private"] as const)("forum permissions, %s group", (vis) => {
  describe.each(CASES)("$name", ({ expected, run }) => {
    it.each(FORUM_ROLES)("as %s", async (role) => {
      const f = forums[vis]!;
      const user = f.users[role];
      const result = await run({ f, user, groupId: f.group.id });
      expect(outcome(result)).toBe(expected(vis, role));
      if (!reads(vis, role)) {
        // Exactly what a group that does not exist answers, and none of its words.
        const missing = await run({ f, user, groupId: "no-such-group" });
        expect({ status: result.status, location: where(result), body: result.body }).toEqual({
          status: missing.status,
          location: where(missing),
          body: missing.body,
        });
        expect(JSON.stringify(result.body ?? "")).not.toMatch(/secreto|socias|Mujeres/i);
      }
    });
  });
});

describe("a proposal raised from a private thread", () => {
  it("credits the group to everyone, and shows the thread to its members only", async () => {
    const f = await makeForum("private");
    const id = await startThread(
      f,
      f.writer,
      "Guardería en las asambleas",
      "Un espacio para niñas",
    );
    await startThread(f, f.writer, SECRET_TITLE, SECRET_BODY);
    const raised = await postForm(
      threadRoute.action,
      `${f.base}/threads/${id}`,
      { slug: f.platform.slug, groupId: f.group.id, threadId: id },
      f.users.moderator,
      { intent: "raise", _form: "moderation" },
    );
    expect(raised.status).toBe(302);
    const { proposalId } = await db.thread.findUniqueOrThrow({ where: { id } });
    // Under discussion, the proposal is public; the thread stays the group's.
    await db.proposal.update({ where: { id: proposalId! }, data: { state: "discussion" } });
    await startThread(f, f.writer, "Otra cosa", "Nada");
    await db.post.create({
      data: {
        discussionId: (await db.thread.findUniqueOrThrow({ where: { id } })).discussionId,
        authorId: f.writer.id,
        body: SECRET_BODY,
      },
    });
    for (const role of FORUM_ROLES) {
      const page = await getPage(
        proposalRoute.loader,
        `/platforms/${f.platform.slug}/proposals/${proposalId}`,
        { slug: f.platform.slug, proposalId: proposalId! },
        f.users[role],
      );
      expect(page.status).toBe(200);
      const body = page.body as { raised: { groupName: string; thread: unknown } };
      expect(body.raised.groupName).toBe("Mujeres del corredor");
      const json = JSON.stringify(body);
      expect(json).not.toContain(SECRET_BODY);
      if (MEMBERS.includes(role)) {
        expect(body.raised.thread).toEqual({ id, title: "Guardería en las asambleas" });
      } else {
        expect(body.raised.thread).toBeNull();
        expect(json).not.toContain(id);
      }
    }
  });
});
