import { db } from "~/db.server";
import {
  changeRole,
  decideRequest,
  leavePlatform,
  membersActiveAt,
  removeMember,
  requestToJoin,
} from "~/platforms/membership.server";
import { addMember, makePlatform, makeUser } from "~/test/world";

describe("membership", () => {
  it("goes from request to approval, opening an active period, with audit entries", async () => {
    const platform = await makePlatform();
    const coordinator = await makeUser("Coordinadora");
    await addMember(coordinator, platform.id, "coordinator");
    const applicant = await makeUser("Nina");
    expect(await requestToJoin(applicant, platform.id, "Asociación de mujeres de Dureno")).toEqual({
      ok: true,
      value: null,
    });
    expect(await requestToJoin(applicant, platform.id, undefined)).toMatchObject({
      formErrors: ["platforms:errors.alreadyPending"],
    });
    const m = await db.membership.findUniqueOrThrow({
      where: { userId_platformId: { userId: applicant.id, platformId: platform.id } },
    });
    expect(m).toMatchObject({ status: "pending", note: "Asociación de mujeres de Dureno" });
    const approvedAt = new Date("2026-05-01T12:00:00Z");
    await decideRequest(coordinator, platform.id, m.id, "approve", undefined, approvedAt);
    expect(
      (await membersActiveAt(platform.id, new Date("2026-05-02T00:00:00Z"))).map((x) => x.name),
    ).toContain("Nina");
    expect(
      (await membersActiveAt(platform.id, new Date("2026-04-30T00:00:00Z"))).map((x) => x.name),
    ).not.toContain("Nina");
    const actions = (await db.auditEvent.findMany({ where: { entityId: m.id } })).map(
      (e) => e.action,
    );
    expect(actions.sort()).toEqual(["membership.approved", "membership.requested"]);
  });

  it("never lets a person decide on their own request", async () => {
    const platform = await makePlatform();
    const applicant = await makeUser();
    await requestToJoin(applicant, platform.id, undefined);
    const m = await db.membership.findFirstOrThrow({ where: { userId: applicant.id } });
    await expect(decideRequest(applicant, platform.id, m.id, "approve")).rejects.toMatchObject({
      status: 403,
    });
    expect((await db.membership.findUniqueOrThrow({ where: { id: m.id } })).status).toBe("pending");
  });

  it("refuses a membership id of another platform with a 404", async () => {
    const a = await makePlatform();
    const b = await makePlatform();
    const coordinator = await makeUser();
    const person = await makeUser();
    const foreign = await addMember(person, b.id);
    await expect(removeMember(coordinator, a.id, foreign.id, "x")).rejects.toMatchObject({
      status: 404,
    });
    await expect(changeRole(coordinator, a.id, foreign.id, "coordinator")).rejects.toMatchObject({
      status: 404,
    });
    expect((await db.membership.findUniqueOrThrow({ where: { id: foreign.id } })).status).toBe(
      "active",
    );
  });

  it("keeps at least one coordinator", async () => {
    const platform = await makePlatform();
    const admin = await makeUser("Admin", true);
    const only = await makeUser("Única");
    const m = await addMember(only, platform.id, "coordinator");
    const refused = {
      ok: false,
      fieldErrors: {},
      formErrors: ["platforms:errors.lastCoordinator"],
    };
    expect(await changeRole(admin, platform.id, m.id, "member")).toEqual(refused);
    expect(await removeMember(admin, platform.id, m.id, "x")).toEqual(refused);
    expect(await leavePlatform(only, platform.id)).toEqual(refused);
    const second = await makeUser("Segunda");
    const m2 = await addMember(second, platform.id, "member");
    await changeRole(admin, platform.id, m2.id, "coordinator");
    expect((await leavePlatform(only, platform.id)).ok).toBe(true);
  });

  it("closes the period on removal and opens a new one when the person comes back", async () => {
    const platform = await makePlatform();
    const coordinator = await makeUser();
    await addMember(coordinator, platform.id, "coordinator");
    const person = await makeUser("Tupak");
    const m = await addMember(person, platform.id);
    const removedAt = new Date("2026-08-01T00:00:00Z");
    await removeMember(coordinator, platform.id, m.id, "Acuerdo de asamblea", removedAt);
    expect(await db.membership.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({
      status: "removed",
      reason: "Acuerdo de asamblea",
    });
    expect(await removeMember(coordinator, platform.id, m.id, "otra vez")).toMatchObject({
      formErrors: ["platforms:errors.notActive"],
    });
    await requestToJoin(person, platform.id, undefined);
    expect((await db.membership.findUniqueOrThrow({ where: { id: m.id } })).status).toBe("pending");
    await decideRequest(
      coordinator,
      platform.id,
      m.id,
      "approve",
      undefined,
      new Date("2026-10-01T00:00:00Z"),
    );
    const periods = await db.membershipPeriod.findMany({
      where: { membershipId: m.id },
      orderBy: { startedAt: "asc" },
    });
    expect(periods).toHaveLength(2);
    expect(
      (await membersActiveAt(platform.id, new Date("2026-09-01T00:00:00Z"))).map((x) => x.name),
    ).not.toContain("Tupak");
  });
});
