import { recordAudit } from "~/audit/audit.server";
import { forbidden, notFound } from "~/auth/guards.server";
import type { Prisma } from "@prisma/client";
import type { DbClient } from "~/db.server";
import { containsText, db } from "~/db.server";
import { ok, refuseForm, type Outcome } from "~/forms/outcome";
import { pageOf } from "~/http/pagination";
import { searchWords } from "~/text/searchable";
import type { PlatformRole } from "./permissions.server";

export type MembershipStatus = "pending" | "active" | "left" | "removed" | "rejected";

interface Actor {
  id: string;
}

/** The membership, which must belong to this platform: a forged id from another is a 404. */
async function membershipOf(client: DbClient, platformId: string, membershipId: string) {
  const m = await client.membership.findUnique({ where: { id: membershipId } });
  if (!m || m.platformId !== platformId) notFound();
  return m;
}

async function openPeriod(client: DbClient, membershipId: string, at: Date) {
  await client.membershipPeriod.create({ data: { membershipId, startedAt: at } });
}

async function closePeriod(client: DbClient, membershipId: string, at: Date) {
  await client.membershipPeriod.updateMany({
    where: { membershipId, endedAt: null },
    data: { endedAt: at },
  });
}

async function isLastCoordinator(client: DbClient, platformId: string, membershipId: string) {
  const coordinators = await client.membership.findMany({
    where: { platformId, status: "active", role: "coordinator" },
    select: { id: true },
  });
  return coordinators.length === 1 && coordinators[0].id === membershipId;
}

export async function requestToJoin(
  user: Actor,
  platformId: string,
  note: string | undefined,
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    const existing = await tx.membership.findUnique({
      where: { userId_platformId: { userId: user.id, platformId } },
    });
    if (existing?.status === "active") return refuseForm("platforms:errors.alreadyMember");
    if (existing?.status === "pending") return refuseForm("platforms:errors.alreadyPending");
    const membership = existing
      ? await tx.membership.update({
          where: { id: existing.id },
          data: { status: "pending", role: "member", note: note ?? null, reason: null },
        })
      : await tx.membership.create({
          data: { userId: user.id, platformId, status: "pending", note: note ?? null },
        });
    await recordAudit(tx, {
      actorId: user.id,
      action: "membership.requested",
      entityType: "Membership",
      entityId: membership.id,
      platformId,
      details: { note: note ?? null },
    });
    return ok(null);
  });
}

/** A coordinator approves or rejects a request to join. Nobody decides on their own. */
export async function decideRequest(
  actor: Actor,
  platformId: string,
  membershipId: string,
  decision: "approve" | "reject",
  reason?: string,
  now = new Date(),
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    const m = await membershipOf(tx, platformId, membershipId);
    if (m.userId === actor.id) forbidden();
    if (m.status !== "pending") return refuseForm("platforms:errors.notPending");
    if (decision === "approve") {
      await tx.membership.update({
        where: { id: m.id },
        data: { status: "active", role: "member", reason: null },
      });
      await openPeriod(tx, m.id, now);
    } else {
      await tx.membership.update({
        where: { id: m.id },
        data: { status: "rejected", reason: reason ?? null },
      });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: decision === "approve" ? "membership.approved" : "membership.rejected",
      entityType: "Membership",
      entityId: m.id,
      platformId,
      details: { userId: m.userId, reason: reason ?? null },
    });
    return ok(null);
  });
}

export async function changeRole(
  actor: Actor,
  platformId: string,
  membershipId: string,
  role: PlatformRole,
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    const m = await membershipOf(tx, platformId, membershipId);
    if (m.status !== "active") return refuseForm("platforms:errors.notActive");
    if (m.role === role) return ok(null);
    if (m.role === "coordinator" && (await isLastCoordinator(tx, platformId, m.id))) {
      return refuseForm("platforms:errors.lastCoordinator");
    }
    await tx.membership.update({ where: { id: m.id }, data: { role } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "membership.roleChanged",
      entityType: "Membership",
      entityId: m.id,
      platformId,
      details: { userId: m.userId, from: m.role, to: role },
    });
    return ok(null);
  });
}

export async function removeMember(
  actor: Actor,
  platformId: string,
  membershipId: string,
  reason: string,
  now = new Date(),
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    const m = await membershipOf(tx, platformId, membershipId);
    if (m.userId === actor.id) return refuseForm("platforms:errors.removeSelf");
    if (m.status !== "active") return refuseForm("platforms:errors.notActive");
    if (await isLastCoordinator(tx, platformId, m.id)) {
      return refuseForm("platforms:errors.lastCoordinator");
    }
    await tx.membership.update({ where: { id: m.id }, data: { status: "removed", reason } });
    await closePeriod(tx, m.id, now);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "membership.removed",
      entityType: "Membership",
      entityId: m.id,
      platformId,
      details: { userId: m.userId, reason },
    });
    return ok(null);
  });
}

