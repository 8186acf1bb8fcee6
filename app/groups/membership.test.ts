import { db } from "~/db.server";
import { addGroupMember, addMember, makeGroup, makePlatform, makeUser } from "~/test/world";
import { requireReadableGroup } from "./groups.server";
import { firstGroups, listGroups } from "./list.server";
import { viewerOf } from "~/platforms/permissions.server";
import { changeMembership, listGroupMembers, moderateMembership } from "./membership.server";
import { appointModeratorByEmail, createGroup, updateGroup } from "./settings.server";

async function setting(joining: "open" | "approval" = "approval", visibility = "public" as const) {
  const platform = await makePlatform();
  const group = await makeGroup(platform.id, { joining, visibility });
  const moderator = await makeUser("Moderadora");
  await addMember(moderator, platform.id);
  await addGroupMember(moderator, group.id, "moderator");
  const person = await makeUser("Persona");
  await addMember(person, platform.id);
  return { platform, group, moderator, person };
}

const statusOf = (groupId: string, userId: string) =>
  db.groupMembership.findUnique({ where: { groupId_userId: { groupId, userId } } });

const audits = (action: string) => db.auditEvent.findMany({ where: { action } });

async function refusedWith(run: Promise<unknown>, key: string) {
  expect(await run).toMatchObject({ ok: false, formErrors: [key] });
}

describe("joining and leaving a group", () => {
  it("an open group takes a platform member at once; an approval group makes it a request", async () => {
    const open = await setting("open");
    expect(await changeMembership(open.person, open.platform.id, open.group.id, "join")).toEqual({
      ok: true,
      value: { notice: "groupJoined" },
    });
    expect((await statusOf(open.group.id, open.person.id))?.status).toBe("active");

    const approval = await setting("approval");
    // Even a forged "join" on an approval group only asks.
    const outcome = await changeMembership(
      approval.person,
      approval.platform.id,
      approval.group.id,
      "join",
    );
    expect(outcome).toEqual({ ok: true, value: { notice: "groupRequested" } });
    expect((await statusOf(approval.group.id, approval.person.id))?.status).toBe("pending");
    await refusedWith(
      changeMembership(approval.person, approval.platform.id, approval.group.id, "request"),
      "groups:errors.alreadyPending",
    );
    // Withdrawing the request.
    await changeMembership(approval.person, approval.platform.id, approval.group.id, "cancel");
    expect((await statusOf(approval.group.id, approval.person.id))?.status).toBe("left");
  });

  it("refuses someone who is not a member of the platform, writing nothing", async () => {
    const { platform, group } = await setting("open");
    const outsider = await makeUser("De fuera");
    await refusedWith(
      changeMembership(outsider, platform.id, group.id, "join"),
      "groups:errors.notPlatformMemberSelf",
    );
    expect(await statusOf(group.id, outsider.id)).toBeNull();
  });

  it("a group of another platform is a 404", async () => {
    const { group, person } = await setting("open");
    const other = await makePlatform();
    await addMember(person, other.id);
    await expect(changeMembership(person, other.id, group.id, "join")).rejects.toMatchObject({
      status: 404,
    });
  });

  it("the last active moderator cannot leave a group with members; once another is appointed, they can", async () => {
    const { platform, group, moderator, person } = await setting("open");
    await changeMembership(person, platform.id, group.id, "join");
    await refusedWith(
      changeMembership(moderator, platform.id, group.id, "leave"),
      "groups:errors.lastModeratorLeave",
    );
    expect((await statusOf(group.id, moderator.id))?.status).toBe("active");
    const m = (await statusOf(group.id, person.id))!;
    await moderateMembership(moderator, platform.id, group.id, m.id, "appoint");
    expect(await changeMembership(moderator, platform.id, group.id, "leave")).toMatchObject({
      ok: true,
    });
    expect((await statusOf(group.id, moderator.id))?.status).toBe("left");
  });
});

