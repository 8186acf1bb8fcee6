import { recordAudit } from "~/audit/audit.server";
import { lockRow } from "~/row-lock.server";
import { forbidden, notFound } from "~/auth/guards.server";
import type { DbClient } from "~/db.server";
import { readCount, readRows } from "~/db-read.server";
import { db, sqlBuilders } from "~/db.server";
import { ok, refuseForm, type Outcome } from "~/forms/outcome";
import { pageOf, readPage } from "~/http/pagination";
import { personMatchingSql } from "~/participants/search-sql.server";
import { ownParticipant } from "~/participants/own-record.server";
import type { PlatformRole } from "./permissions.server";
import { activeAtWhere, closePeriod, openPeriod, unitePeriodsOf } from "./periods.server";

export type MembershipStatus = "pending" | "active" | "left" | "removed" | "rejected";

interface Actor {
  id: string;
}

/** The membership, which must belong to this platform: a forged id from another is a 404. */
/**
 * The membership, locked for the rest of the transaction: a decision on it (approve, change
 * role, remove) is taken on its current state, one at a time (decision 027).
 */
async function membershipOf(client: DbClient, platformId: string, membershipId: string) {
  await lockRow(client, "Membership", membershipId);
  const m = await client.membership.findFirst({ where: { id: membershipId, platformId } });
  if (!m) notFound();
  return m;
}

/**
 * The one place a membership is created: it belongs to the person record, and carries the
 * account of that record (if any) so that the account's own queries (`userId`) keep working.
 * Participant.userId and Membership.userId are written together only here and in
 * `attachAccount` (decision 025).
 */
export async function createMembership(
  client: DbClient,
  participant: { id: string; userId: string | null },
  platformId: string,
  data: { status: MembershipStatus; role?: PlatformRole; note?: string | null },
  periodStartedAt?: Date,
) {
  return client.membership.create({
    data: {
      participantId: participant.id,
      userId: participant.userId,
      platformId,
      status: data.status,
      role: data.role ?? "member",
      note: data.note ?? null,
      ...(periodStartedAt ? { periods: { create: { startedAt: periodStartedAt } } } : {}),
    },
  });
}

async function isLastCoordinator(client: DbClient, platformId: string, membershipId: string) {
  // Two coordinators stepping each other down at once must not leave none: the platform's row
  // makes such changes take turns.
  await lockRow(client, "Platform", platformId);
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
      : await createMembership(
          tx,
          await ownParticipant(tx, await tx.user.findUniqueOrThrow({ where: { id: user.id } })),
          platformId,
          { status: "pending", note: note ?? null },
        );
    await recordAudit(tx, {
      actorId: user.id,
      action: "membership.requested",
      entityType: "Membership",
      entityId: membership.id,
      platformId,
      // Whether they wrote a note, not what: the person's words stay in their membership row.
      details: { withNote: !!note },
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
      await openPeriod(tx, m, now);
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
 * demographics; by name (id breaks ties), searchable by name and community. Members with
 * and without an account alike (the name is the person record's, which the account keeps
 * in step); `hasAccount` is for coordinators' eyes only (the route decides).
 *
 * Read on every view of the directory, without Prisma (app/db-read.server.ts): the page with
 * its people in one statement, and a count only when the page is not the whole list
 * (readPage). Without a search the count reads the memberships' index alone (every membership
 * has its person); a window count over the join sorted every member in full, three times the
 * cost on 2,000. The search is the attendance roster's (personMatchingSql).
 */
export async function listActiveMembers(platformId: string, q = "", requestedPage = 1) {
  const { sql, join, empty } = sqlBuilders();
  const active = sql`m."platformId" = ${platformId} AND m."status" = 'active'`;
  const words = personMatchingSql(q);
  const matching = words.length > 0 ? sql`AND ${join(words, " AND ")}` : empty;
  const { rows, page } = await readPage(
    requestedPage,
    MEMBERS_PER_PAGE,
    (skip, take) =>
      readRows<{
        membershipId: string;
        participantId: string;
        userId: string | null;
        role: string;
        name: string;
        community: string | null;
      }>(
        db,
        sql`SELECT m."id" AS "membershipId", m."participantId", m."userId", m."role",
          p."name", p."community"
        FROM "Membership" m JOIN "Participant" p ON p."id" = m."participantId"
        WHERE ${active} ${matching}
        ORDER BY p."name" ASC, m."id" ASC
        LIMIT ${take} OFFSET ${skip}`,
      ),
    () =>
      readCount(
        db,
        words.length > 0
          ? sql`SELECT COUNT(*) AS "n"
            FROM "Membership" m JOIN "Participant" p ON p."id" = m."participantId"
            WHERE ${active} ${matching}`
          : sql`SELECT COUNT(*) AS "n" FROM "Membership" m WHERE ${active}`,
      ),
  );
  return {
    page: page.page,
    pages: page.pages,
    total: page.total,
    members: rows.map((m) => ({
      membershipId: m.membershipId,
      participantId: m.participantId,
      userId: m.userId,
      hasAccount: m.userId !== null,
      name: m.name,
      community: m.community,
      role: m.role as PlatformRole,
    })),
  };
}

/** How many requests to join wait for a coordinator (counted by the database). */
export async function countPendingRequests(platformId: string): Promise<number> {
  // On every coordinator's view of the platform page: without Prisma (app/db-read.server.ts).
  const { sql } = sqlBuilders();
  return await readCount(
    db,
    sql`SELECT COUNT(*) AS "n" FROM "Membership"
      WHERE "platformId" = ${platformId} AND "status" = 'pending'`,
  );
}

/** One page of requests to join, oldest first. */
export async function listPendingRequests(platformId: string, requestedPage = 1) {
  const total = await countPendingRequests(platformId);
  const page = pageOf(requestedPage, total, MEMBERS_PER_PAGE);
  const rows = await db.membership.findMany({
    where: { platformId, status: "pending" },
    include: {
      participant: { select: { name: true } },
      user: { select: { email: true } },
    },
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
      name: m.participant.name,
      // Only an account asks to join; a deleted account leaves a request without an address.
      email: m.user?.email ?? null,
      note: m.note,
      requestedAt: m.updatedAt,
    })),
  };
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
    include: { participant: { select: { id: true, name: true, community: true } } },
    orderBy: { participant: { name: "asc" } },
  });
  return rows.map((m) => ({
    userId: m.userId,
    name: m.participant.name,
    community: m.participant.community,
    participantId: m.participantId,
  }));
}

