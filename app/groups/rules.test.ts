import {
  ANONYMOUS,
  canManageGroup,
  canPostInThread,
  canRaiseThread,
  canReadGroup,
  canShareThread,
  joinMode,
  type GroupActor,
} from "./rules";

const base: GroupActor = { ...ANONYMOUS, signedIn: true };
const platformMember: GroupActor = { ...base, platformMember: true };
const member: GroupActor = { ...platformMember, status: "active", role: "member" };
const moderator: GroupActor = { ...member, role: "moderator" };
const coordinator: GroupActor = { ...platformMember, platformCoordinator: true };
const admin: GroupActor = { ...base, isAdmin: true, platformCoordinator: true };
// Still listed in the group, but no longer an active member of the platform.
const leftPlatform: GroupActor = { ...member, platformMember: false };
const pending: GroupActor = { ...platformMember, status: "pending", role: "member" };
const removed: GroupActor = { ...platformMember, status: "removed", role: "member" };

const publicGroup = { visibility: "public", joining: "open" };
const privateGroup = { visibility: "private", joining: "approval" };

describe("group rules", () => {
  it.each([
    ["anonymous", ANONYMOUS, true, false],
    ["platform member", platformMember, true, false],
    ["pending", pending, true, false],
    ["member", member, true, true],
    ["moderator", moderator, true, true],
    ["coordinator (not in the group)", coordinator, true, false],
    ["administrator (not in the group)", admin, true, false],
    ["member who left the platform", leftPlatform, true, false],
  ])("%s reads a public group: %s, a private one: %s", (_, actor, pub, priv) => {
    expect(canReadGroup(publicGroup, actor)).toBe(pub);
    expect(canReadGroup(privateGroup, actor)).toBe(priv);
  });

  it.each([
    ["anonymous", ANONYMOUS, null, null],
    ["platform member", platformMember, "join", "request"],
    ["member", member, null, null],
    ["pending", pending, null, null],
    ["removed", removed, "request", "request"],
    ["left", { ...platformMember, status: "left" }, "join", "request"],
    ["rejected", { ...platformMember, status: "rejected" }, "join", "request"],
  ] as const)("%s joins an open group: %s, an approval group: %s", (_, actor, open, approval) => {
    expect(joinMode(publicGroup, actor)).toBe(open);
    expect(joinMode(privateGroup, actor)).toBe(approval);
  });

  it("lets coordinators and the group's moderators manage it", () => {
    expect([coordinator, admin, moderator, member, platformMember].map(canManageGroup)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it("closes threads that are locked or hidden, and raises a thread once", () => {
    const open = { lockedAt: null, hiddenAt: null, proposalId: null };
    const locked = { ...open, lockedAt: new Date() };
    const hidden = { ...open, hiddenAt: new Date() };
    expect(canPostInThread(open, member)).toBe(true);
    expect(canPostInThread(open, platformMember)).toBe(false);
    expect(canPostInThread(locked, moderator)).toBe(false);
    expect(canPostInThread(hidden, member)).toBe(false);
    expect(canRaiseThread(open, moderator)).toBe(true);
    expect(canRaiseThread(open, member)).toBe(false);
    expect(canRaiseThread({ ...open, proposalId: "p1" }, moderator)).toBe(false);
    expect(canRaiseThread(hidden, moderator)).toBe(false);
    expect(canShareThread(publicGroup, open)).toBe(true);
    expect(canShareThread(privateGroup, open)).toBe(false);
    expect(canShareThread(publicGroup, hidden)).toBe(false);
  });
});
