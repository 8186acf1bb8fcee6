import { db } from "~/db.server";
import { resources } from "~/i18n/resources.server";
import * as groupRoute from "~/routes/platforms.$slug.groups.$groupId._index";
import * as newThreadRoute from "~/routes/platforms.$slug.groups.$groupId.threads.new";
import * as threadRoute from "~/routes/platforms.$slug.groups.$groupId.threads.$threadId";
import * as reportsRoute from "~/routes/platforms.$slug.groups.$groupId.reports";
import * as proposalRoute from "~/routes/platforms.$slug.proposals.$proposalId._index";
import type { AuthUser } from "~/auth/session.server";
import { getPage, postForm } from "~/test/routes";
import { DISCUSSION_PAGE_SIZE, REPLIES_SHOWN } from "~/discussions/read.server";
import { REPORT_QUEUE_PAGE_SIZE } from "./forum.server";
import { makeForum, startThread, type Forum } from "./forum.fixtures";

type Json = Record<string, unknown>;
interface ThreadItem {
  id: string;
  title: string;
  unread: boolean;
  hidden: boolean;
  pinned: boolean;
  replies: number;
}

function forumPage(f: Forum, user: AuthUser | null, search = "") {
  return getPage(
    groupRoute.loader,
    `${f.base}${search}`,
    { slug: f.platform.slug, groupId: f.group.id },
    user,
  );
}
async function threadsOn(f: Forum, user: AuthUser | null, search = "") {
  const page = await forumPage(f, user, search);
  expect(page.status).toBe(200);
  return (page.body as { threads: ThreadItem[] }).threads;
}
const params = (f: Forum, threadId: string) => ({
  slug: f.platform.slug,
  groupId: f.group.id,
  threadId,
});
function threadPage(f: Forum, user: AuthUser | null, threadId: string) {
  return getPage(threadRoute.loader, `${f.base}/threads/${threadId}`, params(f, threadId), user);
}
function onThread(
  f: Forum,
  user: AuthUser | null,
  threadId: string,
  fields: Record<string, string>,
) {
  return postForm(
    threadRoute.action,
    `${f.base}/threads/${threadId}`,
    params(f, threadId),
    user,
    fields,
  );
}
const reply = (f: Forum, user: AuthUser, threadId: string, body: string) =>
  onThread(f, user, threadId, { intent: "post", _form: "post", body });
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
const text = (value: unknown) => JSON.stringify(value);

