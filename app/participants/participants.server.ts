import { recordAudit } from "~/audit/audit.server";
import type { Prisma } from "@prisma/client";
import type { DbClient } from "~/db.server";
import { ok, refuseForm, type Outcome } from "~/forms/outcome";
import { searchable, searchWords } from "~/text/searchable";
import { attachAccount, foldMemberships } from "~/platforms/membership.server";
import { activeRole } from "~/platforms/permissions.server";
import { bothRaisedHands, handsFollowPerson } from "~/votes/hands.server";
import { closeDueVotesOfPeople } from "~/votes/settle.server";
import type { AgeGroup, Gender } from "./demographics";

interface Actor {
  id: string;
  isAdmin?: boolean;
}

export interface WalkInData {
  name: string;
  community?: string | null;
  people?: string | null;
  gender?: Gender | null;
  ageGroup?: AgeGroup | null;
}

/** What a walk-in is found again by: name and community, without case or accents. */
export function participantSearchText(p: { name: string; community?: string | null }): string {
  return searchable(`${p.name} ${p.community ?? ""}`.trim());
}

/** A person without an account, as a facilitator records them at the door. */
export async function createWalkIn(client: DbClient, input: WalkInData) {
  return client.participant.create({
    data: {
      name: input.name,
      community: input.community ?? null,
      people: input.people ?? null,
      gender: input.gender ?? null,
      ageGroup: input.ageGroup ?? null,
      searchText: participantSearchText(input),
    },
  });
}

/**
 * Participants seen on a platform: its members, anyone counted at its assemblies, and
 * anyone enrolled in or counted at its courses' training sessions.
 */
export function seenOnPlatform(platformId: string) {
  return {
    OR: [
      { attendance: { some: { meeting: { platformId } } } },
      { attendance: { some: { session: { course: { platformId } } } } },
      { enrolments: { some: { course: { platformId } } } },
      // Members with or without an account (the membership belongs to the person record).
      { memberships: { some: { platformId } } },
    ],
  };
}

/**
 * People without an account who may be found again for a platform's events: those it has
 * seen — or, for a portal-wide course (no platform), everyone the portal has recorded.
 * Searches, and the writes that take a person found, use this one scope.
 */
export function findableWithoutAccount(platformId: string | null): Prisma.ParticipantWhereInput {
  return platformId ? { userId: null, ...seenOnPlatform(platformId) } : { userId: null };
}

export const CANDIDATE_LIMIT = 10;

/**
 * People without an account already recorded on this platform whose name or community
 * matches every word typed, so a woman who comes to three trainings stays one person.
 * Bounded: at most CANDIDATE_LIMIT rows, and only this platform's people (everyone's when
 * `platformId` is null: a portal-wide course).
 */
export async function findPeopleWithoutAccount(
  client: DbClient,
  platformId: string | null,
  query: string,
  /** People the caller does not want offered (already on this list, already enrolled). */
  exclude: Prisma.ParticipantWhereInput[] = [],
) {
  const words = searchWords(query);
  if (words.length === 0) return [];
  return client.participant.findMany({
    where: {
      AND: [
        ...words.map((w) => ({ searchText: { contains: w } })),
        findableWithoutAccount(platformId),
      ],
      ...(exclude.length > 0 ? { NOT: exclude } : {}),
    },
    select: {
      id: true,
      name: true,
      community: true,
      gender: true,
      ageGroup: true,
      _count: { select: { attendance: true } },
    },
    orderBy: { name: "asc" },
    take: CANDIDATE_LIMIT,
  });
}

async function participantOnPlatform(client: DbClient, platformId: string, id: string) {
  return client.participant.findFirst({
    where: { id, ...seenOnPlatform(platformId) },
    include: { attendance: true, enrolments: true, certificates: true },
  });
}

/**
 * Whether the record holds a membership of another platform that the actor does not
 * coordinate there: a merge or a link moves every membership of the record (its status, its
 * role), which is each platform's coordinators' business, not this one's.
 */
