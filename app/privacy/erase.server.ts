import { recordAudit } from "~/audit/audit.server";
import { checkCurrentPassword } from "~/auth/accounts.server";
import { db, type DbClient } from "~/db.server";
import { msg } from "~/forms/messages";
import { ok, refuse, refuseForm, type Outcome } from "~/forms/outcome";
import { ageGroupOfPerson } from "~/participants/demographics";
import { closeDueVotesOfPeople } from "~/votes/settle.server";

/**
 * "Delete my account" (decision 024): the identity goes, the work stays. The user row is
 * deleted; every governance record and every other person's content keeps its rows, and the
 * references to the person are cut by the schema (onDelete: SetNull) or here. What each
 * model does is declared beside it (app/<module>/personal-data.server.ts).
 */

/** Why the account may not be erased yet: someone must take over first. */
export interface ErasureBlocker {
  kind: "platform" | "group";
  name: string;
}

/**
 * The same rules as leaving: the last coordinator of a platform, or the last moderator of a
 * group that still has other active people, hands over first. Used by the confirmation
 * page (what it shows) and by the erasure (what it accepts).
 */
export async function erasureBlockers(client: DbClient, userId: string): Promise<ErasureBlocker[]> {
  const blockers: ErasureBlocker[] = [];
  const coordinating = await client.membership.findMany({
    where: { userId, status: "active", role: "coordinator" },
    select: { platformId: true, platform: { select: { name: true } } },
  });
  for (const m of coordinating) {
    const others = await client.membership.count({
      where: { platformId: m.platformId, status: "active", role: "coordinator", NOT: { userId } },
    });
    if (others === 0) blockers.push({ kind: "platform", name: m.platform.name });
  }
  const moderating = await client.groupMembership.findMany({
    where: { userId, status: "active", role: "moderator" },
    select: { groupId: true, group: { select: { nameEs: true } } },
  });
  for (const m of moderating) {
    const others = await client.groupMembership.groupBy({
      by: ["role"],
      where: { groupId: m.groupId, status: "active", NOT: { userId } },
      _count: true,
    });
    const moderators = others.find((o) => o.role === "moderator")?._count ?? 0;
    if (others.length > 0 && moderators === 0)
      blockers.push({ kind: "group", name: m.group.nameEs });
  }
  return blockers;
}

export function blockerMessage(b: ErasureBlocker): string {
  return msg(
    b.kind === "platform" ? "auth:erase.errors.lastCoordinator" : "auth:erase.errors.lastModerator",
    { name: b.name },
  );
}

/**
 * What the person took part in, kept on their anonymous person record before the links from
 * ballots, hands, posts and proposals to the account are cut: the reports count people, and
 * must count the same after. Only the kind, platform and time — never a choice or a text.
 */
async function keepParticipation(tx: DbClient, userId: string, participantId: string) {
  const [ballots, hands, posts, proposals] = await Promise.all([
    tx.ballot.findMany({
      where: { userId },
      select: { createdAt: true, vote: { select: { platformId: true } } },
    }),
    tx.inPersonVoter.findMany({
      where: { userId },
      select: { createdAt: true, vote: { select: { platformId: true } } },
    }),
    // Only what the reports count as forum participation: posts in public groups' threads.
    tx.post.findMany({
      where: {
        authorId: userId,
        discussion: { hostType: "thread", thread: { group: { visibility: "public" } } },
      },
      select: { createdAt: true, discussion: { select: { platformId: true } } },
    }),
    tx.proposal.findMany({
      where: { authorId: userId },
      select: { createdAt: true, platformId: true },
    }),
  ]);
  const rows = [
    ...ballots.map((b) => ({
      activity: "voteOnline",
      platformId: b.vote.platformId,
      at: b.createdAt,
    })),
    ...hands.map((h) => ({
      activity: "voteByHand",
      platformId: h.vote.platformId,
      at: h.createdAt,
    })),
    ...posts.flatMap((p) =>
      p.discussion.platformId
        ? [{ activity: "forumPost", platformId: p.discussion.platformId, at: p.createdAt }]
        : [],
    ),
    ...proposals.map((p) => ({ activity: "proposal", platformId: p.platformId, at: p.createdAt })),
  ];
  if (rows.length)
    await tx.erasedActivity.createMany({ data: rows.map((r) => ({ ...r, participantId })) });
}