describe("a group's forum", () => {
  it("lists pinned threads first, then newest activity, 20 to a page", async () => {
    const f = await makeForum();
    const ids: string[] = [];
    for (let i = 0; i < 22; i++) {
      ids.push(await startThread(f, f.users.member!, `Tema ${i}`, "Texto", minutesAgo(100 - i)));
    }
    // Pinned later, but older: pinned threads among themselves go by activity too.
    for (const i of [3, 1]) {
      const pinned = await onThread(f, f.users.moderator, ids[i], {
        intent: "pin",
        _form: "moderation",
      });
      expect(pinned.status).toBe(302);
    }
    expect((await reply(f, f.users.moderator!, ids[0], "Respondo ahora")).status).toBe(302);
    const first = await threadsOn(f, f.users.member);
    expect(first).toHaveLength(20);
    expect(first.slice(0, 5).map((t) => t.title)).toEqual([
      "Tema 3",
      "Tema 1",
      "Tema 0",
      "Tema 21",
      "Tema 20",
    ]);
    expect(first.map((t) => t.pinned)).toEqual([true, true, ...Array(18).fill(false)]);
    expect(first[2].replies).toBe(1);
    expect(first.at(-1)!.title).toBe("Tema 5");
    const second = await threadsOn(f, f.users.member, "?page=2");
    expect(second.map((t) => t.title)).toEqual(["Tema 4", "Tema 2"]);
    // Nothing on two pages, nothing missing.
    expect(new Set([...first, ...second].map((t) => t.id)).size).toBe(22);
  });

  it("shows a long thread a page of posts at a time; a new post lands on its page, at the post", async () => {
    const f = await makeForum();
    const id = await startThread(f, f.users.member!, "Tema largo", "Primera", minutesAgo(120));
    const { discussionId } = await db.thread.findUniqueOrThrow({ where: { id } });
    await db.post.createMany({
      data: Array.from({ length: DISCUSSION_PAGE_SIZE }, (_, i) => ({
        discussionId,
        authorId: f.users.member!.id,
        body: `Aporte ${i}`,
        searchText: `aporte ${i}`,
        createdAt: minutesAgo(100 - i),
      })),
    });
    const made = await reply(f, f.users.moderator!, id, "La más reciente");
    const post = await db.post.findFirstOrThrow({
      where: { discussionId, body: "La más reciente" },
    });
    expect(made.location).toBe(`${f.base}/threads/${id}?page=2#post-${post.id}`);
    const first = await threadPage(f, f.users.member, id);
    const onFirst = first.body as { discussion: { posts: { id: string }[]; pages: number } };
    expect(onFirst.discussion.pages).toBe(2);
    expect(onFirst.discussion.posts).toHaveLength(DISCUSSION_PAGE_SIZE);
    const second = await getPage(
      threadRoute.loader,
      `${f.base}/threads/${id}?page=2`,
      params(f, id),
      f.users.member,
    );
    const onSecond = second.body as { discussion: { posts: { id: string }[] } };
    expect(onSecond.discussion.posts.map((p) => p.id)).toContain(post.id);
  });

  it("sends a reply past a post's first ones to the post's own page, and an edit back to where the post is", async () => {
    const f = await makeForum();
    const id = await startThread(
      f,
      f.users.member!,
      "Tema muy respondido",
      "¿Quién viene?",
      minutesAgo(120),
    );
    const { discussionId } = await db.thread.findUniqueOrThrow({ where: { id } });
    const opening = await db.post.findFirstOrThrow({ where: { discussionId, parentId: null } });
    await db.post.createMany({
      data: Array.from({ length: REPLIES_SHOWN }, (_, i) => ({
        discussionId,
        parentId: opening.id,
        authorId: f.users.member!.id,
        body: `Yo voy ${i}`,
        searchText: `yo voy ${i}`,
        createdAt: minutesAgo(100 - i),
      })),
    });
    const made = await onThread(f, f.users.moderator!, id, {
      intent: "post",
      _form: `reply-${opening.id}`,
      parentId: opening.id,
      body: "Yo también",
    });
    const late = await db.post.findFirstOrThrow({ where: { discussionId, body: "Yo también" } });
    expect(made.location).toBe(`${f.base}/threads/${id}?replies=${opening.id}#post-${late.id}`);
    const own = await getPage(
      threadRoute.loader,
      `${f.base}/threads/${id}?replies=${opening.id}`,
      params(f, id),
      f.users.member,
    );
    const shown = own.body as {
      discussion: { posts: { id: string; replies: { id: string }[] }[]; repliesOf: Json };
    };
    expect(shown.discussion.repliesOf).toEqual({ postId: opening.id, onPage: 1 });
    expect(shown.discussion.posts[0].replies.map((r) => r.id)).toContain(late.id);
    // The thread's page shows the first replies and not this one.
    const page = (await threadPage(f, f.users.member, id)).body as typeof shown;
    expect(page.discussion.posts[0].replies).toHaveLength(REPLIES_SHOWN);
    expect(text(page)).not.toContain(late.id);
    // Correcting it goes back to where it is, not to the top of the thread.
    const edited = await onThread(f, f.users.moderator!, id, {
      intent: "editPost",
      _form: `edit-${late.id}`,
      postId: late.id,
      body: "Yo también, con mi hija",
    });
    expect(edited.location).toBe(`${f.base}/threads/${id}?replies=${opening.id}#post-${late.id}`);
  });

  it("gives moderators their report queue a page at a time, each post linked where it shows", async () => {
    const f = await makeForum();
    const id = await startThread(f, f.users.member!, "Tema denunciado", "Primera", minutesAgo(300));
    const { discussionId } = await db.thread.findUniqueOrThrow({ where: { id } });
    // A thread past one page, then reports on 22 of its posts, the oldest report first.
    await db.post.createMany({
      data: Array.from({ length: DISCUSSION_PAGE_SIZE + 2 }, (_, i) => ({
        discussionId,
        authorId: f.users.member!.id,
        body: `Aporte ${i}`,
        searchText: `aporte ${i}`,
        createdAt: minutesAgo(200 - i),
      })),
    });
    const reported = await db.post.findMany({
      where: { discussionId, parentId: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: DISCUSSION_PAGE_SIZE + 3 - REPORT_QUEUE_PAGE_SIZE - 2,
    });
    expect(reported).toHaveLength(REPORT_QUEUE_PAGE_SIZE + 2);
    await db.postReport.createMany({
      data: reported.map((p, i) => ({
        postId: p.id,
        reporterId: f.users.platformMember!.id,
        reason: `Motivo ${i}`,
        createdAt: minutesAgo(100 - i),
      })),
    });
    const queueOn = async (search = "") =>
      (
        await getPage(
          reportsRoute.loader,
          `${f.base}/reports${search}`,
          { slug: f.platform.slug, groupId: f.group.id },
          f.users.moderator,
        )
      ).body as { queue: { postId: string; href: string }[]; page: number; pages: number };
    const first = await queueOn();
    expect(first).toMatchObject({ page: 1, pages: 2 });
    expect(first.queue.map((e) => e.postId)).toEqual(
      reported.slice(0, REPORT_QUEUE_PAGE_SIZE).map((p) => p.id),
    );
    const second = await queueOn("?page=2");
    expect(second.queue.map((e) => e.postId)).toEqual(
      reported.slice(REPORT_QUEUE_PAGE_SIZE).map((p) => p.id),
    );
    // The thread's last post is on its second page: the queue links there, at the post.
    const last = reported.at(-1)!;
    expect(second.queue.at(-1)?.href).toBe(`${f.base}/threads/${id}?page=2#post-${last.id}`);
    expect(first.queue[0]?.href).toBe(`${f.base}/threads/${id}#post-${reported[0]!.id}`);
  });

  it("searches titles and visible posts, without accents or case, every word", async () => {
    const f = await makeForum();
    const water = await startThread(
      f,
      f.users.member!,
      "Agua potable en Lago Agrio",
      "Reunión el sábado",
    );
    const song = await startThread(f, f.users.member!, "Otra cosa", "Nada que ver");
    await reply(f, f.users.moderator!, song, "La CANCIÓN del río");
    const hidden = await startThread(f, f.users.member!, "Tercero", "Sin nada");
    await reply(f, f.users.moderator!, hidden, "secreto escondido");
    const post = await db.post.findFirstOrThrow({ where: { body: "secreto escondido" } });
    expect(
      (
        await onThread(f, f.users.moderator, hidden, {
          intent: "hidePost",
          _form: `hide-${post.id}`,
          postId: post.id,
          reason: "Datos personales",
        })
      ).status,
    ).toBe(302);
    const found = async (q: string) =>
      (await threadsOn(f, f.users.member, `?q=${encodeURIComponent(q)}`)).map((t) => t.id);
    expect(await found("AGUA potable")).toEqual([water]);
    expect(await found("agrio agua")).toEqual([water]);
    expect(await found("reunion SABADO")).toEqual([water]);
    expect(await found("cancion rio")).toEqual([song]);
    expect(await found("escondido")).toEqual([]);
    expect(await found("agua cancion")).toEqual([]);
    expect(await found("%")).toEqual([]);
  });

  it("marks what is new to each member since they last read it", async () => {
    const f = await makeForum();
    const other = f.users.moderator!;
    const id = await startThread(
      f,
      f.users.member!,
      "Minga del sábado",
      "¿Quién trae herramientas?",
    );
    const unread = async (user: AuthUser) =>
      (await threadsOn(f, user)).find((t) => t.id === id)!.unread;
    // The author has read what she wrote; the other member has not.
    expect(await unread(f.users.member!)).toBe(false);
    expect(await unread(other)).toBe(true);
    expect((await threadPage(f, other, id)).status).toBe(200);
    expect(await unread(other)).toBe(false);
    await reply(f, f.users.member!, id, "Yo llevo machetes");
    expect(await unread(other)).toBe(true);
    expect(await unread(f.users.member!)).toBe(false);
    // Nobody outside the group is told about news.
    expect((await threadsOn(f, f.users.platformMember)).find((t) => t.id === id)!.unread).toBe(
      false,
    );
  });

  it("refuses replies in a locked or hidden thread with a localized reason, writing nothing", async () => {
    const f = await makeForum();
    const id = await startThread(f, f.users.member!, "Cuentas de la minga", "Primer mensaje");
    expect(
      (await onThread(f, f.users.moderator, id, { intent: "lock", _form: "moderation" })).status,
    ).toBe(302);
    const locked = await reply(f, f.users.member!, id, "Una respuesta tardía");
    expect(locked.status).toBe(400);
    expect(text(locked.body)).toContain("forums:errors.threadLocked");
    expect(
      (await onThread(f, f.users.moderator, id, { intent: "lock", _form: "moderation" })).body,
    ).toMatchObject({ formId: "moderation" });
    expect(
      (await onThread(f, f.users.moderator, id, { intent: "unlock", _form: "moderation" })).status,
    ).toBe(302);

    const noReason = await onThread(f, f.users.moderator, id, {
      intent: "hideThread",
      _form: "hideThread",
      reason: " ",
    });
    expect(noReason.status).toBe(400);
    expect(
      (
        await onThread(f, f.users.moderator, id, {
          intent: "hideThread",
          _form: "hideThread",
          reason: "Se publicaron datos de una familia",
        })
      ).status,
    ).toBe(302);
    const hidden = await reply(f, f.users.member!, id, "Otra respuesta");
    expect(hidden.status).toBe(400);
    expect(text(hidden.body)).toContain("forums:errors.threadHidden");
    expect(
      await db.post.count({ where: { body: { in: ["Una respuesta tardía", "Otra respuesta"] } } }),
    ).toBe(0);

    // Members see the reason, not the words; moderators still see both.
    const asMember = (await threadPage(f, f.users.member, id)).body as Json;
    expect(asMember.discussion).toBeNull();
    expect(text(asMember)).toContain("Se publicaron datos de una familia");
    expect(text(asMember)).not.toContain("Cuentas de la minga");
    expect(text(asMember)).not.toContain("Primer mensaje");
    expect((await threadsOn(f, f.users.member)).map((t) => t.id)).not.toContain(id);
    const listed = (await threadsOn(f, f.users.moderator)).find((t) => t.id === id);
    expect(listed).toMatchObject({ hidden: true });
    expect(text((await threadPage(f, f.users.moderator, id)).body)).toContain("Primer mensaje");

    const actions = await db.auditEvent.findMany({
      where: { entityId: id },
      orderBy: { createdAt: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "thread.locked",
      "thread.unlocked",
      "thread.hidden",
    ]);
    expect(actions[2].details).toContain("Se publicaron datos de una familia");
    expect(actions.map((a) => a.details).join()).not.toContain("Cuentas de la minga");
    for (const lng of ["es", "en"]) {
      const errors = (resources[lng].forums as { errors: Record<string, string> }).errors;
      expect(errors.threadLocked).toBeTruthy();
      expect(errors.threadHidden).toBeTruthy();
    }
  });

  it("refuses a forged post or thread from outside the group, storing nothing", async () => {
    const pub = await makeForum("public");
    const priv = await makeForum("private");
    for (const f of [pub, priv]) {
      const id = await startThread(f, f.users.member!, "Tema", "Cuerpo");
      const denied = pub === f ? 403 : 404;
      for (const who of [f.users.platformMember, f.users.pending, f.users.otherModerator]) {
        expect((await reply(f, who!, id, "Mensaje falso")).status).toBe(denied);
        const created = await postForm(
          newThreadRoute.action,
          `${f.base}/threads/new`,
          { slug: f.platform.slug, groupId: f.group.id },
          who,
          { _form: "thread", title: "Tema falso", body: "Falso" },
        );
        expect(created.status).toBe(denied);
      }
    }
    expect(await db.post.count({ where: { body: { in: ["Mensaje falso", "Falso"] } } })).toBe(0);
    expect(await db.thread.count({ where: { title: "Tema falso" } })).toBe(0);
  });

  it("starts a thread with its opening post; bad input stays beside the fields", async () => {
    const f = await makeForum();
    const send = (fields: Record<string, string>) =>
      postForm(
        newThreadRoute.action,
        `${f.base}/threads/new`,
        { slug: f.platform.slug, groupId: f.group.id },
        f.users.member,
        { _form: "thread", ...fields },
      );
    const empty = await send({ title: "Sin cuerpo", body: "" });
    expect(empty.status).toBe(400);
    expect(text(empty.body)).toContain("Sin cuerpo");
    const long = await send({ title: "x".repeat(151), body: "Hola" });
    expect(long.status).toBe(400);
    expect(text(long.body)).toContain("validation.tooLong");
    expect(await db.thread.count({ where: { groupId: f.group.id } })).toBe(0);
    const made = await send({ title: "Huertos familiares", body: "Empecemos" });
    expect(made.status).toBe(302);
    const thread = await db.thread.findFirstOrThrow({ where: { groupId: f.group.id } });
    expect(made.location).toBe(`${f.base}/threads/${thread.id}`);
    expect(thread.searchText).toBe("huertos familiares");
    const posts = await db.post.findMany({ where: { discussionId: thread.discussionId } });
    expect(posts.map((p) => p.body)).toEqual(["Empecemos"]);
    expect(thread.lastActivityAt.getTime()).toBe(posts[0].createdAt.getTime());
  });

  it("lets only this group's moderators moderate", async () => {
    const f = await makeForum();
    const id = await startThread(f, f.users.member!, "Tema", "Cuerpo");
    const post = await db.post.findFirstOrThrow({ where: { discussion: { thread: { id } } } });
    for (const who of [f.users.otherModerator, f.users.member, f.users.coordinator]) {
      for (const intent of ["pin", "lock", "raise"]) {
        expect((await onThread(f, who, id, { intent, _form: "moderation" })).status).toBe(403);
      }
      // Even with a form that would not validate: the refusal is about who, not what.
      expect(
        (await onThread(f, who, id, { intent: "hideThread", _form: "hideThread", reason: "" }))
          .status,
      ).toBe(403);
      expect(
        (
          await onThread(f, who, id, {
            intent: "hidePost",
            _form: "hide",
            postId: post.id,
            reason: "No",
          })
        ).status,
      ).toBe(403);
    }
    const thread = await db.thread.findUniqueOrThrow({ where: { id } });
    expect(thread).toMatchObject({ pinnedAt: null, lockedAt: null, proposalId: null });
    expect(await db.auditEvent.count({ where: { entityId: { in: [id, post.id] } } })).toBe(0);
  });

  it("raises a thread once when two moderators raise it at the same moment", async () => {
    const f = await makeForum("private");
    const id = await startThread(f, f.users.member!, "Agua para Sani Isla", "Un pozo nuevo.");
    const raise = () =>
      onThread(f, f.users.moderator, id, { intent: "raise", _form: "moderation" });
    const answers = await Promise.all([raise(), raise()]);
    // One raised it; the other is told so beside the form, not shown an error page.
    expect(answers.map((a) => a.status).sort()).toEqual([302, 400]);
    expect(text(answers.find((a) => a.status === 400)!.body)).toContain(
      "forums:errors.alreadyRaised",
    );
    expect(await db.proposal.count({ where: { raisedByGroupId: f.group.id } })).toBe(1);
  });

  it("raises a thread to the platform once, credited to the group", async () => {
    const f = await makeForum("private");
    const id = await startThread(
      f,
      f.users.member!,
      "Guardería en las asambleas",
      "Proponemos **un espacio** para niñas y niños durante las asambleas.",
    );
    const raised = await onThread(f, f.users.moderator, id, {
      intent: "raise",
      _form: "moderation",
    });
    expect(raised.status).toBe(302);
    const thread = await db.thread.findUniqueOrThrow({ where: { id } });
    const proposal = await db.proposal.findUniqueOrThrow({
      where: { id: thread.proposalId! },
      include: { history: true },
    });
    expect(proposal).toMatchObject({
      platformId: f.platform.id,
      state: "draft",
      title: "Guardería en las asambleas",
      summary: "Proponemos **un espacio** para niñas y niños durante las asambleas.",
      authorId: f.users.moderator!.id,
      raisedByGroupId: f.group.id,
    });
    expect(proposal.body).toContain("**un espacio**");
    expect(proposal.history.map((h) => h.toState)).toEqual(["draft"]);
    expect(await db.auditEvent.count({ where: { action: "thread.raised", entityId: id } })).toBe(1);
    const again = await onThread(f, f.users.moderator, id, {
      intent: "raise",
      _form: "moderation",
    });
    expect(again.status).toBe(400);
    expect(text(again.body)).toContain("forums:errors.alreadyRaised");
    expect(await db.proposal.count({ where: { raisedByGroupId: f.group.id } })).toBe(1);

    const proposalPage = (user: AuthUser | null) =>
      getPage(
        proposalRoute.loader,
        `/platforms/${f.platform.slug}/proposals/${proposal.id}`,
        { slug: f.platform.slug, proposalId: proposal.id },
        user,
      );
    // The moderator (its author) reads the group: the credit links to the thread.
    const mine = (await proposalPage(f.users.moderator)).body as Json;
    expect(mine.raised).toMatchObject({
      groupName: "Mujeres del corredor",
      thread: { id, title: "Guardería en las asambleas" },
    });
    // The coordinator sees the draft and the group's name, not the private thread.
    const coordinator = (await proposalPage(f.users.coordinator)).body as Json;
    expect(coordinator.raised).toEqual({
      groupName: "Mujeres del corredor",
      groupId: f.group.id,
      thread: null,
    });
    expect(text(coordinator)).not.toContain(id);
    // The thread links to its proposal.
    expect((await threadPage(f, f.users.member, id)).body).toMatchObject({
      thread: { proposalId: proposal.id },
    });
  });

  it("neutralizes HTML and scripts in titles and posts", async () => {
    const f = await makeForum();
    const id = await startThread(
      f,
      f.users.member!,
      "<script>alert(1)</script> Fiesta",
      'Hola <img src=x onerror="alert(2)"> <script>alert(3)</script> [enlace](javascript:alert(4))',
    );
    const page = (await threadPage(f, f.users.member, id)).body as {
      discussion: { posts: { bodyHtml: string }[] };
      thread: { title: string };
    };
    const html = page.discussion.posts[0].bodyHtml;
    expect(html).not.toMatch(/<script|onerror|javascript:/i);
    // The title is text, shown escaped by React; the share tags carry it as text too.
    expect(page.thread.title).toBe("<script>alert(1)</script> Fiesta");
  });

  it("shares a public, visible thread only", async () => {
    const pub = await makeForum("public");
    const priv = await makeForum("private");
    const open = await startThread(
      pub,
      pub.users.member!,
      "Feria de semillas",
      "El domingo en la plaza",
    );
    const closed = await startThread(priv, priv.users.member!, "Entre nosotras", "Privado");
    const shared = (await threadPage(pub, null, open)).body as Json;
    expect(shared.share).toMatchObject({
      title: "Feria de semillas",
      description: "El domingo en la plaza",
    });
    expect(shared.whatsapp).toMatch(/^https:\/\/wa\.me\/\?text=/);
    const notShared = (await threadPage(priv, priv.users.member, closed)).body as Json;
    expect(notShared).toMatchObject({ share: null, whatsapp: null });
    await onThread(pub, pub.users.moderator, open, {
      intent: "hideThread",
      _form: "hideThread",
      reason: "Spam",
    });
    expect((await threadPage(pub, null, open)).body).toMatchObject({ share: null, whatsapp: null });
  });

  it("queues open reports of the group's posts for its moderators", async () => {
    const f = await makeForum();
    const id = await startThread(f, f.users.member!, "Caminos", "Hay que arreglar el puente");
    await reply(f, f.users.moderator!, id, "Comentario dudoso");
    const post = await db.post.findFirstOrThrow({ where: { body: "Comentario dudoso" } });
    const report = await onThread(f, f.users.member, id, {
      intent: "reportPost",
      _form: `report-${post.id}`,
      postId: post.id,
      reason: "Insulta",
    });
    expect(report.status).toBe(302);
    const queue = (
      await getPage(
        reportsRoute.loader,
        `${f.base}/reports`,
        { slug: f.platform.slug, groupId: f.group.id },
        f.users.moderator,
      )
    ).body as { queue: Json[] };
    expect(queue.queue).toEqual([
      expect.objectContaining({
        postId: post.id,
        threadId: id,
        threadTitle: "Caminos",
        reasons: ["Insulta"],
      }),
    ]);
    expect(((await forumPage(f, f.users.moderator)).body as Json).reports).toBe(1);
    await onThread(f, f.users.moderator, id, {
      intent: "dismissReports",
      _form: `dismiss-${post.id}`,
      postId: post.id,
    });
    expect(((await forumPage(f, f.users.moderator)).body as Json).reports).toBe(0);
  });
});
