import type { DbClient } from "~/db.server";
import { addPost } from "~/discussions/discussions.server";
import { createThread, hideThread, setThreadFlag } from "~/groups/forum.server";
import { groupActorOf, threadDiscussionHost } from "~/groups/groups.server";
import { raiseThread } from "~/groups/raise.server";

/**
 * Demo threads for the demo groups of the main platform (app/demo/demo-groups.server.ts
 * creates the groups): real-looking conversations in Spanish, written through the forum's
 * own domain functions, with one pinned thread, one locked, one reported post and one
 * raised to the platform as a proposal draft.
 */

const DAY = 24 * 3600_000;

type Ref = { id: string; platformId: string; nameEs: string };

/**
 * The demo groups by name; when the groups' demo has not run (this file on its own), a
 * clearly named stand-in with the same names and settings, so the forums still seed.
 */
async function demoGroup(
  tx: DbClient,
  platformId: string,
  nameEs: string,
  fallback: { nameEn: string; visibility: string; joining: string; descriptionEs: string },
): Promise<Ref> {
  const found = await tx.group.findFirst({ where: { platformId, nameEs } });
  if (found) return found;
  return tx.group.create({
    data: {
      platformId,
      nameEs,
      nameEn: fallback.nameEn,
      visibility: fallback.visibility,
      joining: fallback.joining,
      descriptionEs: fallback.descriptionEs,
      descriptionEn: fallback.descriptionEs,
    },
  });
}

/** Makes sure the people who write in a group are active members of it (role as given). */
async function ensureMember(
  tx: DbClient,
  groupId: string,
  userId: string,
  role: "member" | "moderator",
) {
  const existing = await tx.groupMembership.findUnique({
    where: { groupId_userId: { groupId, userId } },
  });
  if (existing?.status === "active") {
    if (role === "moderator" && existing.role !== "moderator") {
      await tx.groupMembership.update({ where: { id: existing.id }, data: { role } });
    }
    return;
  }
  await tx.groupMembership.upsert({
    where: { groupId_userId: { groupId, userId } },
    create: { groupId, userId, role, status: "active" },
    update: { role, status: "active" },
  });
}

interface DemoThread {
  author: string;
  title: string;
  body: string;
  daysAgo: number;
  replies: { author: string; body: string; hoursLater: number }[];
}