/**
 * Erases the account inside the caller's transaction. The participant record stays for the
 * counts (attendance, enrolments, reports by gender, age group, people and community) with
 * no name and no link to the account; a birth year becomes the age group it gave today.
 */
export async function eraseAccount(
  tx: DbClient,
  userId: string,
  now = new Date(),
): Promise<Outcome<null>> {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true },
  });
  if (!user) return refuseForm("auth:erase.errors.gone");
  const blockers = await erasureBlockers(tx, userId);
  if (blockers.length)
    return { ok: false, fieldErrors: {}, formErrors: blockers.map(blockerMessage) };

  const participant = await tx.participant.findUnique({ where: { userId } });
  // A vote past its closing time that nobody has read since counts this person (ballot,
  // membership) as they stood then: closed before the account goes.
  await closeDueVotesOfPeople(
    tx,
    { participantIds: participant ? [participant.id] : [], userIds: [userId] },
    now,
  );
  if (participant) await keepParticipation(tx, userId, participant.id);
  if (participant) {
    await tx.participant.update({
      where: { id: participant.id },
      data: {
        name: "",
        searchText: "",
        birthYear: null,
        ageGroup: ageGroupOfPerson(participant, now),
      },
    });
  }
  // A certificate stays valid and counted; whoever holds the paper can still check its code,
  // which then says it was issued to a former member.
  if (participant)
    await tx.certificate.updateMany({
      where: { participantId: participant.id },
      data: { name: "" },
    });
  // The person leaves every platform now, as if they had left (their periods end today, so
  // past quorums keep them and future ones do not), and what they wrote when asking to join
  // is theirs: cleared even where the membership row outlives the account.
  await tx.membershipPeriod.updateMany({
    where: { membership: { userId }, endedAt: null },
    data: { endedAt: now },
  });
  await tx.membership.updateMany({
    where: { userId, status: { in: ["active", "pending"] } },
    data: { status: "left" },
  });
  await tx.membership.updateMany({ where: { userId }, data: { note: null } });
  // Not relations (their models belong elsewhere): cut by hand. An RSVP is a wish, not a
  // record; a training session keeps its facilitator's place empty.
  await tx.rsvp.deleteMany({ where: { userId } });
  await tx.trainingSession.updateMany({
    where: { facilitatorId: userId },
    data: { facilitatorId: null },
  });
  await tx.loginAttempt.deleteMany({ where: { email: user.email } });
  // The log keeps what was done; "by a former member" replaces who (the actor goes below).
  await tx.auditEvent.updateMany({ where: { actorId: userId }, data: { actorErased: true } });
  await recordAudit(tx, {
    actorId: null,
    actorErased: true,
    action: "account.deleted",
    entityType: "User",
    entityId: userId,
    details: { participantId: participant?.id ?? null },
  });
  // Sessions, read marks, group memberships and course facilitations go with the row; every
  // other reference is set to null by the schema (see the migration erase_account).
  await tx.user.delete({ where: { id: userId } });
  return ok(null);
}

/** The account page's "delete my account": the password again, then one transaction. */
export async function deleteAccount(
  userId: string,
  password: string,
  ip: string,
  now = new Date(),
): Promise<Outcome<null>> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, passwordHash: true },
  });
  const problem = await checkCurrentPassword(user, password, ip, now);
  if (problem) return refuse("password", problem);
  return db.$transaction((tx) => eraseAccount(tx, userId, now));
}
