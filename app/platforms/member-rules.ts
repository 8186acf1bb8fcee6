/**
 * Who may add, make and link members without an account, and what a refusal says. Pure, so
 * the pages (which controls they show) and the domain (what it accepts) read one rule.
 * See docs/decisions/025-members-without-account.md.
 */

export interface MemberRulesViewer {
  canFacilitate: boolean;
  canCoordinate: boolean;
}

export interface PersonFacts {
  hasAccount: boolean;
  /** This platform's membership of the person record, if any. */
  membershipStatus: string | null;
}

/** Membership is the coordinators' business: they add members, with an account or without. */
export function canAddMembersWithoutAccount(viewer: MemberRulesViewer): boolean {
  return viewer.canCoordinate;
}

/**
 * Why a person record cannot be made a member, or null. Someone with an account asks to
 * join (their own request, their own consent); an active member already is one.
 */
export function makeMemberRefusal(person: PersonFacts): string | null {
  if (person.hasAccount) return "participants:errors.hasAccountAsksToJoin";
  if (person.membershipStatus === "active") return "participants:errors.alreadyMember";
  return null;
}

export function canMakeMember(viewer: MemberRulesViewer, person: PersonFacts): boolean {
  return canAddMembersWithoutAccount(viewer) && makeMemberRefusal(person) === null;
}

/**
 * Linking a record to the account its person opened: facilitators link walk-ins (as
 * before); a record that holds a membership of the platform moves a membership with it,
 * which is the coordinators' business.
 */
export function canLinkAccount(viewer: MemberRulesViewer, person: PersonFacts): boolean {
  if (person.hasAccount) return false;
  return person.membershipStatus !== null ? viewer.canCoordinate : viewer.canFacilitate;
}

/**
 * Folding a duplicate record (`drop`, never one with an account) into another: facilitators
 * fold walk-ins, as before; a dropped record that holds a membership of the platform moves or
 * merges it (its status and role join the kept record's), which is the coordinators' business.
 */
export function canMergePeople(viewer: MemberRulesViewer, drop: PersonFacts): boolean {
  if (drop.hasAccount) return false;
  return drop.membershipStatus !== null ? viewer.canCoordinate : viewer.canFacilitate;
}

/**
 * Whether the directory says who has no account: coordinators need it (to link an account
 * later); members see one another alike, since having an e-mail is nobody else's concern.
 */
export function seesAccountMarker(viewer: MemberRulesViewer): boolean {
  return viewer.canCoordinate;
}