async function userId(tx: DbClient, email: string) {
  return (await tx.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

/** Writes a thread and its replies, then dates them as if written over the past days. */
async function writeThread(tx: DbClient, group: Ref, t: DemoThread, now: number) {
  const author = { id: await userId(tx, t.author), isAdmin: false };
  const actor = await groupActorOf(tx, author, group);
  const made = await createThread(tx, group, actor, author, { title: t.title, body: t.body });
  if (!made.ok) throw new Error(`demo thread refused: ${t.title}`);
  const threadId = made.value.threadId;
  const start = now - t.daysAgo * DAY;
  const thread = await tx.thread.findUniqueOrThrow({ where: { id: threadId } });
  const opening = await tx.post.findFirstOrThrow({ where: { discussionId: thread.discussionId } });
  await tx.post.update({ where: { id: opening.id }, data: { createdAt: new Date(start) } });
  let last = start;
  for (const r of t.replies) {
    const person = { id: await userId(tx, r.author), isAdmin: false };
    const fresh = await tx.thread.findUniqueOrThrow({ where: { id: threadId } });
    const host = threadDiscussionHost(fresh, group, await groupActorOf(tx, person, group));
    const posted = await addPost(tx, host, person, { body: r.body });
    if (!posted.ok) throw new Error(`demo reply refused in ${t.title}`);
    last = start + r.hoursLater * 3600_000;
    await tx.post.update({
      where: { id: posted.value.postId },
      data: { createdAt: new Date(last) },
    });
  }
  await tx.thread.update({
    where: { id: threadId },
    data: { createdAt: new Date(start), lastActivityAt: new Date(last) },
  });
  return threadId;
}

const MARIA = "miembro@minga.example";
const ALICIA = "comunidad2@minga.example";
const REBECA = "comunidad3@minga.example";
const LUZ = "comunidad5@minga.example";
const TUPAK = "comunidad1@minga.example";

export const DEMO_FORUM_GROUPS = {
  women: "Mujeres del corredor",
  youth: "Jóvenes del corredor",
} as const;

export async function seedDemoForums(tx: DbClient, main: { id: string }, now = Date.now()) {
  const women = await demoGroup(tx, main.id, DEMO_FORUM_GROUPS.women, {
    nameEn: "Women of the corridor",
    visibility: "private",
    joining: "approval",
    descriptionEs: "Espacio propio de las mujeres de las comunidades del corredor.",
  });
  const youth = await demoGroup(tx, main.id, DEMO_FORUM_GROUPS.youth, {
    nameEn: "Youth of the corridor",
    visibility: "public",
    joining: "open",
    descriptionEs: "Jóvenes de las comunidades: deporte, comunicación y monitoreo.",
  });
  await ensureMember(tx, women.id, await userId(tx, MARIA), "moderator");
  for (const email of [ALICIA, LUZ])
    await ensureMember(tx, women.id, await userId(tx, email), "member");
  await ensureMember(tx, youth.id, await userId(tx, TUPAK), "moderator");
  await ensureMember(tx, youth.id, await userId(tx, REBECA), "member");

  const maria = { id: await userId(tx, MARIA), isAdmin: false };
  const moderate = async (group: Ref, who: { id: string; isAdmin: boolean }) =>
    groupActorOf(tx, who, group);

  const crafts = await writeThread(
    tx,
    women,
    {
      author: ALICIA,
      title: "Taller de artesanías con semillas para la feria de Lago Agrio",
      body: "Compañeras, la feria es el último sábado del mes. Propongo que nos reunamos dos tardes antes para preparar collares y pulseras con semillas de huayruro y achira. ¿Quién puede prestar su casa?",
      daysAgo: 9,
      replies: [
        {
          author: LUZ,
          body: "En mi casa en Pañacocha hay espacio. Llevo hilo y agujas.",
          hoursLater: 5,
        },
        {
          author: MARIA,
          body: "Muy bien. Dejo fijado este tema para que todas lo vean. Anoten aquí cuántas piezas lleva cada una.",
          hoursLater: 20,
        },
      ],
    },
    now,
  );
  await setThreadFlag(
    tx,
    women,
    await moderate(women, maria),
    maria,
    crafts,
    "pin",
    new Date(now - 8 * DAY),
  );

  const childcare = await writeThread(
    tx,
    women,
    {
      author: LUZ,
      title: "Guardería durante las asambleas",
      body: "Muchas no podemos participar en las asambleas porque no hay quien cuide a los guaguas. Propongo que la plataforma organice un espacio de cuidado infantil, con turnos rotativos entre las comunidades, en cada asamblea ordinaria.",
      daysAgo: 7,
      replies: [
        {
          author: ALICIA,
          body: "De acuerdo. En Dureno ya lo hicimos una vez y funcionó.",
          hoursLater: 3,
        },
        {
          author: MARIA,
          body: "Lo llevo a la plataforma como propuesta a nombre del grupo.",
          hoursLater: 26,
        },
      ],
    },
    now,
  );
  const raised = await raiseThread(tx, women, await moderate(women, maria), maria, childcare);
  if (!raised.ok) throw new Error("the demo thread could not be raised");

  const water = await writeThread(
    tx,
    women,
    {
      author: ALICIA,
      title: "Cuidado del agua en las chacras",
      body: "Después de las lluvias el agua del estero baja turbia. ¿Alguien sabe si el municipio hizo análisis este año?",
      daysAgo: 12,
      replies: [
        {
          author: LUZ,
          body: "Sí, los resultados se leyeron en la última asamblea; están en el acta.",
          hoursLater: 30,
        },
        {
          author: MARIA,
          body: "Cierro el tema: la respuesta está en el acta publicada.",
          hoursLater: 34,
        },
      ],
    },
    now,
  );
  await setThreadFlag(
    tx,
    women,
    await moderate(women, maria),
    maria,
    water,
    "lock",
    new Date(now - 10 * DAY),
  );

  const transport = await writeThread(
    tx,
    women,
    {
      author: LUZ,
      title: "Transporte para el encuentro de mujeres en Nueva Loja",
      body: "El encuentro es en tres semanas. Necesitamos saber cuántas vamos para pedir la camioneta de la asociación.",
      daysAgo: 3,
      replies: [
        { author: ALICIA, body: "Vamos cuatro desde Dureno.", hoursLater: 4 },
        {
          author: ALICIA,
          body: "Y que no vengan las de siempre a hablar sin hacer nada.",
          hoursLater: 6,
        },
      ],
    },
    now,
  );
  const rude = await tx.post.findFirstOrThrow({
    where: { body: { startsWith: "Y que no vengan" }, discussion: { thread: { id: transport } } },
  });
  await tx.postReport.create({
    data: {
      postId: rude.id,
      reporterId: await userId(tx, LUZ),
      reason: "Es una falta de respeto hacia otras compañeras.",
    },
  });

  await writeThread(
    tx,
    youth,
    {
      author: REBECA,
      title: "Torneo de fútbol entre comunidades",
      body: "Queremos organizar un torneo en las vacaciones. Cada comunidad arma un equipo mixto. ¿Qué cancha nos queda más a mano a todos?",
      daysAgo: 5,
      replies: [
        {
          author: TUPAK,
          body: "La cancha de Sani Isla está buena y hay canoa para llegar.",
          hoursLater: 2,
        },
      ],
    },
    now,
  );
  const videos = await writeThread(
    tx,
    youth,
    {
      author: TUPAK,
      title: "Grabemos videos del monitoreo de fauna",
      body: "Con los celulares podemos grabar las cámaras trampa y contar lo que vemos. Así los mayores y los que viven lejos conocen el trabajo.",
      daysAgo: 2,
      replies: [
        {
          author: REBECA,
          body: "¡Sí! Yo puedo editar los videos y ponerles subtítulos en kichwa.",
          hoursLater: 8,
        },
      ],
    },
    now,
  );
  // One thread hidden by its moderator, to show how a hidden thread reads.
  const spam = await writeThread(
    tx,
    youth,
    {
      author: REBECA,
      title: "Vendo celulares baratos",
      body: "Escríbanme al privado.",
      daysAgo: 1,
      replies: [],
    },
    now,
  );
  const tupak = { id: await userId(tx, TUPAK), isAdmin: false };
  await hideThread(
    tx,
    youth,
    await moderate(youth, tupak),
    tupak,
    spam,
    "Publicidad, no es tema del grupo.",
  );
  return {
    women: women.id,
    youth: youth.id,
    threads: { crafts, childcare, water, transport, videos },
  };
}
