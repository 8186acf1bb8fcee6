import { db } from "~/db.server";
import { createWalkIn } from "~/participants/participants.server";
import {
  enrolDirectly,
  makeCourse,
  makeTrainingSession,
  makeUser,
  participantOf,
} from "~/test/world";

const DAY = 86400_000;

/** Marks one person at one session (fixtures; the attendance module's rules are tested there). */
export function mark(sessionId: string, participantId: string, status: string) {
  return db.attendance.create({ data: { sessionId, participantId, status } });
}

/**
 * A published course with four held sessions (three hours each, twenty days ago onwards) and one
 * scheduled, and people whose attendance covers every case of the completion rule:
 * - ana: 3 of 4 (one late) → completes at 75 %
 * - beto: 2 of 4 → does not
 * - carla: 3 of 3, one excused → completes
 * - dario: enrolled after the first two sessions, attended the last two → 2 of 2, completes
 * - walkIn (no account, not enrolled): attended all four → completes
 * - ema: 4 of 4 but withdrawn → no certificate
 */
export async function courseWithAttendance(platformId: string | null, completionPercent = 75) {
  const course = await makeCourse(platformId, { completionPercent });
  const start = Date.now() - 20 * DAY;
  const held = [];
  for (let i = 0; i < 4; i++)
    held.push(
      await makeTrainingSession(course.id, {
        startsAt: new Date(start + i * 3 * DAY),
        status: "held",
        topic: `Sesión ${i + 1}`,
      }),
    );
  const upcoming = await makeTrainingSession(course.id, {
    startsAt: new Date(Date.now() + 5 * DAY),
    topic: "Sesión 5",
  });
  const users = {
    ana: await makeUser("Ana Grefa"),
    beto: await makeUser("Beto Shiguango"),
    carla: await makeUser("Carla Tapuy"),
    dario: await makeUser("Darío Andi"),
    ema: await makeUser("Ema Cerda"),
  };
  const p = {
    ana: await participantOf(users.ana.id),
    beto: await participantOf(users.beto.id),
    carla: await participantOf(users.carla.id),
    dario: await participantOf(users.dario.id),
    ema: await participantOf(users.ema.id),
    walkIn: (await createWalkIn(db, { name: "Fabiola Ñaupari", community: "Sani Isla" })).id,
  };
  for (const id of [p.ana, p.beto, p.carla, p.ema]) await enrolDirectly(course.id, id);
  await enrolDirectly(course.id, p.dario, new Date(start + 7 * DAY));
  const rows: [string, (string | null)[]][] = [
    [p.ana, ["present", "late", "absent", "present"]],
    [p.beto, ["present", "absent", null, "present"]],
    [p.carla, ["present", "excused", "present", "present"]],
    [p.dario, [null, null, "present", "late"]],
    [p.walkIn, ["present", "present", "present", "present"]],
    [p.ema, ["present", "present", "present", "present"]],
  ];
  for (const [participantId, marks] of rows)
    for (let i = 0; i < 4; i++) if (marks[i]) await mark(held[i].id, participantId, marks[i]!);
  await db.enrolment.update({
    where: { courseId_participantId: { courseId: course.id, participantId: p.ema } },
    data: { status: "withdrawn", endedAt: new Date(), reason: "Se mudó" },
  });
  return { course, held, upcoming, users, p };
}
