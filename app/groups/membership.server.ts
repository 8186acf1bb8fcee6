import { recordAudit } from "~/audit/audit.server";
import { forbidden, notFound } from "~/auth/guards.server";
import type { AuthUser } from "~/auth/session.server";
import { db, type DbClient } from "~/db.server";
import { ok, refuseForm, type Outcome } from "~/forms/outcome";
import { pageOf } from "~/http/pagination";
import { getGroup, groupActorOf, type Group } from "./groups.server";
import { canModerateGroup, joinMode } from "./rules";

/**
 * Joining and leaving a group, and what its moderators do with its members. Every change is
 * one transaction with its audit record (ids and the reason, never names). A person's row is
 * reused across joins, requests and removals (one per group and person).
 */

type User = Pick<AuthUser, "id" | "isAdmin">;

export const MEMBERS_PAGE_SIZE = 20;

export { MEMBERSHIP_INTENTS, type MembershipIntent } from "./rules";
import type { MembershipIntent } from "./rules";
import type { AuditAction } from "~/audit/actions";

/** Active members of the group who are still active members of its platform. */
function activeMembersWhere(group: Pick<Group, "id" | "platformId">) {
  return {
    groupId: group.id,
    status: "active",
    user: { memberships: { some: { platformId: group.platformId, status: "active" } } },
  };
}

async function activeModeratorCount(client: DbClient, group: Pick<Group, "id" | "platformId">) {
  return client.groupMembership.count({
    where: { ...activeMembersWhere(group), role: "moderator" },
  });
}

async function inGroup(client: DbClient, user: User, platformId: string, groupId: string) {
  const group = await getGroup(client, platformId, groupId);
  const actor = await groupActorOf(client, user, group);
  return { group, actor };
}

/**
 * Join, ask to join, leave, or withdraw a request. "join" and "request" both do what the
 * rules say for this person now (joinMode), so a stale page never lets anyone skip approval.
 */
export async function changeMembership(
  user: User,
  platformId: string,
  groupId: string,
  intent: MembershipIntent,
): Promise<Outcome<{ notice: string }>> {
  return db.$transaction(async (tx) => {
    const { group, actor } = await inGroup(tx, user, platformId, groupId);
    const key = { groupId_userId: { groupId: group.id, userId: user.id } };
    const audit = (action: AuditAction, membershipId: string) =>
      recordAudit(tx, {
        actorId: user.id,
        action,
        entityType: "GroupMembership",
        entityId: membershipId,
        platformId,
        details: { groupId: group.id, userId: user.id },
      });

    if (intent === "join" || intent === "request") {
      const mode = joinMode(group, actor);
      if (!mode) {
        if (!actor.platformMember) return refuseForm("groups:errors.notPlatformMemberSelf");
        return refuseForm(
          actor.status === "pending" ? "groups:errors.alreadyPending" : "groups:errors.alreadyIn",
        );
      }
      const status = mode === "join" ? "active" : "pending";
      const m = await tx.groupMembership.upsert({
        where: key,
        create: { groupId: group.id, userId: user.id, status, role: "member" },
        update: { status, role: "member", reason: null },
      });
      await audit(mode === "join" ? "groupMember.joined" : "groupMember.requested", m.id);
      return ok({ notice: mode === "join" ? "groupJoined" : "groupRequested" });
    }

    const current = await tx.groupMembership.findUnique({ where: key });
    if (intent === "cancel") {
      if (!current || current.status !== "pending") return refuseForm("groups:errors.notPending");
      await tx.groupMembership.update({ where: { id: current.id }, data: { status: "left" } });
      await audit("groupMember.requestWithdrawn", current.id);
      return ok({ notice: "groupRequestWithdrawn" });
    }

    // leave
    if (!current || current.status !== "active") return refuseForm("groups:errors.notMember");
    if (current.role === "moderator" && actor.platformMember) {
      const [moderators, members] = await Promise.all([
        activeModeratorCount(tx, group),
        tx.groupMembership.count({ where: activeMembersWhere(group) }),
      ]);
      // The last moderator of a group that still has members would leave it unmoderated.
      if (moderators <= 1 && members > 1) return refuseForm("groups:errors.lastModeratorLeave");
    }
    await tx.groupMembership.update({
      where: { id: current.id },
      data: { status: "left", role: "member" },
    });
    await audit("groupMember.left", current.id);
    return ok({ notice: "groupLeft" });
  });
}

/** The group's moderator acting on one of its memberships (a forged id from elsewhere: 404). */
async function asModerator(client: DbClient, user: User, platformId: string, groupId: string) {
  const { group, actor } = await inGroup(client, user, platformId, groupId);
  if (!canModerateGroup(actor)) forbidden();
  return group;
}

