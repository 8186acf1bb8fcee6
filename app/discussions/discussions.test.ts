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
  readDiscussion,
  reportPost,
  type DiscussionHost,
} from "./discussions.server";
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
  async function read(w: HostWorld, person: Person, now = new Date()) {
    return readDiscussion(db, await w.hostFor(person), { userId: person.id, when }, now);
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
  });
});
