/**
 * Who may do what in a group and its forum: pure rules, used by loaders (what a page offers)
 * and by the domain (what it accepts). A private group's forum is read by its members only —
 * not by platform coordinators, not by portal administrators: the women's and youth groups
 * need a place of their own. See docs/decisions/018-groups-and-forums.md.
 */
export const GROUP_VISIBILITIES = ["public", "private"] as const;
export type GroupVisibility = (typeof GROUP_VISIBILITIES)[number];
export const GROUP_JOINING = ["open", "approval"] as const;
export type GroupJoining = (typeof GROUP_JOINING)[number];
export const GROUP_ROLES = ["member", "moderator"] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

export const THREADS_PAGE_SIZE = 20;
export const THREAD_TITLE_MAX = 150;
export const GROUP_NAME_MAX = 80;
export const GROUP_DESCRIPTION_MAX = 2000;

export interface GroupFacts {
  visibility: string;
  joining: string;
}

/** One reader of one group, as the rules need them. */
export interface GroupActor {
  signedIn: boolean;
  isAdmin: boolean;
  /** An active member of the group's platform. */
  platformMember: boolean;
  /** A coordinator of the group's platform (or an administrator): creates and sets up groups. */
  platformCoordinator: boolean;
  /** The person's membership of the group: pending | active | left | removed | rejected, or null. */
  status: string | null;
  role: GroupRole | null;
}

export const ANONYMOUS: GroupActor = {
  signedIn: false,
  isAdmin: false,
  platformMember: false,
  platformCoordinator: false,
  status: null,
  role: null,
};

/** An active member of the group who is still an active member of its platform. */
export function isGroupMember(actor: GroupActor): boolean {
  return actor.platformMember && actor.status === "active";
}

export function isGroupModerator(actor: GroupActor): boolean {
  return isGroupMember(actor) && actor.role === "moderator";
}

/** Read the forum: anyone for a public group; only the group's members for a private one. */
export function canReadGroup(group: GroupFacts, actor: GroupActor): boolean {
  return group.visibility === "public" || isGroupMember(actor);
}

/** Member and thread counts follow the forum: a private group's counts are its members' only. */
export const canSeeGroupCounts = canReadGroup;

/** Create a group on the platform. */
export function canCreateGroup(actor: Pick<GroupActor, "platformCoordinator">): boolean {
  return actor.platformCoordinator;
}

/** Change name, description, visibility and joining; appoint a moderator. */
export function canManageGroup(actor: GroupActor): boolean {
  return actor.platformCoordinator || isGroupModerator(actor);
}

/**
 * Who may open a private group's doors (make it public, or let people in without approval):
 * only its own moderators. A coordinator who is not in it may rename it, not open it.
 */
export function canChangeGroupAccess(group: GroupFacts, actor: GroupActor): boolean {
  if (group.visibility === "private") return isGroupModerator(actor);
  return canManageGroup(actor);
}

/**
 * A coordinator names a group's moderator by e-mail. In a private group that is only for a
 * group left without any moderator, never themselves and never someone its moderators
 * removed or turned down — otherwise it would be a way in for people who are not members.
 */
export function coordinatorMayAppoint(
  group: GroupFacts,
  facts: { hasModerator: boolean; appointingThemself: boolean; targetStatus: string | null },
): "ok" | "hasModerator" | "notYourself" | "wasRefused" {
  if (group.visibility !== "private") return "ok";
  if (facts.hasModerator) return "hasModerator";
  if (facts.appointingThemself) return "notYourself";
  if (facts.targetStatus === "removed" || facts.targetStatus === "rejected") return "wasRefused";
  return "ok";
}

/**
 * What joining does for this person: "join" at once (an open group), "request" for the
 * moderators' approval (an approval group, or someone a moderator removed), or null when
 * they may not (not a platform member, already in, or already asking).
 */
export function joinMode(group: GroupFacts, actor: GroupActor): "join" | "request" | null {
  if (!actor.platformMember) return null;
  if (actor.status === "active" || actor.status === "pending") return null;
  if (actor.status === "removed") return "request";
  return group.joining === "open" ? "join" : "request";
}

export function canLeaveGroup(actor: GroupActor): boolean {
  return actor.status === "active" || actor.status === "pending";
}

export const MEMBERSHIP_INTENTS = ["join", "request", "leave", "cancel"] as const;
export type MembershipIntent = (typeof MEMBERSHIP_INTENTS)[number];

/** The one membership button a person sees: join, ask to join, withdraw a request, or leave. */
export function membershipMode(group: GroupFacts, actor: GroupActor): MembershipIntent | null {
  const mode = joinMode(group, actor);
  if (mode) return mode;
  if (actor.status === "pending") return "cancel";
  if (actor.status === "active") return "leave";
  return null;
}

/** Approve or turn down requests, remove members, appoint moderators, pin, lock, hide. */
export const canModerateGroup = isGroupModerator;

export interface ThreadFacts {
  lockedAt: Date | null;
  hiddenAt: Date | null;
  proposalId?: string | null;
}

/** Start a thread: members of the group. */
export function canStartThread(actor: GroupActor): boolean {
  return isGroupMember(actor);
}

/** Why nobody may post in the thread now, as a message key, or null. */
export function threadClosedReason(thread: ThreadFacts): string | null {
  if (thread.hiddenAt) return "forums:errors.threadHidden";
  if (thread.lockedAt) return "forums:errors.threadLocked";
  return null;
}

/** Post in a thread: members, while the thread is neither locked nor hidden. */
export function canPostInThread(thread: ThreadFacts, actor: GroupActor): boolean {
  return isGroupMember(actor) && !threadClosedReason(thread);
}

/** A hidden thread's words are seen by the group's moderators only. */
export function canSeeHiddenThread(actor: GroupActor): boolean {
  return isGroupModerator(actor);
}

/** Turn a thread into a proposal draft of the platform: a moderator, once per thread. */
export function canRaiseThread(thread: ThreadFacts, actor: GroupActor): boolean {
  return isGroupModerator(actor) && !thread.hiddenAt && !thread.proposalId;
}

/** Only a public thread is offered for sharing outside the portal. */
export function canShareThread(group: GroupFacts, thread: ThreadFacts): boolean {
  return group.visibility === "public" && !thread.hiddenAt;
}
