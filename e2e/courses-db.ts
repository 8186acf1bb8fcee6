import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";

/**
 * Setup the sessions journey needs while course creation is not a page on this branch:
 * courses written into the e2e database by e2e/start-server.sh before the server starts (a
 * second writer next to the running server would break its one-connection lock), one per
 * language. Everything the test checks is then done through the pages.
 */
function client() {
  return new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url: "file:./.tmp/e2e.db", timeout: 5000 }),
  });
}

const day = (offset: number) =>
  new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);

/**
 * A published course of the demo platform that its facilitators manage, with the demo
 * member and user enrolled and `extra` more people (so the printed sheet runs to two
 * pages), and a person without an account counted before at another course's session.
 */
async function courseForSessions(db: PrismaClient, stamp: string, extra = 40) {
  {
    const platform = await db.platform.findUniqueOrThrow({ where: { slug: "putumayo-aguarico" } });
    const course = await db.course.create({
      data: {
        id: `e2e-sessions-${stamp}`,
        platformId: platform.id,
        titleEs: `Monitoreo de fauna ${stamp}`,
        titleEn: `Fauna monitoring ${stamp}`,
        topic: "fauna",
        startDate: day(-10),
        endDate: day(30),
        timeZone: "America/Guayaquil",
        status: "published",
      },
    });
    const enrolled = await db.participant.findMany({
      where: { user: { email: { in: ["miembro@minga.example", "usuario@minga.example"] } } },
    });
    for (let i = 0; i < extra; i++) {
      enrolled.push(
        await db.participant.create({
          data: { name: `Persona ${String(i + 1).padStart(2, "0")} ${stamp}`, community: "Dureno" },
        }),
      );
    }
    for (const p of enrolled) {
      await db.enrolment.create({
        data: {
          courseId: course.id,
          participantId: p.id,
          enrolledAt: new Date(Date.now() - 86400_000),
        },
      });
    }
    // Someone who came without an account to a session of an earlier course here.
    const earlier = await db.course.create({
      data: {
        platformId: platform.id,
        titleEs: `Curso anterior ${stamp}`,
        titleEn: `Earlier course ${stamp}`,
        topic: "fauna",
        startDate: day(-60),
        endDate: day(-30),
        timeZone: "America/Guayaquil",
        status: "closed",
      },
    });
    const held = await db.trainingSession.create({
      data: {
        courseId: earlier.id,
        topic: "Huellas",
        startsAt: new Date(Date.now() - 40 * 86400_000),
        endsAt: new Date(Date.now() - 40 * 86400_000 + 3 * 3600_000),
        status: "held",
      },
    });
    const walkInName = `Rosa Shiguango ${stamp}`;
    const walkIn = await db.participant.create({
      data: {
        name: walkInName,
        community: "Pañacocha",
        searchText: `rosa shiguango ${stamp} panacocha`,
      },
    });
    await db.attendance.create({
      data: { sessionId: held.id, participantId: walkIn.id, status: "present", walkIn: true },
    });
    return {
      courseId: course.id,
      titleEs: course.titleEs,
      titleEn: course.titleEn,
      startDate: course.startDate,
      endDate: course.endDate,
      walkInName,
    };
  }
}

export const SESSION_LANGUAGES = ["es", "en"] as const;

/** What the journey in each language finds (ids and names are fixed: the database is fresh). */
export function sessionCourse(stamp: (typeof SESSION_LANGUAGES)[number]) {
  return {
    courseId: `e2e-sessions-${stamp}`,
    titleEs: `Monitoreo de fauna ${stamp}`,
    titleEn: `Fauna monitoring ${stamp}`,
    startDate: day(-10),
    endDate: day(30),
    walkInName: `Rosa Shiguango ${stamp}`,
  };
}

export async function seedSessionCourses() {
  const db = client();
  try {
    for (const lang of SESSION_LANGUAGES) await courseForSessions(db, lang);
  } finally {
    await db.$disconnect();
  }
}
