import type { MembershipMode } from "./components/membership-form";
import { joinMode, type GroupActor, type GroupFacts } from "./rules";

/**
 * The one membership button a person sees on a group's page: join or ask to join when they
 * may, withdraw a pending request, or leave.
 */
export function membershipMode(group: GroupFacts, actor: GroupActor): MembershipMode | null {
  const mode = joinMode(group, actor);
  if (mode) return mode;
  if (actor.status === "pending") return "cancel";
  if (actor.status === "active") return "leave";
  return null;
}
