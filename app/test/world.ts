import { ownParticipant } from "~/participants/own-record.server";
import { participantSearchText } from "~/participants/participants.server";
import { randomUUID } from "node:crypto";
import type { AuthUser } from "~/auth/session.server";
import { db } from "~/db.server";

export const ROLE_NAMES = [
  "anonymous",
  "user",
  "member",
  "facilitator",
  "coordinator",
  "admin",
  "otherCoordinator",
] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

const PERIOD_START = new Date("2026-01-01T00:00:00Z");

export async function makePlatform(
  overrides: Partial<{ quorumPercent: number; timeZone: string }> = {},
) {
  const slug = `p-${randomUUID().slice(0, 8)}`;
  return db.platform.create({
    data: {
      slug,
      name: `Plataforma ${slug}`,
      descriptionEs: "Descripción",
      descriptionEn: "Description",
      country: "EC",
      region: "Sucumbíos",
      timeZone: overrides.timeZone ?? "America/Guayaquil",
      quorumPercent: overrides.quorumPercent ?? 50,
    },
  });
}

/** A person with an account (no real password: these tests never log in). */
export async function makeUser(name = "Persona", isAdmin = false): Promise<AuthUser> {
  const email = `${randomUUID().slice(0, 10)}@example.org`;
  const user = await db.user.create({
    data: {
      email,
      name,
      passwordHash: "x",
      isAdmin,
      // As a sign-up writes it (accounts.server.ts): searches read it.
      participant: { create: { name, searchText: participantSearchText({ name }) } },
    },
  });
  return { id: user.id, email, name, locale: null, isAdmin };
}

export async function addMember(
  user: { id: string },
  platformId: string,
  role: "member" | "facilitator" | "coordinator" = "member",
  periods: { startedAt: Date; endedAt?: Date | null }[] = [{ startedAt: PERIOD_START }],
) {
  const ended = periods.every((p) => p.endedAt);
  const person = await ownParticipant(
    db,
    await db.user.findUniqueOrThrow({ where: { id: user.id } }),
  );
  return db.membership.create({
    data: {
      participantId: person.id,
      userId: user.id,
      platformId,
      role,
      status: ended ? "left" : "active",
      periods: {
        create: periods.map((p) => ({ startedAt: p.startedAt, endedAt: p.endedAt ?? null })),
      },
    },
  });
}

/** A membership without periods (a request to join, or one to shape by hand in a test). */
export async function makeMembership(
  user: { id: string },
  platformId: string,
  data: { status?: string; role?: string } = {},
) {
  const person = await ownParticipant(
    db,
    await db.user.findUniqueOrThrow({ where: { id: user.id } }),
  );
  return db.membership.create({
    data: { participantId: person.id, userId: user.id, platformId, ...data },
  });
}

/** One platform with a person in every role, and a coordinator of another platform. */
export async function makeWorld() {
  const platform = await makePlatform();
  const other = await makePlatform();
  const users: Record<RoleName, AuthUser | null> = {
    anonymous: null,
    user: await makeUser("Usuaria"),
    member: await makeUser("Miembro"),
    facilitator: await makeUser("Facilitadora"),
    coordinator: await makeUser("Coordinadora"),
    admin: await makeUser("Admin", true),
    otherCoordinator: await makeUser("Coordinador de otra"),
  };
  await addMember(users.member!, platform.id, "member");
  await addMember(users.facilitator!, platform.id, "facilitator");
  await addMember(users.coordinator!, platform.id, "coordinator");
  await addMember(users.otherCoordinator!, other.id, "coordinator");
  return { platform, other, users };
}

export async function makeMeeting(
  platformId: string,
  overrides: Partial<{
    startsAt: Date;
    endsAt: Date;
    status: string;
    minutes: string;
    minutesPublishedAt: Date;
  }> = {},
) {
  // By default it starts within the hour: attendance is open and a vote opened now overlaps.
  const startsAt = overrides.startsAt ?? new Date(Date.now() + 3600_000);
  return db.meeting.create({
    data: {
      platformId,
      title: "Asamblea",
      startsAt,
      endsAt: overrides.endsAt ?? new Date(startsAt.getTime() + 3 * 3600_000),
      place: "Casa comunal",
      status: overrides.status ?? "scheduled",
      minutes: overrides.minutes ?? "",
      minutesPublishedAt: overrides.minutesPublishedAt ?? null,
    },
  });
}

export async function participantOf(userId: string) {
  return (await db.participant.findUniqueOrThrow({ where: { userId } })).id;
}

/** A published course on a platform, running from ten days ago to thirty days ahead. */
export async function makeCourse(
  platformId: string | null,
  overrides: Partial<{
    capacity: number | null;
    enrolmentOpen: boolean;
    status: string;
    completionPercent: number;
    startDate: string;
    endDate: string;
  }> = {},
) {
  const day = (offset: number) =>
    new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);
  return db.course.create({
    data: {
      platformId,
      titleEs: "Monitoreo comunitario de fauna",
      titleEn: "Community fauna monitoring",
      descriptionEs: "Curso de prueba",
      descriptionEn: "Test course",
      topic: "fauna",
      capacity: overrides.capacity === undefined ? 20 : overrides.capacity,
      enrolmentOpen: overrides.enrolmentOpen ?? true,
      startDate: overrides.startDate ?? day(-10),
      endDate: overrides.endDate ?? day(30),
      timeZone: "America/Guayaquil",
      completionPercent: overrides.completionPercent ?? 75,
      status: overrides.status ?? "published",
    },
  });
}

/** A training session of a course, three hours long, starting at `startsAt` (default: within the hour). */
export async function makeTrainingSession(
  courseId: string,
  overrides: Partial<{ startsAt: Date; endsAt: Date; status: string; topic: string }> = {},
) {
  const startsAt = overrides.startsAt ?? new Date(Date.now() + 3600_000);
  return db.trainingSession.create({
    data: {
      courseId,
      topic: overrides.topic ?? "Sesión",
      startsAt,
      endsAt: overrides.endsAt ?? new Date(startsAt.getTime() + 3 * 3600_000),
      place: "Casa comunal",
      status: overrides.status ?? "scheduled",
    },
  });
}

/** Enrols a participant directly (fixtures; the domain's rules are tested on their own). */
export async function enrolDirectly(courseId: string, participantId: string, enrolledAt?: Date) {
  return db.enrolment.create({
    data: {
      courseId,
      participantId,
      enrolledAt: enrolledAt ?? new Date(Date.now() - 30 * 86400_000),
    },
  });
}

/** A group of a platform (public and open unless told otherwise). */
export async function makeGroup(
  platformId: string,
  data: { visibility?: "public" | "private"; joining?: "open" | "approval"; name?: string } = {},
) {
  const name = data.name ?? `Grupo ${Math.random().toString(36).slice(2, 7)}`;
  return db.group.create({
    data: {
      platformId,
      nameEs: name,
      nameEn: name,
      descriptionEs: "Un grupo de prueba",
      descriptionEn: "A test group",
      visibility: data.visibility ?? "public",
      joining: data.joining ?? "open",
    },
  });
}

/** Puts a user in a group directly (status active unless told otherwise). */
export async function addGroupMember(
  user: { id: string },
  groupId: string,
  role: "member" | "moderator" = "member",
  status: "active" | "pending" | "left" | "removed" | "rejected" = "active",
) {
  return db.groupMembership.create({ data: { userId: user.id, groupId, role, status } });
}