/** A member leaves, or a person withdraws a pending request. */
export async function leavePlatform(
  user: Actor,
  platformId: string,
  now = new Date(),
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    const m = await tx.membership.findUnique({
      where: { userId_platformId: { userId: user.id, platformId } },
    });
    if (!m || (m.status !== "active" && m.status !== "pending")) {
      return refuseForm("platforms:errors.notActive");
    }
    if (m.status === "active" && (await isLastCoordinator(tx, platformId, m.id))) {
      return refuseForm("platforms:errors.lastCoordinator");
    }
    await tx.membership.update({ where: { id: m.id }, data: { status: "left" } });
    await closePeriod(tx, m.id, now);
    await recordAudit(tx, {
      actorId: user.id,
      action: m.status === "pending" ? "membership.withdrawn" : "membership.left",
      entityType: "Membership",
      entityId: m.id,
      platformId,
    });
    return ok(null);
  });
}

export const MEMBERS_PER_PAGE = 20;

/**
 * One page of active members for the directory: name, community and role only, never
 * demographics; by name (id breaks ties), searchable by name and community.
 */
export async function listActiveMembers(platformId: string, q = "", requestedPage = 1) {
  const words = searchWords(q);
  const where: Prisma.MembershipWhereInput = {
    platformId,
    status: "active",
    ...(words.length > 0
      ? {
          AND: words.map((w) => ({
            user: {
              OR: [{ name: containsText(w) }, { participant: { searchText: { contains: w } } }],
            },
          })),
        }
      : {}),
  };
  const total = await db.membership.count({ where });
  const page = pageOf(requestedPage, total, MEMBERS_PER_PAGE);
  const rows = await db.membership.findMany({
    where,
    include: { user: { select: { name: true, participant: { select: { community: true } } } } },
    orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
    skip: page.skip,
    take: page.take,
  });
  return {
    page: page.page,
    pages: page.pages,
    total,
    members: rows.map((m) => ({
      membershipId: m.id,
      userId: m.userId,
      name: m.user.name,
      community: m.user.participant?.community ?? null,
      role: m.role as PlatformRole,
    })),
  };
}

/** How many requests to join wait for a coordinator (counted by the database). */
export async function countPendingRequests(platformId: string): Promise<number> {
  return db.membership.count({ where: { platformId, status: "pending" } });
}

/** One page of requests to join, oldest first. */
export async function listPendingRequests(platformId: string, requestedPage = 1) {
  const total = await countPendingRequests(platformId);
  const page = pageOf(requestedPage, total, MEMBERS_PER_PAGE);
  const rows = await db.membership.findMany({
    where: { platformId, status: "pending" },
    include: { user: { select: { name: true, email: true } } },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    skip: page.skip,
    take: page.take,
  });
  return {
    page: page.page,
    pages: page.pages,
    total,
    requests: rows.map((m) => ({
      membershipId: m.id,
      userId: m.userId,
      name: m.user.name,
      email: m.user.email,
      note: m.note,
      requestedAt: m.updatedAt,
    })),
  };
}

/** Memberships of the platform with a period covering that instant (start included, end not). */
export function activeAtWhere(platformId: string, instant: Date) {
  return {
    platformId,
    periods: {
      some: {
        startedAt: { lte: instant },
        OR: [{ endedAt: null }, { endedAt: { gt: instant } }],
      },
    },
  } satisfies Prisma.MembershipWhereInput;
}

/**
 * The members whose membership was active at that instant (the start of a meeting),
 * whatever happened to them since: the denominator of that meeting's quorum.
 */
export async function membersActiveAt(
  platformId: string,
  instant: Date,
  // Inside a transaction pass its client, so the read sees (and is part of) that transaction.
  client: DbClient = db,
) {
  const rows = await client.membership.findMany({
    where: activeAtWhere(platformId, instant),
    include: {
      user: {
        select: { id: true, name: true, participant: { select: { id: true, community: true } } },
      },
    },
    orderBy: { user: { name: "asc" } },
  });
  return rows.map((m) => ({
    userId: m.userId,
    name: m.user.name,
    community: m.user.participant?.community ?? null,
    participantId: m.user.participant?.id ?? null,
  }));
}
