import { db } from "~/db.server";
import { hashPassword } from "~/auth/password.server";

/** The one password of every demo account; shown by the demo command and the README. */
export const DEMO_PASSWORD = "minga-demo-2026";

export const DEMO_ACCOUNTS = [
  { role: "admin", email: "admin@minga.example", name: "Adela Administradora" },
  { role: "coordinator", email: "coordinadora@minga.example", name: "Rosa Andi" },
  { role: "facilitator", email: "facilitador@minga.example", name: "Luis Criollo" },
  { role: "member", email: "miembro@minga.example", name: "María Yumbo" },
  { role: "user", email: "usuario@minga.example", name: "Carlos Tanguila" },
] as const;

const PLATFORMS = [
  {
    slug: "putumayo-aguarico",
    name: "Corredor de conectividad Putumayo–Aguarico",
    country: "EC",
    region: "Sucumbíos",
    timeZone: "America/Guayaquil",
    quorumPercent: 50,
    approvalPercent: 50,
    descriptionEs:
      "Plataforma de decisión del corredor que une los ríos Putumayo y Aguarico, en Sucumbíos. Cerca del 40 % de la población del paisaje es indígena: kichwa, a'i cofán, siona y secoya, junto a asociaciones campesinas y de productores.",
    descriptionEn:
      "Decision-making platform of the corridor joining the Putumayo and Aguarico rivers in Sucumbíos. About 40 % of the landscape's population is indigenous (Kichwa, A'i Cofán, Siona and Secoya), alongside peasant and producer associations.",
  },
  {
    slug: "palora-pastaza",
    name: "Corredor de conectividad Palora–Pastaza",
    country: "EC",
    region: "Morona Santiago y Pastaza",
    timeZone: "America/Guayaquil",
    quorumPercent: 50,
    approvalPercent: 50,
    descriptionEs:
      "Plataforma de decisión del corredor entre los ríos Palora y Pastaza, en Morona Santiago y Pastaza. Cerca del 70 % de su población es indígena: shuar, achuar y kichwa.",
    descriptionEn:
      "Decision-making platform of the corridor between the Palora and Pastaza rivers in Morona Santiago and Pastaza. About 70 % of its population is indigenous: Shuar, Achuar and Kichwa.",
  },
  {
    slug: "bajo-huallaga",
    name: "Ecosistema Frágil Bajo Huallaga",
    country: "PE",
    region: "San Martín",
    timeZone: "America/Lima",
    quorumPercent: 60,
    approvalPercent: 50,
    descriptionEs:
      "Concesión para conservación en San Martín, gestionada por una asociación comunitaria con su comité de vigilancia, que patrulla el bosque y responde a los delitos ambientales.",
    descriptionEn:
      "Conservation concession in San Martín, managed by a community association with its surveillance committee, which patrols the forest and responds to environmental crimes.",
  },
];

/**
 * Fills an empty database with the demo platforms and one account per role.
 * Does nothing when platforms already exist, so it is safe on every start.
 */
export async function seedDemoContent(): Promise<{ seeded: boolean }> {
  if ((await db.platform.count()) > 0) return { seeded: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    const platforms = [];
    for (const p of PLATFORMS) platforms.push(await tx.platform.create({ data: p }));
    const main = platforms[0];
    for (const account of DEMO_ACCOUNTS) {
      const user = await tx.user.create({
        data: {
          email: account.email,
          name: account.name,
          passwordHash,
          isAdmin: account.role === "admin",
          participant: { create: { name: account.name, community: "Comunidad demo" } },
        },
      });
      if (
        account.role === "coordinator" ||
        account.role === "facilitator" ||
        account.role === "member"
      ) {
        await tx.membership.create({
          data: { userId: user.id, platformId: main.id, status: "active", role: account.role },
        });
      }
    }
  });
  return { seeded: true };
}