describe("what moderators do", () => {
  it("approves and turns down requests, audited with ids and the reason", async () => {
    const { platform, group, moderator, person } = await setting("approval");
    const other = await makeUser("Otra");
    await addMember(other, platform.id);
    await changeMembership(person, platform.id, group.id, "request");
    await changeMembership(other, platform.id, group.id, "request");
    const a = (await statusOf(group.id, person.id))!;
    const b = (await statusOf(group.id, other.id))!;
    await moderateMembership(moderator, platform.id, group.id, a.id, "approve");
    await moderateMembership(moderator, platform.id, group.id, b.id, "reject", "No es de la zona");
    expect((await statusOf(group.id, person.id))?.status).toBe("active");
    expect(await statusOf(group.id, other.id)).toMatchObject({
      status: "rejected",
      reason: "No es de la zona",
    });
    const approved = (await audits("groupMember.approved")).find((e) => e.entityId === a.id);
    expect(approved).toMatchObject({ actorId: moderator.id, entityId: a.id });
    const rejected = (await audits("groupMember.rejected")).find((e) => e.entityId === b.id)!;
    expect(JSON.parse(rejected.details)).toEqual({
      groupId: group.id,
      userId: other.id,
      reason: "No es de la zona",
    });
    // Names never go into the record.
    expect(rejected.details).not.toContain("Otra");
    // Deciding twice is refused.
    await refusedWith(
      moderateMembership(moderator, platform.id, group.id, a.id, "approve"),
      "groups:errors.notPending",
    );
  });

  it("removes a member with a reason; to come back they must ask, even in an open group", async () => {
    const { platform, group, moderator, person } = await setting("open");
    await changeMembership(person, platform.id, group.id, "join");
    const m = (await statusOf(group.id, person.id))!;
    await refusedWith(
      moderateMembership(moderator, platform.id, group.id, m.id, "remove"),
      "groups:errors.reasonRequired",
    );
    await moderateMembership(moderator, platform.id, group.id, m.id, "remove", "Insultos");
    expect(await statusOf(group.id, person.id)).toMatchObject({
      status: "removed",
      reason: "Insultos",
    });
    const removed = (await audits("groupMember.removed")).find((e) => e.entityId === m.id)!;
    expect(JSON.parse(removed.details)).toMatchObject({ reason: "Insultos", userId: person.id });
    expect(await changeMembership(person, platform.id, group.id, "join")).toEqual({
      ok: true,
      value: { notice: "groupRequested" },
    });
    expect((await statusOf(group.id, person.id))?.status).toBe("pending");
  });

  it("never steps down the last moderator, and refuses a member who is not a moderator", async () => {
    const { platform, group, moderator, person } = await setting("open");
    await changeMembership(person, platform.id, group.id, "join");
    const mine = (await statusOf(group.id, moderator.id))!;
    await refusedWith(
      moderateMembership(moderator, platform.id, group.id, mine.id, "stepDown"),
      "groups:errors.lastModerator",
    );
    const theirs = (await statusOf(group.id, person.id))!;
    await moderateMembership(moderator, platform.id, group.id, theirs.id, "appoint");
    await moderateMembership(person, platform.id, group.id, mine.id, "stepDown");
    expect((await statusOf(group.id, moderator.id))?.role).toBe("member");
    const appointed = await audits("groupMember.moderatorAppointed");
    expect(appointed.filter((a) => a.entityId === theirs.id)).toHaveLength(1);
    const steppedDown = await audits("groupMember.moderatorRemoved");
    expect(steppedDown.filter((a) => a.entityId === mine.id)).toHaveLength(1);
  });

  it("a member, or a moderator of another group, may not moderate: 403 and nothing changes", async () => {
    const { platform, group, person } = await setting("approval");
    const elsewhere = await makeGroup(platform.id);
    const otherModerator = await makeUser("Moderador de otro grupo");
    await addMember(otherModerator, platform.id);
    await addGroupMember(otherModerator, elsewhere.id, "moderator");
    await changeMembership(person, platform.id, group.id, "request");
    const m = (await statusOf(group.id, person.id))!;
    await expect(
      moderateMembership(otherModerator, platform.id, group.id, m.id, "approve"),
    ).rejects.toMatchObject({ status: 403 });
    // A membership of another group, named on this group's page: 404.
    const mod = await db.groupMembership.findFirstOrThrow({
      where: { groupId: group.id, role: "moderator" },
      include: { user: true },
    });
    await expect(
      moderateMembership(mod.user, platform.id, elsewhere.id, m.id, "approve"),
    ).rejects.toMatchObject({ status: 403 });
    expect((await statusOf(group.id, person.id))?.status).toBe("pending");
  });
});

