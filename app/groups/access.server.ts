import { forbidden, notFound } from "~/auth/guards.server";
import type { AuthUser } from "~/auth/session.server";
import type { DbClient } from "~/db.server";
import { getGroup, groupActorOf } from "./groups.server";
import { canManageGroup, canReadGroup } from "./rules";

/**
 * The group's settings page: its coordinators and moderators. Someone who may not even read
 * the group gets the 404 any unknown group gets; a reader who may not manage gets a 403.
 */
export async function requireManagedGroup(
  client: DbClient,
  user: Pick<AuthUser, "id" | "isAdmin">,
  platformId: string,
  groupId: string,
) {
  const group = await getGroup(client, platformId, groupId);
  const actor = await groupActorOf(client, user, group);
  if (!canManageGroup(actor)) {
    if (!canReadGroup(group, actor)) notFound();
    forbidden();
  }
  return { group, actor };
}