/**
 * A person record that was given an account (a member without one who signed up): its
 * memberships carry the account from now on, so the account's own pages see them. The
 * other half of the one place that keeps Membership.userId in step (see createMembership).
 */
export async function attachAccount(client: DbClient, participantId: string, userId: string) {
  await client.membership.updateMany({ where: { participantId }, data: { userId } });
}

const STATUS_ORDER: MembershipStatus[] = ["active", "pending", "left", "removed", "rejected"];
const ROLE_RANK: Record<string, number> = { member: 1, facilitator: 2, coordinator: 3 };

/**
 * Two memberships of one platform that turn out to be one person's (a member without an
 * account whose new account had already asked to join): the one that remains is active if
 * either was, pending if either was, else as the account's stood; the higher role of an
 * active one; every period of both (so a past quorum that counted the person still does).
 * Pure, so the rule is read and tested in one place.
 */
export function mergedMembership(
  kept: { status: string; role: string },
  dropped: { status: string; role: string },
): { status: MembershipStatus; role: string } {
  const rank = (s: string) => {
    const i = STATUS_ORDER.indexOf(s as MembershipStatus);
    return i < 0 ? STATUS_ORDER.length : i;
  };
  const status = (
    rank(dropped.status) < rank(kept.status) ? dropped.status : kept.status
  ) as MembershipStatus;
  if (status !== "active") return { status, role: kept.role };
  const roles = [kept, dropped].filter((m) => m.status === "active").map((m) => m.role);
  const role = roles.sort((a, b) => (ROLE_RANK[b] ?? 0) - (ROLE_RANK[a] ?? 0))[0] ?? "member";
  return { status, role };
}

/**
 * Folds the memberships of the person record `dropId` into `keep` (the same person), inside
 * the caller's transaction: a platform only the dropped record belonged to moves as it is;
 * on a platform both belonged to, one membership remains (mergedMembership) with the union of
 * both records' periods (unitePeriods), so nobody is counted twice at any instant. Returns how
 * many memberships were moved or merged.
 */
export async function foldMemberships(
  tx: DbClient,
  keep: { id: string; userId: string | null },
  dropId: string,
): Promise<number> {
  const dropped = await tx.membership.findMany({ where: { participantId: dropId } });
  for (const d of dropped) {
    const twin = await tx.membership.findUnique({
      where: { participantId_platformId: { participantId: keep.id, platformId: d.platformId } },
    });
    if (!twin) {
      await tx.membership.update({
        where: { id: d.id },
        data: { participantId: keep.id, userId: keep.userId },
      });
      continue;
    }
    const merged = mergedMembership(twin, d);
    await tx.membershipPeriod.updateMany({
      where: { membershipId: d.id },
      data: { membershipId: twin.id },
    });
    await tx.membership.delete({ where: { id: d.id } });
    await tx.membership.update({
      where: { id: twin.id },
      data: {
        ...merged,
        note: twin.note ?? d.note,
        reason: merged.status === "active" ? null : twin.reason,
      },
    });
    // The dropped record's periods joined the twin's: united, so that none overlap.
    await unitePeriodsOf(tx, twin);
  }
  return dropped.length;
}
