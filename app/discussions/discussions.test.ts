import { db, type DbClient } from "~/db.server";
import { viewerOf } from "~/platforms/permissions.server";
import { createProposal, proposalHostFor } from "~/proposals/proposals.server";
import { getThread, groupActorOf, threadDiscussionHost } from "~/groups/groups.server";
import { addGroupMember, addMember, makeGroup, makePlatform, makeUser } from "~/test/world";
import {
  addPost,
  dismissReports,
  editPost,
  hidePost,
  reportPost,
  type DiscussionHost,
} from "./discussions.server";
import {
  DISCUSSION_PAGE_SIZE,
  placeOfPost,
  readDiscussion,
  REPLIES_SHOWN,
  REPLY_PAGE_SIZE,
} from "./read.server";
import { EDIT_WINDOW_MS } from "./rules";

// The discussion module, tested once through a table of hosts: each host builds the same
// little world (an author, another member, a moderator, an outsider) and hands out its host
// as each person sees it.

interface Person {
  id: string;
  isAdmin: boolean;
}

interface HostWorld {
  author: Person;
  other: Person;
  moderator: Person;
  outsider: Person;
  hostFor(person: Person, client?: DbClient): Promise<DiscussionHost>;
  /** Closes the host to new posts (a decided proposal, a locked thread). */
  close(): Promise<void>;
}

const HOSTS: { name: string; make: () => Promise<HostWorld> }[] = [
  {
    name: "a proposal's comments",
    async make() {
      const platform = await makePlatform();
      const [author, other, moderator, outsider] = await Promise.all(
        ["Autora", "Otra", "Coordinadora", "Visitante"].map((n) => makeUser(n)),
      );
      await addMember(author, platform.id);
      await addMember(other, platform.id);
      await addMember(moderator, platform.id, "coordinator");
      const created = await createProposal(author, platform.id, {
        title: "Turismo en la laguna",
        summary: "Guías de la comunidad",
      });
      if (!created.ok) throw new Error("create failed");
      const proposalId = created.value.proposalId;
      await db.proposal.update({ where: { id: proposalId }, data: { state: "discussion" } });
      return {
        author,
        other,
        moderator,
        outsider,
        async hostFor(person, client = db) {
          const viewer = await viewerOf(person, platform.id, client);
          return proposalHostFor(client, platform.id, proposalId, viewer, person.id);
        },
        async close() {
          await db.proposal.update({ where: { id: proposalId }, data: { state: "accepted" } });
        },
      };
    },
  },
  {
    name: "a forum thread",
    async make() {
      const platform = await makePlatform();
      const [author, other, moderator, outsider] = await Promise.all(
        ["Autora", "Otra", "Moderadora", "Visitante"].map((n) => makeUser(n)),
      );
      // The outsider is a member of the platform, not of the group.
      for (const p of [author, other, moderator, outsider]) await addMember(p, platform.id);
      const group = await makeGroup(platform.id);
      await addGroupMember(author, group.id);
      await addGroupMember(other, group.id);
      await addGroupMember(moderator, group.id, "moderator");
      // An empty thread (its opening post would be the first post of every test here).
      const discussion = await db.discussion.create({
        data: { hostType: "thread", platformId: platform.id },
      });
      const thread = await db.thread.create({
        data: {
          groupId: group.id,
          authorId: author.id,
          title: "Turismo en la laguna",
          discussionId: discussion.id,
        },
      });
      return {
        author,
        other,
        moderator,
        outsider,
        async hostFor(person, client = db) {
          const actor = await groupActorOf(client, person, group);
          return threadDiscussionHost(await getThread(client, group.id, thread.id), group, actor);
        },
        async close() {
          await db.thread.update({ where: { id: thread.id }, data: { lockedAt: new Date() } });
        },
      };
    },
  },
];

const when = (d: Date) => d.toISOString();

