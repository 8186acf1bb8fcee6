import { db } from "~/db.server";
import { hashPassword } from "~/auth/password.server";
import { createWalkIn } from "~/participants/participants.server";
import { seedDemoCourses } from "./demo-courses.server";
import { seedDemoGroups } from "./demo-groups.server";
import { seedDemoForums } from "./demo-forums.server";
import { closeCourseIn } from "~/courses/certificates.server";
import { getCourse } from "~/courses/courses.server";
import { searchable } from "~/text/searchable";
import { closeInTransaction, voteOf } from "~/votes/settle.server";
import { splitHands } from "~/votes/tally-rules";
import { participantSearchText } from "~/participants/participants.server";
import { createMembership } from "~/platforms/membership.server";

/** The one password of every demo account; shown by the demo command and the README. */
export const DEMO_PASSWORD = "minga-demo-2026";

export const DEMO_ACCOUNTS = [
  { role: "admin", email: "admin@minga.example", name: "Adela Administradora" },
  { role: "coordinator", email: "coordinadora@minga.example", name: "Rosa Andi" },
  { role: "facilitator", email: "facilitador@minga.example", name: "Luis Criollo" },
  { role: "member", email: "miembro@minga.example", name: "María Yumbo" },
  { role: "user", email: "usuario@minga.example", name: "Carlos Tanguila" },
] as const;

/** Community members of the Putumayo–Aguarico platform (they sign in with the demo password too). */
const COMMUNITY_MEMBERS = [
  { name: "Tupak Grefa", community: "Sani Isla", people: "Kichwa", gender: "man", birthYear: 1999 },
  {
    name: "Alicia Criollo",
    community: "Dureno",
    people: "A'i Cofán",
    gender: "woman",
    birthYear: 1975,
  },
  {
    name: "Rebeca Piaguaje",
    community: "San Pablo de Katëtsiaya",
    people: "Secoya",
    gender: "woman",
    birthYear: 2003,
  },
  {
    name: "Humberto Yiyoguaje",
    community: "Sototsiaya",
    people: "Siona",
    gender: "man",
    birthYear: 1958,
  },
  {
    name: "Luz Mamallacta",
    community: "Pañacocha",
    people: "Kichwa",
    gender: "woman",
    birthYear: 1988,
  },
  {
    name: "Jorge Quenamá",
    community: "Zábalo",
    people: "A'i Cofán",
    gender: "man",
    birthYear: 1969,
  },
  {
    name: "Fernanda Ortiz",
    community: "Asociación Cacao Aguarico",
    people: "Mestiza",
    gender: "woman",
    birthYear: 1994,
  },
];

const MEMBERS_WITHOUT_ACCOUNT = [
  {
    name: "Mercedes Aguinda",
    community: "Arutam",
    people: "Shuar",
    gender: "woman",
    ageGroup: "elder",
    phone: "+593 99 555 0172",
  },
  {
    name: "Tránsito Tsamaraint",
    community: "Arutam",
    people: "Shuar",
    gender: "man",
    birthYear: 2004,
  },
  { name: "Luzmila Chumpi", community: "Kuamar", people: "Shuar", gender: "woman" },
];

const DAY = 24 * 3600_000;

const PLATFORMS = [
  {
    slug: "putumayo-aguarico",
    name: "Corredor de conectividad Putumayo–Aguarico",
    country: "EC",
    region: "Sucumbíos",
    timeZone: "America/Guayaquil",
    quorumPercent: 50,
    // Walk-ins vote by show of hands at this platform's assemblies (off by default).
    nonMembersVoteByHand: true,
    approvalRule: "simple",
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
    approvalRule: "simple",
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
    approvalRule: "simple",
    descriptionEs:
      "Concesión para conservación en San Martín, gestionada por una asociación comunitaria con su comité de vigilancia, que patrulla el bosque y responde a los delitos ambientales.",
    descriptionEn:
      "Conservation concession in San Martín, managed by a community association with its surveillance committee, which patrols the forest and responds to environmental crimes.",
  },
];

