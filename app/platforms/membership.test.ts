import { db } from "~/db.server";
import {
  changeRole,
  decideRequest,
  leavePlatform,
  membersActiveAt,
  removeMember,
  requestToJoin,
} from "~/platforms/membership.server";
import {
  activeAtWhere,
  countActiveAt,
  countActiveAtEither,
  periodCovering,
} from "~/platforms/periods.server";
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

  it("an approval stamped before the last departure extends that period instead of overlapping it", async () => {
    const platform = await makePlatform();
    const coordinator = await makeUser();
    await addMember(coordinator, platform.id, "coordinator");
    const person = await makeUser("Killa");
    const m = await addMember(person, platform.id);
    await leavePlatform(person, platform.id, new Date("2026-08-01T00:00:00Z"));
    await requestToJoin(person, platform.id, undefined);
    // The coordinator's clock is behind: the approval says July.
    await decideRequest(
      coordinator,
      platform.id,
      m.id,
      "approve",
      undefined,
      new Date("2026-07-01T00:00:00Z"),
    );
    const periods = await db.membershipPeriod.findMany({ where: { membershipId: m.id } });
    expect(periods).toEqual([
      expect.objectContaining({ startedAt: new Date("2026-01-01T00:00:00Z"), endedAt: null }),
    ]);
    expect(await countActiveAt(db, platform.id, new Date("2026-07-15T00:00:00Z"))).toBe(2);
  });

  it("counts the members at an instant, or at either of two, exactly as asking each membership would", async () => {
    const platform = await makePlatform();
    const other = await makePlatform();
    const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);
    // [start, end) in days; null: still a member.
    const shapes: [number, number | null][][] = [
      [[0, null]], // since before both instants
      [[0, 10]], // left before the first instant
      [[0, 25]], // left between them
      [[15, null]], // joined between them
      [
        [0, 12],
        [18, null],
      ], // left and came back between them
      [
        [0, 20],
        [20, null],
      ], // left and came back at the first instant itself
      [[35, null]], // joined after both
      [[20, 30]], // exactly from the first instant to the second (end not included)
      [
        [5, 8],
        [9, 11],
        [40, null],
      ], // several periods, none at either instant
    ];
    for (const [i, shape] of shapes.entries()) {
      const person = await makeUser(`Persona ${i}`);
      await addMember(
        person,
        platform.id,
        "member",
        shape.map(([from, to]) => ({
          startedAt: day(from),
          endedAt: to === null ? null : day(to),
        })),
      );
      // The same person on another platform, always active: never counted here.
      await addMember(person, other.id);
    }
    const asked = (where: object) =>
      db.membership.count({ where: { platformId: platform.id, ...where } });
    for (const x of [0, 10, 12, 15, 20, 25, 30, 40]) {
      expect(await countActiveAt(db, platform.id, day(x))).toBe(
        await asked({ periods: { some: periodCovering(day(x)) } }),
      );
      expect(await countActiveAt(db, platform.id, day(x))).toBe(
        await db.membership.count({ where: activeAtWhere(platform.id, day(x)) }),
      );
      for (const y of [0, 12, 20, 25, 30, 40]) {
        expect([x, y, await countActiveAtEither(db, platform.id, day(x), day(y))]).toEqual([
          x,
          y,
          await asked({
            periods: { some: { OR: [periodCovering(day(x)), periodCovering(day(y))] } },
          }),
        ]);
      }
    }
    // Spot checks a reader can follow. At day 20: shapes 0, 2, 3, 4 (back since 18), 5 (its
    // second period) and 7.
    expect(await countActiveAt(db, platform.id, day(20))).toBe(6);
    // At day 20 or day 30: the same six (at 30, 2 has left and 7 ended exactly then).
    expect(await countActiveAtEither(db, platform.id, day(20), day(30))).toBe(6);
    // At day 10 (0, 2, 4, 5 and 8; 1 ended exactly then) or day 25 (0, 3, 4, 5, 7), in any order.
    expect(await countActiveAtEither(db, platform.id, day(10), day(25))).toBe(7);
    expect(await countActiveAtEither(db, platform.id, day(25), day(10))).toBe(7);
  });
});