describe.each(HOSTS)("discussion on $name", ({ make }) => {
  async function post(w: HostWorld, person: Person, body: string, parentId?: string) {
    return db.$transaction(async (tx) =>
      addPost(tx, await w.hostFor(person, tx), person, { body, parentId }),
    );
  }
  async function read(
    w: HostWorld,
    person: Person,
    now = new Date(),
    page = 1,
    replies: string | null = null,
  ) {
    const host = await w.hostFor(person);
    return readDiscussion(db, host, { userId: person.id, when }, now, { page, replies });
  }
  async function idOf(w: HostWorld, body: string) {
    // Scoped by the host's discussion: every host's tests write the same words.
    const { discussionId } = await w.hostFor(w.author);
    return (await db.post.findFirstOrThrow({ where: { body, discussionId: discussionId ?? "" } }))
      .id;
  }

  it("threads one level of replies, in order, with Markdown rendered safely", async () => {
    const w = await make();
    expect((await post(w, w.author, "**Primera** idea <script>alert(1)</script>")).ok).toBe(true);
    const first = await idOf(w, "**Primera** idea <script>alert(1)</script>");
    expect((await post(w, w.other, "Respuesta", first)).ok).toBe(true);
    const reply = await idOf(w, "Respuesta");
    expect(await post(w, w.author, "Respuesta a la respuesta", reply)).toMatchObject({
      formErrors: ["discussions:errors.badParent"],
    });
    const view = await read(w, w.other);
    expect(view.count).toBe(2);
    expect(view.posts).toHaveLength(1);
    expect(view.posts[0].bodyHtml).toContain("<strong>Primera</strong>");
    expect(view.posts[0].bodyHtml).not.toContain("<script");
    // The words as typed go only with an edit form: to the reply's author, not to the first's.
    expect(view.posts[0].replies.map((r) => r.body)).toEqual(["Respuesta"]);
    expect(view.posts[0]).toMatchObject({ canReply: true, canEdit: false, canReport: true });
    expect(view.posts[0].body).toBeNull();
  });

  it("lets the author edit for a short window only, marked as edited", async () => {
    const w = await make();
    await post(w, w.author, "Con un error");
    const id = await idOf(w, "Con un error");
    const edit = (person: Person, body: string, now?: Date) =>
      db.$transaction(async (tx) =>
        editPost(tx, await w.hostFor(person, tx), person, id, body, now),
      );
    await expect(edit(w.other, "Cambiado")).rejects.toMatchObject({ status: 403 });
    expect((await edit(w.author, "Corregido")).ok).toBe(true);
    const created = (await db.post.findUniqueOrThrow({ where: { id } })).createdAt;
    expect(await edit(w.author, "Tarde", new Date(created.getTime() + EDIT_WINDOW_MS + 1))).toEqual(
      { ok: false, fieldErrors: { body: ["discussions:errors.editWindow"] } },
    );
    expect((await read(w, w.author)).posts[0]).toMatchObject({ body: "Corregido", edited: true });
  });

  it("hides a post with a reason, audited without its words; no replies to it afterwards", async () => {
    const w = await make();
    await post(w, w.author, "Algo ofensivo");
    const id = await idOf(w, "Algo ofensivo");
    const hide = (person: Person) =>
      db.$transaction(async (tx) =>
        hidePost(tx, await w.hostFor(person, tx), person, id, "Falta de respeto"),
      );
    await expect(hide(w.other)).rejects.toMatchObject({ status: 403 });
    expect((await hide(w.moderator)).ok).toBe(true);
    expect(await hide(w.moderator)).toMatchObject({ ok: false });
    expect((await read(w, w.other)).posts[0]).toMatchObject({
      body: null,
      bodyHtml: null,
      hiddenReason: "Falta de respeto",
      canReply: false,
      canReport: false,
    });
    expect(await post(w, w.other, "Respondo igual", id)).toMatchObject({
      formErrors: ["discussions:errors.badParent"],
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: id } });
    expect(audit).toMatchObject({ action: "post.hidden", actorId: w.moderator.id });
    expect(audit.details).not.toContain("ofensivo");
  });

  it("takes reports from members for the moderators, once each, and closes them", async () => {
    const w = await make();
    await post(w, w.author, "Dudoso");
    const id = await idOf(w, "Dudoso");
    const report = (person: Person, reason = "Spam") =>
      db.$transaction(async (tx) =>
        reportPost(tx, await w.hostFor(person, tx), person, id, reason),
      );
    expect(await report(w.author)).toMatchObject({
      formErrors: ["discussions:errors.cannotReport"],
    });
    await expect(report(w.outsider)).rejects.toMatchObject({ status: 403 });
    expect((await report(w.other)).ok).toBe(true);
    expect(await report(w.other)).toMatchObject({
      formErrors: ["discussions:errors.alreadyReported"],
    });
    expect((await read(w, w.moderator)).posts[0].reports).toEqual(["Spam"]);
    // Only moderators see reports.
    expect((await read(w, w.other)).posts[0].reports).toEqual([]);
    const dismiss = (person: Person) =>
      db.$transaction(async (tx) => dismissReports(tx, await w.hostFor(person, tx), person, id));
    await expect(dismiss(w.other)).rejects.toMatchObject({ status: 403 });
    expect((await dismiss(w.moderator)).ok).toBe(true);
    expect((await read(w, w.moderator)).posts[0].reports).toEqual([]);
  });

  it("refuses outsiders, and everyone once the host is closed", async () => {
    const w = await make();
    await expect(post(w, w.outsider, "Hola")).rejects.toMatchObject({ status: 403 });
    await post(w, w.author, "Antes de cerrar");
    await w.close();
    const refused = await post(w, w.other, "Después");
    expect(refused).toMatchObject({ ok: false });
    expect((await read(w, w.author)).posts[0]).toMatchObject({ canEdit: false, canReply: false });
    expect(await db.post.count({ where: { body: "Después" } })).toBe(0);
  });

  it("is read a page of posts at a time, each with its replies; a post's page is where it shows", async () => {
    const w = await make();
    await post(w, w.author, "La primera");
    const { discussionId } = await w.hostFor(w.author);
    const start = Date.now() - 3_600_000;
    // Enough top-level posts for a second page, written in order a second apart.
    await db.post.createMany({
      data: Array.from({ length: DISCUSSION_PAGE_SIZE + 2 }, (_, i) => ({
        discussionId: discussionId!,
        authorId: w.other.id,
        body: `Idea ${i}`,
        searchText: `idea ${i}`,
        createdAt: new Date(start + (i + 1) * 1000),
      })),
    });
    const last = await idOf(w, `Idea ${DISCUSSION_PAGE_SIZE + 1}`);
    await post(w, w.author, "Respuesta a la última", last);
    const reply = await idOf(w, "Respuesta a la última");

    const first = await read(w, w.other);
    expect(first).toMatchObject({ page: 1, pages: 2, count: DISCUSSION_PAGE_SIZE + 4 });
    expect(first.posts).toHaveLength(DISCUSSION_PAGE_SIZE);
    const second = await read(w, w.other, new Date(), 2);
    expect(second).toMatchObject({ page: 2, pages: 2, count: DISCUSSION_PAGE_SIZE + 4 });
    // Every top-level post on exactly one page, in order: "La primera", written now after the
    // others' earlier times, comes last.
    const ids = [...first.posts, ...second.posts].map((p) => p.id);
    expect(new Set(ids).size).toBe(DISCUSSION_PAGE_SIZE + 3);
    expect(first.posts[0].body ?? first.posts[0].bodyHtml).toContain("Idea 0");
    expect(second.posts.at(-1)?.id).toBe(await idOf(w, "La primera"));
    const lastShown = second.posts.find((p) => p.id === last);
    expect(lastShown?.replies.map((r) => r.bodyHtml)).toEqual([
      expect.stringContaining("Respuesta a la última"),
    ]);
    // The opening post describes the page on every page of it.
    expect(second.opening).toBe("Idea 0");
    expect(await placeOfPost(db, reply)).toEqual({ page: 2, replies: null });
    expect(await placeOfPost(db, await idOf(w, "Idea 0"))).toEqual({ page: 1, replies: null });
    // A page past the end shows the last one.
    expect((await read(w, w.other, new Date(), 9)).page).toBe(2);
  });

  it("shows a post's first replies with the discussion, and every reply on the post's own pages", async () => {
    const w = await make();
    await post(w, w.author, "Antes");
    await post(w, w.author, "La pregunta");
    await post(w, w.other, "Al final");
    const question = await idOf(w, "La pregunta");
    const { discussionId } = await w.hostFor(w.author);
    const start = Date.now() - 3_600_000;
    const total = REPLY_PAGE_SIZE + 5;
    // Everyone answers the same post: its replies alone run past a page.
    await db.post.createMany({
      data: Array.from({ length: total }, (_, i) => ({
        discussionId: discussionId!,
        parentId: question,
        authorId: w.other.id,
        body: `Respuesta ${i}`,
        searchText: `respuesta ${i}`,
        createdAt: new Date(start + (i + 1) * 1000),
      })),
    });
    const bodies = (posts: { bodyHtml: string | null }[]) =>
      posts.map((p) => /Respuesta \d+/.exec(p.bodyHtml ?? "")?.[0]);
    const names = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => `Respuesta ${from + i}`);

    const page = await read(w, w.other);
    expect(page).toMatchObject({ count: 3 + total, pages: 1, repliesOf: null });
    const shown = page.posts.find((p) => p.id === question)!;
    expect(shown.replyCount).toBe(total);
    expect(bodies(shown.replies)).toEqual(names(0, REPLIES_SHOWN));
    // The other posts keep their (lack of) replies.
    expect(page.posts.map((p) => p.replies.length)).toEqual([0, REPLIES_SHOWN, 0]);

    const first = await read(w, w.other, new Date(), 1, question);
    expect(first).toMatchObject({
      count: 3 + total,
      page: 1,
      pages: 2,
      repliesOf: { postId: question, onPage: 1 },
    });
    expect(first.posts.map((p) => p.id)).toEqual([question]);
    expect(bodies(first.posts[0].replies)).toEqual(names(0, REPLY_PAGE_SIZE));
    const second = await read(w, w.other, new Date(), 2, question);
    expect(bodies(second.posts[0].replies)).toEqual(names(REPLY_PAGE_SIZE, total));
    // What may be done with the post is the same here: a member may still reply to it.
    expect(second.posts[0]).toMatchObject({ canReply: true, replyCount: total });

    // A reply lands with its post's first replies, or else on its page of the post's replies.
    const replyId = async (i: number) => idOf(w, `Respuesta ${i}`);
    expect(await placeOfPost(db, await replyId(REPLIES_SHOWN - 1))).toEqual({
      page: 1,
      replies: null,
    });
    expect(await placeOfPost(db, await replyId(REPLIES_SHOWN))).toEqual({
      page: 1,
      replies: question,
    });
    expect(await placeOfPost(db, await replyId(total - 1))).toEqual({
      page: 2,
      replies: question,
    });
    // A reply has no replies of its own to show; a post of no discussion here neither.
    await expect(read(w, w.other, new Date(), 1, await replyId(0))).rejects.toMatchObject({
      status: 404,
    });
    await expect(read(w, w.other, new Date(), 1, "nadie")).rejects.toMatchObject({ status: 404 });
  });

  it("never reaches another host's posts", async () => {
    const a = await make();
    const b = await make();
    await post(a, a.author, "De otro lado");
    const id = await idOf(a, "De otro lado");
    await post(b, b.author, "Aquí");
    await expect(
      db.$transaction(async (tx) =>
        hidePost(tx, await b.hostFor(b.moderator, tx), b.moderator, id, "x"),
      ),
    ).rejects.toMatchObject({ status: 404 });
    await expect(post(b, b.other, "Respuesta cruzada", id)).resolves.toMatchObject({
      formErrors: ["discussions:errors.badParent"],
    });
    // Nor shows their replies.
    const host = await b.hostFor(b.other);
    await expect(
      readDiscussion(db, host, { userId: b.other.id, when }, new Date(), { page: 1, replies: id }),
    ).rejects.toMatchObject({ status: 404 });
  });
});
