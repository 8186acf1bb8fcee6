import { recordAudit } from "~/audit/audit.server";
import { db } from "~/db.server";
import { ok, refuseForm, type Outcome } from "~/forms/outcome";
import { findableWithoutAccount, participantSearchText } from "~/participants/participants.server";
import type { MemberWithoutAccountInput } from "~/participants/schemas";
import { makeMemberRefusal } from "./member-rules";
import { createMembership } from "./membership.server";
import { openPeriod } from "./periods.server";

/**
 * Members without an account: people with no e-mail or phone of their own, or who never
 * sign up, whom a coordinator makes members so they are on the roster, count toward quorum
 * and appear in the directory. Their membership belongs to their person record; when they
 * open an account, linking it (participants module) carries the membership along.
 * See docs/decisions/025-members-without-account.md.
 */

interface Actor {
  id: string;
}

/** A coordinator adds a new person as an active member, in one audited transaction. */
export async function addMemberWithoutAccount(
  actor: Actor,
  platformId: string,
  input: MemberWithoutAccountInput,
  now = new Date(),
): Promise<Outcome<{ participantId: string; membershipId: string }>> {
  return db.$transaction(async (tx) => {
    const person = await tx.participant.create({
      data: {
        name: input.name,
        community: input.community ?? null,
        people: input.people ?? null,
        gender: input.gender ?? null,
        // A birth year says more (the group moves with time); the group is kept only without one.
        birthYear: input.birthYear ?? null,
        ageGroup: input.birthYear != null ? null : (input.ageGroup ?? null),
        phone: input.phone ?? null,
        searchText: participantSearchText(input),
      },
    });
    const membership = await createMembership(tx, person, platformId, { status: "active" }, now);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "membership.addedWithoutAccount",
      entityType: "Membership",
      entityId: membership.id,
      platformId,
      details: { participantId: person.id },
    });
    return ok({ participantId: person.id, membershipId: membership.id });
  });
}

/**
 * A coordinator makes a person the platform already knows (a recurring walk-in) a member,
 * or a member again: one audited transaction. Their earlier attendance stays as it was
 * recorded (walk-ins then), so no past quorum changes; from now on they are on the roster.
 */
export async function makeMember(
  actor: Actor,
  platformId: string,
  participantId: string,
  now = new Date(),
): Promise<Outcome<{ membershipId: string }>> {
  return db.$transaction(async (tx) => {
    const person = await tx.participant.findFirst({
      where: { id: participantId, ...findableWithoutAccount(platformId) },
      select: { id: true, name: true, userId: true },
    });
    if (!person) return refuseForm("participants:errors.notFound");
    const existing = await tx.membership.findUnique({
      where: { participantId_platformId: { participantId: person.id, platformId } },
    });
    const refused = makeMemberRefusal({
      hasAccount: person.userId !== null,
      membershipStatus: existing?.status ?? null,
    });
    if (refused) return refuseForm(refused);
    let membershipId: string;
    if (existing) {
      await tx.membership.update({
        where: { id: existing.id },
        data: { status: "active", role: "member", reason: null },
      });
      await openPeriod(tx, existing, now);
      membershipId = existing.id;
    } else {
      membershipId = (await createMembership(tx, person, platformId, { status: "active" }, now)).id;
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "membership.madeMember",
      entityType: "Membership",
      entityId: membershipId,
      platformId,
      details: { participantId: person.id, again: !!existing },
    });
    return ok({ membershipId });
  });
}
