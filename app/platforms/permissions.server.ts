import type { AppLoadContext } from "@remix-run/node";
import { forbidden, requireUser } from "~/auth/guards.server";
import type { AuthUser } from "~/auth/session.server";
import { readRow } from "~/db-read.server";
import { db, type DbClient, sqlBuilders } from "~/db.server";

import { ROLES, type PlatformRole } from "./schemas";

export { ROLES, type PlatformRole };

const RANK: Record<PlatformRole, number> = { member: 1, facilitator: 2, coordinator: 3 };

export function isPlatformRole(value: unknown): value is PlatformRole {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** A user's membership of a platform (any status), read on every platform page. */
function membershipOf(client: DbClient, userId: string, platformId: string) {
  const { sql } = sqlBuilders();
  return readRow<{ status: string; role: string }>(
    client,
    sql`SELECT "status", "role" FROM "Membership"
      WHERE "userId" = ${userId} AND "platformId" = ${platformId}`,
  );
}

/** The user's role on a platform if their membership is active, else null. */
export async function activeRole(
  userId: string,
  platformId: string,
  // Inside a transaction pass its client, so the read sees (and is part of) that transaction.
  client: DbClient = db,
): Promise<PlatformRole | null> {
  const membership = await membershipOf(client, userId, platformId);
  if (!membership || membership.status !== "active") return null;
  return isPlatformRole(membership.role) ? membership.role : null;
}

/** Whether a user may act with at least `minimum` rights; portal admins always may. */
export async function hasPlatformRole(
  user: Pick<AuthUser, "id" | "isAdmin"> | null,
  platformId: string,
  minimum: PlatformRole,
): Promise<boolean> {
  if (!user) return false;
  if (user.isAdmin) return true;
  const role = await activeRole(user.id, platformId);
  return role !== null && RANK[role] >= RANK[minimum];
}

/** Throws a redirect to log in, or a 403, unless the user holds `minimum` on the platform. */
export async function requirePlatformRole(
  request: Request,
  context: AppLoadContext,
  platformId: string,
  minimum: PlatformRole,
): Promise<AuthUser> {
  const user = requireUser(request, context);
  if (!(await hasPlatformRole(user, platformId, minimum))) forbidden();
  return user;
}

export interface Viewer {
  signedIn: boolean;
  isAdmin: boolean;
  /** Membership status on this platform, if any. */
  status: string | null;
  role: PlatformRole | null;
  isMember: boolean;
  canFacilitate: boolean;
  canCoordinate: boolean;
}

/** What the reader may do on a platform, for pages to show only the controls that work. */
export async function viewerOf(
  user: Pick<AuthUser, "id" | "isAdmin"> | null,
  platformId: string,
  client: DbClient = db,
): Promise<Viewer> {
  const membership = user ? await membershipOf(client, user.id, platformId) : null;
  const active = membership?.status === "active" && isPlatformRole(membership.role);
  const role = active ? (membership!.role as PlatformRole) : null;
  const rank = role ? RANK[role] : 0;
  const isAdmin = !!user?.isAdmin;
  return {
    signedIn: !!user,
    isAdmin,
    status: membership?.status ?? null,
    role,
    isMember: isAdmin || rank >= RANK.member,
    canFacilitate: isAdmin || rank >= RANK.facilitator,
    canCoordinate: isAdmin || rank >= RANK.coordinator,
  };
}