async function movesMembershipElsewhere(
  tx: DbClient,
  actor: Actor,
  recordId: string,
  platformId: string,
): Promise<boolean> {
  if (actor.isAdmin) return false;
  const elsewhere = await tx.membership.findMany({
    where: { participantId: recordId, platformId: { not: platformId } },
    select: { platformId: true },
  });
  for (const m of elsewhere) {
    if ((await activeRole(actor.id, m.platformId, tx)) !== "coordinator") return true;
  }
  return false;
}

/**
 * Folds `dropId` into `keepId`: the same person recorded twice. Every attendance moves to
 * the kept record unchanged, so every count stays identical; audited with what moved.
 * Runs inside the caller's transaction.
 */
export async function mergeParticipants(
  tx: DbClient,
  actor: Actor,
  platformId: string,
  ids: { keepId: string; dropId: string },
): Promise<Outcome<{ moved: number }>> {
  if (ids.keepId === ids.dropId) return refuseForm("participants:errors.samePerson");
  const [keep, drop] = await Promise.all([
    participantOnPlatform(tx, platformId, ids.keepId),
    participantOnPlatform(tx, platformId, ids.dropId),
  ]);
  if (!keep || !drop) return refuseForm("participants:errors.notFound");
  // Two accounts are two people as far as the portal can tell; never fold one into another.
  if (drop.userId) return refuseForm("participants:errors.dropHasAccount");
  if (await movesMembershipElsewhere(tx, actor, drop.id, platformId))
    return refuseForm("participants:errors.memberElsewhere");

  // Counts must stay identical: one person cannot be folded into someone counted at the
  // same event (that would be two people, or a correction to make on that event first).
  const eventOf = (a: { meetingId: string | null; sessionId: string | null }) =>
    a.meetingId ? `m:${a.meetingId}` : `s:${a.sessionId}`;
  const keptEvents = new Set(keep.attendance.map(eventOf));
  if (drop.attendance.some((a) => keptEvents.has(eventOf(a)))) {
    return refuseForm("participants:errors.bothAtSameEvent");
  }
  // Two certificates for one course would be one person certified twice: revoke one first.
  const keptCertificates = new Set(keep.certificates.map((c) => c.courseId));
  if (drop.certificates.some((c) => keptCertificates.has(c.courseId))) {
    return refuseForm("participants:errors.bothCertified");
  }
  // Two hands in one vote (at two assemblies) would be one person voting twice.
  if (await bothRaisedHands(tx, keep.id, drop.id)) {
    return refuseForm("participants:errors.bothVotedByHand");
  }
  // Votes past their closing time are closed first, as the two records stood then.
  await closeDueVotesOfPeople(tx, {
    participantIds: [keep.id, drop.id],
    userIds: keep.userId ? [keep.userId] : [],
  });
  // Rows move as they were recorded (a walk-in stays a walk-in at that event), so no
  // attendance total and no past quorum changes.
  const { count: moved } = await tx.attendance.updateMany({
    where: { participantId: drop.id },
    data: { participantId: keep.id },
  });
  const enrolmentsMoved = await mergeEnrolments(tx, keep.enrolments, drop.enrolments, keep.id);
  const { count: certificatesMoved } = await tx.certificate.updateMany({
    where: { participantId: drop.id },
    data: { participantId: keep.id },
  });
  // A member without an account stays a member, once, whatever record remains.
  const membershipsMoved = await foldMemberships(tx, keep, drop.id);
  const hands = await handsFollowPerson(tx, drop.id, {
    participantId: keep.id,
    userId: keep.userId,
  });
  // The kept record gains what it lacked; what it already says stays.
  await tx.participant.update({
    where: { id: keep.id },
    data: {
      community: keep.community ?? drop.community,
      people: keep.people ?? drop.people,
      gender: keep.gender ?? drop.gender,
      ageGroup: keep.ageGroup ?? drop.ageGroup,
      birthYear: keep.birthYear ?? drop.birthYear,
      phone: keep.phone ?? drop.phone,
      searchText: participantSearchText({
        name: keep.name,
        community: keep.community ?? drop.community,
      }),
    },
  });
  await tx.participant.delete({ where: { id: drop.id } });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "participant.merged",
    entityType: "Participant",
    entityId: keep.id,
    platformId,
    details: {
      keptId: keep.id,
      droppedId: drop.id,
      attendanceMoved: moved,
      enrolmentsMoved,
      certificatesMoved,
      membershipsMoved,
      ...hands,
    },
  });
  return ok({ moved });
}