describe("creating and editing a group", () => {
  it("a coordinator creates it, naming a platform member its moderator by e-mail; audited", async () => {
    const platform = await makePlatform();
    const coordinator = await makeUser("Coordinadora");
    await addMember(coordinator, platform.id, "coordinator");
    const maria = await makeUser("María");
    await addMember(maria, platform.id);
    const outsider = await makeUser("De fuera");
    const input = {
      nameEs: "Mujeres",
      visibility: "private" as const,
      joining: "approval" as const,
    };
    expect(
      await createGroup(coordinator, platform.id, { ...input, moderatorEmail: outsider.email }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { moderatorEmail: ["groups:errors.notPlatformMember"] },
    });
    expect(await db.group.count({ where: { platformId: platform.id } })).toBe(0);
    const outcome = await createGroup(coordinator, platform.id, {
      ...input,
      moderatorEmail: maria.email.toUpperCase(),
    });
    if (!outcome.ok) throw new Error("refused");
    const group = await db.group.findUniqueOrThrow({ where: { id: outcome.value.groupId } });
    expect(group).toMatchObject({ nameEs: "Mujeres", nameEn: "", visibility: "private" });
    expect(await statusOf(group.id, maria.id)).toMatchObject({
      status: "active",
      role: "moderator",
    });
    expect(await statusOf(group.id, coordinator.id)).toBeNull();
    const created = (await audits("group.created")).find((e) => e.entityId === group.id)!;
    expect(JSON.parse(created.details)).toMatchObject({ moderatorId: maria.id });

    // The coordinator is not a member: the private group is closed to them…
    await expect(
      requireReadableGroup(db, coordinator, platform.id, group.id),
    ).rejects.toMatchObject({ status: 404 });
    // …but they still set it up, and the group's moderator too.
    expect(
      await updateGroup(maria, platform.id, group.id, { ...input, nameEs: "Mujeres del río" }),
    ).toEqual({ ok: true, value: null });
    const updated = (await audits("group.updated")).find((e) => e.entityId === group.id)!;
    expect(JSON.parse(updated.details)).toMatchObject({ changed: ["nameEs"] });
    const member = await makeUser("Miembro");
    await addMember(member, platform.id);
    await expect(updateGroup(member, platform.id, group.id, input)).rejects.toMatchObject({
      status: 403,
    });
    // A coordinator who is not in the private group may not open it up…
    expect(
      await updateGroup(coordinator, platform.id, group.id, { ...input, visibility: "public" }),
    ).toEqual({
      ok: false,
      fieldErrors: { visibility: ["groups:errors.privateAccessModeratorsOnly"] },
    });
    expect(
      await updateGroup(coordinator, platform.id, group.id, { ...input, joining: "open" }),
    ).toMatchObject({ ok: false });
    expect((await db.group.findUniqueOrThrow({ where: { id: group.id } })).visibility).toBe(
      "private",
    );
    // …nor appoint a moderator while it has one, nor ever themself.
    expect(
      await appointModeratorByEmail(coordinator, platform.id, group.id, member.email),
    ).toMatchObject({ ok: false, formErrors: ["groups:errors.privateHasModerator"] });
    expect(await statusOf(group.id, member.id)).toBeNull();
    await db.membership.updateMany({
      where: { userId: maria.id, platformId: platform.id },
      data: { status: "left" },
    });
    expect(
      await appointModeratorByEmail(coordinator, platform.id, group.id, coordinator.email),
    ).toEqual({ ok: false, fieldErrors: { email: ["groups:errors.notYourself"] } });
    // A group left without a moderator gets one from its coordinator.
    expect(await appointModeratorByEmail(coordinator, platform.id, group.id, member.email)).toEqual(
      { ok: true, value: null },
    );
    expect(await statusOf(group.id, member.id)).toMatchObject({
      status: "active",
      role: "moderator",
    });
  });

  it("members and facilitators may not create groups", async () => {
    const platform = await makePlatform();
    const facilitator = await makeUser("Facilitador");
    await addMember(facilitator, platform.id, "facilitator");
    await expect(
      createGroup(facilitator, platform.id, {
        nameEs: "X",
        visibility: "public",
        joining: "open",
      }),
    ).rejects.toMatchObject({ status: 403 });
  });
});

