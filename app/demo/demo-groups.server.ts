import type { DbClient } from "~/db.server";

/**
 * The demo's groups: on every platform a women's group and a youth group. On the main
 * corridor the women's group is private, joined by approval and moderated by María Yumbo
 * (miembro@), with some of the platform's women in it and one request waiting; the youth group
 * is public and open. The forums' demo (app/demo/demo-forums.server.ts) finds these groups by
 * their Spanish name and platform and adds their threads.
 */

export const WOMEN_GROUP = {
  nameEs: "Mujeres del corredor",
  nameEn: "Women of the corridor",
  descriptionEs:
    "Espacio de las mujeres de las comunidades del corredor: liderazgo, emprendimientos, salud y cuidado del territorio.",
  descriptionEn:
    "A space for the women of the corridor's communities: leadership, enterprises, health and care of the territory.",
};

export const YOUTH_GROUP = {
  nameEs: "Jóvenes del corredor",
  nameEn: "Youth of the corridor",
  descriptionEs:
    "Jóvenes de las comunidades que se organizan para el monitoreo, el turismo comunitario y la comunicación.",
  descriptionEn:
    "Young people of the communities organising for monitoring, community tourism and communication.",
};

const byEmail = async (tx: DbClient, email: string) =>
  (await tx.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;

export type DemoGroupIds = Record<string, { women: string; youth: string }>;

/** Creates the groups; returns their ids by platform slug. */
export async function seedDemoGroups(
  tx: DbClient,
  platforms: { id: string; slug: string }[],
  mainSlug: string,
): Promise<DemoGroupIds> {
  const ids: DemoGroupIds = {};
  const creator = await byEmail(tx, "coordinadora@minga.example");
  for (const platform of platforms) {
    const main = platform.slug === mainSlug;
    const women = await tx.group.create({
      data: {
        platformId: platform.id,
        ...WOMEN_GROUP,
        visibility: main ? "private" : "public",
        joining: "approval",
        createdById: main ? creator : null,
      },
    });
    const youth = await tx.group.create({
      data: {
        platformId: platform.id,
        ...YOUTH_GROUP,
        visibility: "public",
        joining: "open",
        createdById: main ? creator : null,
      },
    });
    ids[platform.slug] = { women: women.id, youth: youth.id };
    if (!main) continue;

    const join = async (
      groupId: string,
      email: string,
      role: "member" | "moderator" = "member",
      status: "active" | "pending" = "active",
    ) =>
      tx.groupMembership.create({
        data: { groupId, userId: await byEmail(tx, email), role, status },
      });
    // María Yumbo moderates; Alicia Criollo, Rebeca Piaguaje and Luz Mamallacta are members;
    // Fernanda Ortiz has asked to join.
    await join(women.id, "miembro@minga.example", "moderator");
    for (const n of [2, 3, 5]) await join(women.id, `comunidad${n}@minga.example`);
    await join(women.id, "comunidad7@minga.example", "member", "pending");
    // Tupak Grefa moderates the youth group; Rebeca Piaguaje is in it too.
    await join(youth.id, "comunidad1@minga.example", "moderator");
    await join(youth.id, "comunidad3@minga.example");
  }
  return ids;
}