interface EnrolmentRow {
  id: string;
  courseId: string;
  status: string;
  enrolledAt: Date;
}

/**
 * Enrolments follow the person. Where both records were enrolled in one course, one place
 * remains: enrolled if either was, since the earlier date (the person was there from then),
 * so no course counts them twice and no session held meanwhile is lost.
 */
async function mergeEnrolments(
  tx: DbClient,
  kept: EnrolmentRow[],
  dropped: EnrolmentRow[],
  keepId: string,
): Promise<number> {
  const keptByCourse = new Map(kept.map((e) => [e.courseId, e]));
  for (const e of dropped) {
    const twin = keptByCourse.get(e.courseId);
    if (!twin) {
      await tx.enrolment.update({ where: { id: e.id }, data: { participantId: keepId } });
      continue;
    }
    const enrolled = twin.status === "enrolled" || e.status === "enrolled";
    await tx.enrolment.delete({ where: { id: e.id } });
    await tx.enrolment.update({
      where: { id: twin.id },
      data: {
        status: enrolled ? "enrolled" : twin.status,
        enrolledAt: e.enrolledAt < twin.enrolledAt ? e.enrolledAt : twin.enrolledAt,
        ...(enrolled ? { endedAt: null, reason: null } : {}),
      },
    });
  }
  return dropped.length;
}

/**
 * A walk-in who has since signed up: their history joins the account's own participant
 * record (every user has one), through the same merge, so nothing is counted twice.
 */
export async function linkToAccount(
  tx: DbClient,
  actor: Actor,
  platformId: string,
  participantId: string,
  userId: string,
): Promise<Outcome<{ moved: number }>> {
  const own = await tx.participant.findUnique({ where: { userId } });
  if (!own) {
    // An account without its own record yet: the walk-in record simply becomes theirs.
    const walkIn = await participantOnPlatform(tx, platformId, participantId);
    if (!walkIn || walkIn.userId) return refuseForm("participants:errors.notFound");
    if (await movesMembershipElsewhere(tx, actor, walkIn.id, platformId))
      return refuseForm("participants:errors.memberElsewhere");
    // Votes past their closing time are closed first, as the record and account stood then.
    await closeDueVotesOfPeople(tx, { participantIds: [walkIn.id], userIds: [userId] });
    await tx.participant.update({ where: { id: walkIn.id }, data: { userId } });
    // Their memberships (a member without an account) now carry the account too.
    await attachAccount(tx, walkIn.id, userId);
    // So are the hands they raised (a hand wins over an online ballot in an open vote).
    const hands = await handsFollowPerson(tx, walkIn.id, { participantId: walkIn.id, userId });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "participant.linked",
      entityType: "Participant",
      entityId: walkIn.id,
      platformId,
      details: { userId, ...hands },
    });
    return ok({ moved: walkIn.attendance.length });
  }
  return mergeParticipants(tx, actor, platformId, { keepId: own.id, dropId: participantId });
}

/**
 * After a walk-in's attendance is taken back: the person record goes only when nothing
 * else counts them (any kind of attendance, an enrolment, a certificate, a membership, an
 * account).
 * Returns whether it went.
 */
export async function forgetIfUncounted(tx: DbClient, participantId: string): Promise<boolean> {
  const p = await tx.participant.findUnique({
    where: { id: participantId },
    select: {
      userId: true,
      _count: {
        select: { attendance: true, enrolments: true, certificates: true, memberships: true },
      },
    },
  });
  if (!p || p.userId) return false;
  const { attendance, enrolments, certificates, memberships } = p._count;
  if (attendance + enrolments + certificates + memberships > 0) return false;
  await tx.participant.delete({ where: { id: participantId } });
  return true;
}