describe("a member whose platform membership ended", () => {
  it("no longer reads the private group, counts it or appears among its members", async () => {
    const { platform, group, person } = await setting("open", "private" as never);
    await db.group.update({ where: { id: group.id }, data: { visibility: "private" } });
    await addGroupMember(person, group.id);
    const before = await requireReadableGroup(db, person, platform.id, group.id);
    expect(before.group.id).toBe(group.id);
    expect((await listGroupMembers(db, group, 1)).total).toBe(2);

    await db.membership.updateMany({
      where: { userId: person.id, platformId: platform.id },
      data: { status: "left" },
    });
    await expect(requireReadableGroup(db, person, platform.id, group.id)).rejects.toMatchObject({
      status: 404,
    });
    const list = await listGroups(db, person, platform.id, "es");
    expect(list.groups[0]).toMatchObject({ memberCount: null, threadCount: null, myStatus: null });
    expect((await listGroupMembers(db, group, 1)).total).toBe(1);
  });
});

describe("the group list", () => {
  it("counts members and visible threads by the database, and a private group's only for its members", async () => {
    const platform = await makePlatform();
    const open = await makeGroup(platform.id, { name: "Abierto" });
    const closed = await makeGroup(platform.id, { visibility: "private", name: "Cerrado" });
    const reader = await makeUser("Lectora");
    await addMember(reader, platform.id);
    const insider = await makeUser("De dentro");
    await addMember(insider, platform.id);
    await addGroupMember(insider, closed.id, "moderator");
    await addGroupMember(insider, open.id);
    await addGroupMember(reader, open.id, "member", "left");
    // Still "active" in the group, but no longer an active member of this platform: not counted.
    const gone = await makeUser("Se fue");
    await addMember(gone, platform.id, "member", [
      { startedAt: new Date("2025-01-01"), endedAt: new Date("2025-06-01") },
    ]);
    await addGroupMember(gone, open.id);
    const elsewhere = await makeUser("De otra plataforma");
    await addMember(elsewhere, (await makePlatform()).id);
    await addGroupMember(elsewhere, open.id);
    for (const [groupId, hidden] of [
      [open.id, false],
      [open.id, true],
      [closed.id, false],
    ] as const) {
      const discussion = await db.discussion.create({
        data: { hostType: "thread", platformId: platform.id },
      });
      await db.thread.create({
        data: {
          groupId,
          authorId: insider.id,
          title: "Tema",
          discussionId: discussion.id,
          hiddenAt: hidden ? new Date() : null,
        },
      });
    }
    const asReader = await listGroups(db, reader, platform.id, "es");
    expect(asReader.groups.map((g) => [g.name, g.memberCount, g.threadCount])).toEqual([
      ["Abierto", 1, 1],
      ["Cerrado", null, null],
    ]);
    expect(asReader.groups.map((g) => g.mode)).toEqual(["join", "join"]);
    const anonymous = await listGroups(db, null, platform.id, "es");
    expect(anonymous.groups[1]).toMatchObject({ memberCount: null, threadCount: null, mode: null });
    const asInsider = await listGroups(db, insider, platform.id, "en");
    expect(
      asInsider.groups.map((g) => [g.memberCount, g.threadCount, g.unreadCount, g.myStatus]),
    ).toEqual([
      [1, 1, 1, "member"],
      [1, 1, 1, "moderator"],
    ]);
    // The platform page passes the role its viewer already read: the same list, one read fewer.
    for (const [user, locale] of [
      [reader, "es"],
      [insider, "en"],
    ] as const) {
      const role = (await viewerOf(user, platform.id)).role;
      expect(await listGroups(db, user, platform.id, locale, { role })).toEqual(
        await listGroups(db, user, platform.id, locale),
      );
      // Its first groups, read one past them instead of counted: the same cards, and whether
      // there are more (two groups here).
      const all = (await listGroups(db, user, platform.id, locale)).groups;
      expect(await firstGroups(db, user, platform.id, locale, 1, role)).toEqual({
        groups: all.slice(0, 1),
        more: true,
      });
      expect(await firstGroups(db, user, platform.id, locale, 2)).toEqual({
        groups: all,
        more: false,
      });
    }
  });
});
