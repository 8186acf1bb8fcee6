import { recordAudit } from "~/audit/audit.server";
import { forbidden } from "~/auth/guards.server";
import type { AuthUser } from "~/auth/session.server";
import { db, type DbClient } from "~/db.server";
import { ok, refuse, refuseForm, type Outcome } from "~/forms/outcome";
import { activeRole } from "~/platforms/permissions.server";
import { getGroup, groupActorOf } from "./groups.server";
import {
  canChangeGroupAccess,
  canCreateGroup,
  canManageGroup,
  coordinatorMayAppoint,
} from "./rules";
import type { GroupInput, NewGroupInput } from "./schemas";

/**
 * Creating a group and changing its settings: coordinators of the platform create; they and
 * the group's moderators edit. The first moderator is named at creation (by default the
 * creator); coordinators may appoint more later by e-mail.
 */

type User = Pick<AuthUser, "id" | "isAdmin">;

function settingsData(input: GroupInput) {
  return {
    nameEs: input.nameEs,
    nameEn: input.nameEn ?? "",
    descriptionEs: input.descriptionEs ?? "",
    descriptionEn: input.descriptionEn ?? "",
    visibility: input.visibility,
    joining: input.joining,
  };
}

/** Whether the user may create groups on the platform (coordinators and administrators). */
export async function mayCreateGroup(
  user: User | null,
  platformId: string,
  client: DbClient = db,
): Promise<boolean> {
  if (!user) return false;
  const role = await activeRole(user.id, platformId, client);
  return canCreateGroup({ platformCoordinator: user.isAdmin || role === "coordinator" });
}

/** An active member of the platform with this e-mail, or null (nothing says which failed). */
async function platformMemberByEmail(client: DbClient, platformId: string, email: string) {
  const user = await client.user.findUnique({
    where: { email: email.toLowerCase() },
    select: { id: true },
  });
  if (!user) return null;
  return (await activeRole(user.id, platformId, client)) ? user : null;
}

/** Makes the person an active moderator of the group, whatever their membership was. */
async function makeModerator(client: DbClient, groupId: string, userId: string) {
  return client.groupMembership.upsert({
    where: { groupId_userId: { groupId, userId } },
    create: { groupId, userId, status: "active", role: "moderator" },
    update: { status: "active", role: "moderator", reason: null },
  });
}

export async function createGroup(
  user: User,
  platformId: string,
  input: NewGroupInput,
): Promise<Outcome<{ groupId: string }>> {
  return db.$transaction(async (tx) => {
    // The role as it stands when the group is written, not as the page found it.
    if (!(await mayCreateGroup(user, platformId, tx))) forbidden();
    let moderatorId = user.id;
    if (input.moderatorEmail) {
      const found = await platformMemberByEmail(tx, platformId, input.moderatorEmail);
      if (!found) return refuse("moderatorEmail", "groups:errors.notPlatformMember");
      moderatorId = found.id;
    } else if (!(await activeRole(user.id, platformId, tx))) {
      // An administrator who is not on the platform could not moderate it: they must name someone.
      return refuse("moderatorEmail", "groups:errors.moderatorRequired");
    }
    const group = await tx.group.create({
      data: { platformId, createdById: user.id, ...settingsData(input) },
    });
    const membership = await makeModerator(tx, group.id, moderatorId);
    await recordAudit(tx, {
      actorId: user.id,
      action: "group.created",
      entityType: "Group",
      entityId: group.id,
      platformId,
      details: {
        visibility: group.visibility,
        joining: group.joining,
        moderatorId,
        membershipId: membership.id,
      },
    });
    return ok({ groupId: group.id });
  });
}

export async function updateGroup(
  user: User,
  platformId: string,
  groupId: string,
  input: GroupInput,
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    const group = await getGroup(tx, platformId, groupId);
    const actor = await groupActorOf(tx, user, group);
    if (!canManageGroup(actor)) forbidden();
    const data = settingsData(input);
    const changed = (Object.keys(data) as (keyof typeof data)[]).filter(
      (k) => data[k] !== group[k],
    );
    if (changed.length === 0) return ok(null);
    const opening = changed.includes("visibility") || changed.includes("joining");
    if (opening && !canChangeGroupAccess(group, actor)) {
      return refuse("visibility", "groups:errors.privateAccessModeratorsOnly");
    }
    await tx.group.update({ where: { id: group.id }, data });
    await recordAudit(tx, {
      actorId: user.id,
      action: "group.updated",
      entityType: "Group",
      entityId: group.id,
      platformId,
      // Which fields changed, and the new rules; never the words themselves.
      details: { changed, visibility: data.visibility, joining: data.joining },
    });
    return ok(null);
  });
}

/** A coordinator appoints a moderator by e-mail among the platform's active members. */
export async function appointModeratorByEmail(
  user: User,
  platformId: string,
  groupId: string,
  email: string,
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    const group = await getGroup(tx, platformId, groupId);
    const actor = await groupActorOf(tx, user, group);
    if (!actor.platformCoordinator) forbidden();
    const found = await platformMemberByEmail(tx, platformId, email);
    if (!found) return refuse("email", "groups:errors.notPlatformMember");
    const before = await tx.groupMembership.findUnique({
      where: { groupId_userId: { groupId: group.id, userId: found.id } },
    });
    if (before?.status === "active" && before.role === "moderator") {
      return refuse("email", "groups:errors.alreadyModerator");
    }
    const hasModerator =
      (await tx.groupMembership.count({
        where: {
          groupId: group.id,
          status: "active",
          role: "moderator",
          user: { memberships: { some: { platformId, status: "active" } } },
        },
      })) > 0;
    const may = coordinatorMayAppoint(group, {
      hasModerator,
      appointingThemself: found.id === user.id,
      targetStatus: before?.status ?? null,
    });
    if (may === "hasModerator") return refuseForm("groups:errors.privateHasModerator");
    if (may !== "ok") return refuse("email", `groups:errors.${may}`);
    const membership = await makeModerator(tx, group.id, found.id);
    await recordAudit(tx, {
      actorId: user.id,
      action: "groupMember.moderatorAppointed",
      entityType: "GroupMembership",
      entityId: membership.id,
      platformId,
      details: { groupId: group.id, userId: found.id, from: before?.status ?? null },
    });
    return ok(null);
  });
}