// Hundreds of writes in one transaction: over a connection to PostgreSQL they take longer than
// an interactive transaction's default 5 s, most of all on a busy machine.
const SEED_TRANSACTION = { timeout: 120_000 };

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
          participant: {
            create: {
              name: account.name,
              community: "Comunidad demo",
              searchText: participantSearchText({
                name: account.name,
                community: "Comunidad demo",
              }),
            },
          },
        },
        include: { participant: true },
      });
      if (
        account.role === "coordinator" ||
        account.role === "facilitator" ||
        account.role === "member"
      ) {
        await tx.membership.create({
          data: {
            participantId: user.participant!.id,
            userId: user.id,
            platformId: main.id,
            status: "active",
            role: account.role,
            periods: { create: { startedAt: new Date("2026-01-15T14:00:00Z") } },
          },
        });
      }
    }
    // Members without an account on Palora–Pastaza: no e-mail or phone of their own, added by
    // the coordination as members (decision 025); the directory marks them for coordinators.
    for (const person of MEMBERS_WITHOUT_ACCOUNT) {
      const participant = await tx.participant.create({
        data: { ...person, searchText: participantSearchText(person) },
      });
      await createMembership(
        tx,
        participant,
        platforms[1].id,
        { status: "active" },
        new Date("2026-03-02T14:00:00Z"),
      );
    }
    const memberIds: string[] = [];
    const memberUserIds: string[] = [];
    for (const [i, person] of COMMUNITY_MEMBERS.entries()) {
      const { name, ...profile } = person;
      const user = await tx.user.create({
        data: {
          email: `comunidad${i + 1}@minga.example`,
          name,
          passwordHash,
          participant: {
            create: { name, ...profile, searchText: participantSearchText({ name, ...profile }) },
          },
        },
        include: { participant: true },
      });
      await tx.membership.create({
        data: {
          participantId: user.participant!.id,
          userId: user.id,
          platformId: main.id,
          status: "active",
          periods: { create: { startedAt: new Date("2026-02-01T14:00:00Z") } },
        },
      });
      memberIds.push(user.participant!.id);
      memberUserIds.push(user.id);
    }

    // One assembly coming up and one already held, with attendance and published minutes.
    const now = Date.now();
    const at = (days: number, hourUtc: number) => {
      const d = new Date(now + days * DAY);
      d.setUTCHours(hourUtc, 0, 0, 0);
      return d;
    };
    await tx.meeting.create({
      data: {
        platformId: main.id,
        title: "Asamblea ordinaria del corredor",
        description: "Asamblea trimestral de la plataforma. Traer los informes de cada comunidad.",
        startsAt: at(10, 14),
        endsAt: at(10, 18),
        place: "Casa comunal de Sani Isla",
        agendaItems: {
          create: [
            "Informe de la coordinación",
            "Monitoreo comunitario de fauna: resultados del trimestre",
            "Propuesta de turismo comunitario en la laguna",
            "Varios",
          ].map((title, position) => ({ title, position })),
        },
      },
    });
    const held = await tx.meeting.create({
      data: {
        platformId: main.id,
        title: "Asamblea extraordinaria: vigilancia del territorio",
        description: "Coordinar la respuesta a la tala ilegal reportada en el río Aguarico.",
        startsAt: at(-30, 14),
        endsAt: at(-30, 17),
        place: "Centro Kichwa de Pañacocha",
        status: "held",
        minutes:
          "## Desarrollo\n\nLa asamblea escuchó el informe del comité de vigilancia sobre la tala ilegal en la orilla norte del río.\n\n- Se revisaron las denuncias presentadas.\n- Se acordó un calendario de patrullajes.",
        minutesPublishedAt: at(-28, 15),
        agendaItems: {
          create: ["Informe del comité de vigilancia", "Plan de patrullajes"].map(
            (title, position) => ({
              title,
              position,
            }),
          ),
        },
        decisions: {
          create: [
            "Patrullajes comunitarios cada quince días, rotando entre comunidades.",
            "Presentar la denuncia ante la autoridad ambiental con las fotografías del comité.",
          ].map((text, position) => ({ text, position })),
        },
      },
    });
    for (const [i, participantId] of memberIds.entries()) {
      await tx.attendance.create({
        data: { meetingId: held.id, participantId, status: i < 5 ? "present" : "excused" },
      });
    }
    const walkIn = await createWalkIn(tx, {
      name: "Segundo Andi",
      community: "Limoncocha",
      gender: "man",
      ageGroup: "elder",
    });
    await tx.attendance.create({
      data: { meetingId: held.id, participantId: walkIn.id, status: "present", walkIn: true },
    });

    // Proposals: one under discussion, one decided at that assembly by a vote that has
    // closed (its result computed and stored at the close, like any vote's).
    const authorId = (
      await tx.user.findUniqueOrThrow({ where: { email: "miembro@minga.example" } })
    ).id;
    const coordinatorId = (
      await tx.user.findUniqueOrThrow({ where: { email: "coordinadora@minga.example" } })
    ).id;
    const discussion = await tx.proposal.create({
      data: {
        platformId: main.id,
        authorId,
        title: "Turismo comunitario en la laguna de Pañacocha",
        summary: "Recibir visitantes con guías de las comunidades, sin talar ni cazar.",
        body: "## Propuesta\n\nFormar un grupo de guías jóvenes y acordar un cupo de visitantes por mes.",
        state: "discussion",
        searchText: searchable(
          "Turismo comunitario en la laguna de Pañacocha Recibir visitantes con guías de las comunidades, sin talar ni cazar.",
        ),
        // Written one day, opened for discussion the next: one instant for both would leave
        // their order to the database (PostgreSQL returns equal times in any order).
        createdAt: at(-3, 14),
        history: {
          create: [
            { toState: "draft", actorId: authorId, createdAt: at(-3, 14) },
            { fromState: "draft", toState: "discussion", actorId: authorId, createdAt: at(-2, 13) },
          ],
        },
      },
    });
    const discussionOf = await tx.discussion.create({
      data: { hostType: "proposal", platformId: main.id },
    });
    await tx.proposal.update({
      where: { id: discussion.id },
      data: { discussionId: discussionOf.id },
    });
    await tx.post.create({
      data: {
        discussionId: discussionOf.id,
        authorId: memberUserIds[0],
        body: "Los jóvenes de Sani Isla quieren participar como guías.",
      },
    });
    // Its history follows the real order and dates: written before the assembly, put to
    // the vote at the vote's opening, decided at its closing time.
    const voteOpens = at(-31, 14);
    const voteCloses = at(-29, 23);
    const decided = await tx.proposal.create({
      data: {
        platformId: main.id,
        authorId,
        meetingId: held.id,
        title: "Patrullajes comunitarios cada quince días",
        summary: "Turnos rotativos entre comunidades para vigilar la orilla norte del Aguarico.",
        state: "voting",
        createdAt: at(-36, 15),
        searchText: searchable(
          "Patrullajes comunitarios cada quince días Turnos rotativos entre comunidades para vigilar la orilla norte del Aguarico.",
        ),
        history: {
          create: [
            { toState: "draft", actorId: authorId, createdAt: at(-36, 15) },
            {
              fromState: "draft",
              toState: "discussion",
              actorId: authorId,
              createdAt: at(-35, 13),
            },
            {
              fromState: "discussion",
              toState: "voting",
              actorId: coordinatorId,
              createdAt: voteOpens,
            },
          ],
        },
      },
    });
    const vote = await tx.vote.create({
      data: {
        proposalId: decided.id,
        platformId: main.id,
        kind: "yesNo",
        secret: true,
        opensAt: voteOpens,
        closesAt: voteCloses,
        createdAt: voteOpens,
        createdById: coordinatorId,
        quorumPercent: 50,
        approvalRule: "simple",
        options: {
          create: ["yes", "no", "abstain"].map((code, position) => ({
            code,
            label: code,
            position,
          })),
        },
      },
      include: { options: { orderBy: { position: "asc" } } },
    });
    const [yes, no] = vote.options;
    for (const [i, userId] of memberUserIds.slice(5).entries()) {
      await tx.ballot.create({
        data: { voteId: vote.id, userId, optionId: i === 0 ? yes.id : no.id },
      });
    }
    // The show of hands at the assembly (held after the vote opened): the five members
    // present and Segundo Andi, a walk-in, whom this platform lets vote by hand.
    const hands = { yes: 5, no: 0, abstain: 1 };
    const split = splitHands({
      total: hands.yes + hands.no + hands.abstain,
      membersPresent: 5,
      othersPresent: 1,
      markedMembers: 0,
      nonMembersMayVote: true,
    });
    if (!split.ok) throw new Error("demo tally exceeds the people who may vote");
    const tally = await tx.inPersonTally.create({
      data: { voteId: vote.id, meetingId: held.id, nonMemberHands: split.nonMembers },
    });
    await tx.inPersonCount.createMany({
      data: vote.options.map((o) => ({
        tallyId: tally.id,
        optionId: o.id,
        count: hands[o.code as keyof typeof hands],
      })),
    });
    // Closed at its closing time, as the first read after it would have done.
    await closeInTransaction(tx, await voteOf(tx, main.id, vote.id), voteCloses, null, null);

    const facilitator = await tx.user.findUniqueOrThrow({
      where: { email: "facilitador@minga.example" },
    });
    const demoMember = await tx.participant.findUniqueOrThrow({ where: { userId: authorId } });
    const finished = await seedDemoCourses(tx, {
      main,
      second: platforms[1],
      facilitatorId: facilitator.id,
      coordinatorId,
      members: memberIds,
      demoMember: demoMember.id,
      walkIn: walkIn.id,
    });
    // The finished course was closed the day after its last session: certificates issued by
    // the completion rule, like any course's.
    const closedAt = new Date(now - 39 * DAY);
    const closed = await closeCourseIn(tx, facilitator, await getCourse(finished.id, tx), closedAt);
    if (!closed.ok) throw new Error("the demo course could not be closed");

    await seedDemoGroups(tx, platforms, main.slug);
    // After the groups' demo: the forums of the demo groups.
    await seedDemoForums(tx, main);
  }, SEED_TRANSACTION);
  return { seeded: true };
}