async function membershipIn(client: DbClient, groupId: string, membershipId: string) {
  const m = await client.groupMembership.findFirst({ where: { id: membershipId, groupId } });
  if (!m) notFound();
  return m;
}

export type ModeratorAction = "approve" | "reject" | "remove" | "appoint" | "stepDown";

const AUDIT_ACTIONS: Record<ModeratorAction, AuditAction> = {
  approve: "groupMember.approved",
  reject: "groupMember.rejected",
  remove: "groupMember.removed",
  appoint: "groupMember.moderatorAppointed",
  stepDown: "groupMember.moderatorRemoved",
};

const NOTICES: Record<ModeratorAction, string> = {
  approve: "groupApproved",
  reject: "groupRejected",
  remove: "groupRemoved",
  appoint: "groupModeratorAppointed",
  stepDown: "groupModeratorRemoved",
};

/**
 * A moderator approves or turns down a request (reason optional), removes a member (reason
 * required: the schema asks for it), appoints a member moderator or steps a moderator down
 * (never the last one).
 */
export async function moderateMembership(
  user: User,
  platformId: string,
  groupId: string,
  membershipId: string,
  action: ModeratorAction,
  reason?: string,
): Promise<Outcome<{ notice: string }>> {
  return db.$transaction(async (tx) => {
    const group = await asModerator(tx, user, platformId, groupId);
    const m = await membershipIn(tx, group.id, membershipId);
    const platformActive = await tx.membership.count({
      where: { userId: m.userId, platformId, status: "active" },
    });
    let data: { status?: string; role?: string; reason?: string | null };
    switch (action) {
      case "approve":
      case "reject":
        if (m.status !== "pending") return refuseForm("groups:errors.notPending");
        if (action === "approve" && !platformActive) {
          return refuseForm("groups:errors.notPlatformMember");
        }
        data =
          action === "approve"
            ? { status: "active", role: "member", reason: null }
            : { status: "rejected", reason: reason ?? null };
        break;
      case "remove":
        if (m.status !== "active") return refuseForm("groups:errors.notMember");
        if (m.userId === user.id) return refuseForm("groups:errors.removeSelf");
        if (!reason) return refuseForm("groups:errors.reasonRequired");
        data = { status: "removed", role: "member", reason };
        break;
      case "appoint":
        if (m.status !== "active" || !platformActive) return refuseForm("groups:errors.notMember");
        if (m.role === "moderator") return refuseForm("groups:errors.alreadyModerator");
        data = { role: "moderator" };
        break;
      case "stepDown":
        if (m.status !== "active" || m.role !== "moderator") {
          return refuseForm("groups:errors.notModerator");
        }
        if ((await activeModeratorCount(tx, group)) <= 1) {
          return refuseForm("groups:errors.lastModerator");
        }
        data = { role: "member" };
        break;
    }
    await tx.groupMembership.update({ where: { id: m.id }, data });
    await recordAudit(tx, {
      actorId: user.id,
      action: AUDIT_ACTIONS[action],
      entityType: "GroupMembership",
      entityId: m.id,
      platformId,
      details: { groupId: group.id, userId: m.userId, reason: reason ?? null },
    });
    return ok({ notice: NOTICES[action] });
  });
}

/** A page of the group's active members, moderators first, then by name (id breaks ties). */
export async function listGroupMembers(
  client: DbClient,
  group: Pick<Group, "id" | "platformId">,
  page: number,
) {
  const where = activeMembersWhere(group);
  const total = await client.groupMembership.count({ where });
  const info = pageOf(page, total, MEMBERS_PAGE_SIZE);
  const rows = await client.groupMembership.findMany({
    where,
    orderBy: [{ role: "desc" }, { user: { name: "asc" } }, { id: "asc" }],
    skip: info.skip,
    take: info.take,
    select: {
      id: true,
      role: true,
      userId: true,
      updatedAt: true,
      user: { select: { name: true } },
    },
  });
  const moderators = await activeModeratorCount(client, group);
  return {
    ...info,
    moderators,
    members: rows.map((r) => ({
      membershipId: r.id,
      userId: r.userId,
      name: r.user.name,
      role: r.role,
    })),
  };
}

/** Requests waiting for the moderators, oldest first, from people still on the platform. */
export async function listGroupRequests(client: DbClient, group: Pick<Group, "id" | "platformId">) {
  const rows = await client.groupMembership.findMany({
    where: {
      groupId: group.id,
      status: "pending",
      user: { memberships: { some: { platformId: group.platformId, status: "active" } } },
    },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    take: 200,
    select: { id: true, updatedAt: true, user: { select: { name: true, email: true } } },
  });
  return rows.map((r) => ({
    membershipId: r.id,
    name: r.user.name,
    email: r.user.email,
    requestedAt: r.updatedAt,
  }));
}
