import { db } from "~/db.server";
import { walkInCandidates } from "~/meetings/attendance.server";
import { getMeetingRow } from "~/meetings/meetings.server";
import { quorumForMeeting } from "~/meetings/quorum.server";
import { addMember, makeMeeting, makePlatform, makeUser, participantOf } from "~/test/world";
import {
  CANDIDATE_LIMIT,
  createWalkIn,
  findPeopleWithoutAccount,
  forgetIfUncounted,
  linkToAccount,
  mergeParticipants,
} from "./participants.server";

let actor: { id: string };
beforeAll(async () => {
  actor = await makeUser("Facilitadora");
});

async function attend(meetingId: string, participantId: string, walkIn = true, status = "present") {
  return db.attendance.create({ data: { meetingId, participantId, status, walkIn } });
}

async function countsOf(meetingIds: string[]) {
  const rows = await db.attendance.groupBy({
    by: ["meetingId", "status"],
    where: { meetingId: { in: meetingIds } },
    _count: { _all: true },
  });
  return rows
    .map((r) => `${r.meetingId}:${r.status}:${r._count._all}`)
    .sort()
    .join(",");
}

describe("finding a walk-in again", () => {
  it("matches name and community without case or accents, only people without an account seen on this platform", async () => {
    const platform = await makePlatform();
    const other = await makePlatform();
    const meeting = await makeMeeting(platform.id);
    const elsewhere = await makeMeeting(other.id);
    const maria = await createWalkIn(db, { name: "María Grefa", community: "Limoncocha" });
    const rosa = await createWalkIn(db, { name: "Rosa Grefa", community: "Pañacocha" });
    const hidden = await createWalkIn(db, { name: "María Grefa", community: "Otra" });
    await attend(meeting.id, maria.id);
    await attend(meeting.id, rosa.id);
    await attend(elsewhere.id, hidden.id);
    // A member with an account of the same name is not a "person without an account".
    const user = await makeUser("María Grefa");
    await addMember(user, platform.id);

    const names = async (q: string) =>
      (await findPeopleWithoutAccount(db, platform.id, q)).map((p) => `${p.name}/${p.community}`);
    expect(await names("maria")).toEqual(["María Grefa/Limoncocha"]);
    expect(await names("GREFA")).toEqual(["María Grefa/Limoncocha", "Rosa Grefa/Pañacocha"]);
    expect(await names("grefa panacocha")).toEqual(["Rosa Grefa/Pañacocha"]);
    expect(await names("   ")).toEqual([]);
    expect(await names("%")).toEqual([]);
  });

  it("returns a bounded list", async () => {
    const platform = await makePlatform();
    const meeting = await makeMeeting(platform.id);
    for (let i = 0; i < CANDIDATE_LIMIT + 5; i++) {
      await attend(meeting.id, (await createWalkIn(db, { name: `Ana ${i}` })).id);
    }
    expect(await findPeopleWithoutAccount(db, platform.id, "ana")).toHaveLength(CANDIDATE_LIMIT);
  });
});

describe("walk-in candidates at an assembly", () => {
  it("leaves out those already on its list within the search, so others are still offered", async () => {
    const platform = await makePlatform();
    const earlier = await makeMeeting(platform.id);
    const today = await makeMeeting(platform.id);
    // More people named Ana than a search returns, all seen before; all but one already here.
    const anas = [];
    for (let i = 0; i <= CANDIDATE_LIMIT; i++) {
      const ana = await createWalkIn(db, { name: `Ana ${String(i).padStart(2, "0")}` });
      await attend(earlier.id, ana.id);
      anas.push(ana);
    }
    for (const ana of anas.slice(0, CANDIDATE_LIMIT)) await attend(today.id, ana.id);
    const offered = await walkInCandidates(await getMeetingRow(platform.id, today.id), "ana");
    expect(offered.map((p) => p.name)).toEqual([anas[CANDIDATE_LIMIT].name]);
  });
});

describe("linking a walk-in to the account they opened later", () => {
  it("moves their history to the account and keeps every count and past quorum identical", async () => {
    const platform = await makePlatform({ quorumPercent: 50 });
    const member = await makeUser("Miembro");
    await addMember(member, platform.id);
    const past = [
      await makeMeeting(platform.id, { startsAt: new Date("2026-03-01T15:00:00Z") }),
      await makeMeeting(platform.id, { startsAt: new Date("2026-04-01T15:00:00Z") }),
    ];
    const walkIn = await createWalkIn(db, { name: "Luz Tapuy", community: "Sani Isla" });
    for (const m of past) await attend(m.id, walkIn.id);
    await attend(past[0].id, await participantOf(member.id), false);

    const countsBefore = await countsOf(past.map((m) => m.id));
    const quorumBefore = await Promise.all(past.map((m) => quorumForMeeting(m, 50)));

    // Luz signs up and becomes a member; her walk-in history must follow her.
    const luz = await makeUser("Luz Tapuy");
    await addMember(luz, platform.id, "member", [{ startedAt: new Date() }]);
    const outcome = await db.$transaction((tx) =>
      linkToAccount(tx, actor, platform.id, walkIn.id, luz.id),
    );
    expect(outcome).toEqual({ ok: true, value: { moved: 2 } });

    const own = await participantOf(luz.id);
    expect(await db.attendance.count({ where: { participantId: own } })).toBe(2);
    expect(await db.participant.findUnique({ where: { id: walkIn.id } })).toBeNull();
    expect(await countsOf(past.map((m) => m.id))).toBe(countsBefore);
    expect(await Promise.all(past.map((m) => quorumForMeeting(m, 50)))).toEqual(quorumBefore);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "participant.merged" } });
    expect(JSON.parse(audit.details)).toMatchObject({ droppedId: walkIn.id, attendanceMoved: 2 });
  });
});

describe("merging two records of the same person", () => {
  it("keeps a past quorum even when a member was written down as a walk-in", async () => {
    const platform = await makePlatform({ quorumPercent: 50 });
    const member = await makeUser("Nelly Cerda");
    await addMember(member, platform.id);
    const meeting = await makeMeeting(platform.id, { startsAt: new Date("2026-05-01T15:00:00Z") });
    const atTheDoor = await createWalkIn(db, { name: "Nelly Cerda" });
    await attend(meeting.id, atTheDoor.id);
    const before = await quorumForMeeting(meeting, 50);
    const own = await participantOf(member.id);
    const outcome = await db.$transaction((tx) =>
      mergeParticipants(tx, actor, platform.id, { keepId: own, dropId: atTheDoor.id }),
    );
    expect(outcome.ok).toBe(true);
    expect(await quorumForMeeting(meeting, 50)).toEqual(before);
  });

  it("refuses what would change a count: both at one event, or folding away an account", async () => {
    const platform = await makePlatform();
    const meeting = await makeMeeting(platform.id);
    const a = await createWalkIn(db, { name: "Ana Mamallacta" });
    const b = await createWalkIn(db, { name: "Ana Mamallacta" });
    await attend(meeting.id, a.id);
    await attend(meeting.id, b.id);
    const both = await db.$transaction((tx) =>
      mergeParticipants(tx, actor, platform.id, { keepId: a.id, dropId: b.id }),
    );
    expect(both).toMatchObject({ ok: false, formErrors: ["participants:errors.bothAtSameEvent"] });
    expect(await db.attendance.count({ where: { meetingId: meeting.id } })).toBe(2);

    const user = await makeUser("Ana Mamallacta");
    await addMember(user, platform.id);
    const userParticipant = await participantOf(user.id);
    const account = await db.$transaction((tx) =>
      mergeParticipants(tx, actor, platform.id, { keepId: a.id, dropId: userParticipant }),
    );
    expect(account).toMatchObject({
      ok: false,
      formErrors: ["participants:errors.dropHasAccount"],
    });
  });

  it("keeps what the kept record says and fills only its gaps", async () => {
    const platform = await makePlatform();
    const [m1, m2] = [await makeMeeting(platform.id), await makeMeeting(platform.id)];
    const a = await createWalkIn(db, { name: "Olga Andi", community: null, gender: "woman" });
    const b = await createWalkIn(db, {
      name: "Olga Andy",
      community: "Limoncocha",
      gender: "man",
      ageGroup: "elder",
    });
    await attend(m1.id, a.id);
    await attend(m2.id, b.id, true, "excused");
    const outcome = await db.$transaction((tx) =>
      mergeParticipants(tx, actor, platform.id, { keepId: a.id, dropId: b.id }),
    );
    expect(outcome.ok).toBe(true);
    const kept = await db.participant.findUniqueOrThrow({ where: { id: a.id } });
    expect(kept).toMatchObject({
      name: "Olga Andi",
      community: "Limoncocha",
      gender: "woman",
      ageGroup: "elder",
    });
    expect(await findPeopleWithoutAccount(db, platform.id, "limoncocha")).toHaveLength(1);
    const statuses = await db.attendance.findMany({ where: { participantId: a.id } });
    expect(statuses.map((s) => s.status).sort()).toEqual(["excused", "present"]);
  });

  it("does not reach people of another platform", async () => {
    const platform = await makePlatform();
    const other = await makePlatform();
    const here = await createWalkIn(db, { name: "Uno" });
    const there = await createWalkIn(db, { name: "Otro" });
    await attend((await makeMeeting(platform.id)).id, here.id);
    await attend((await makeMeeting(other.id)).id, there.id);
    const outcome = await db.$transaction((tx) =>
      mergeParticipants(tx, actor, platform.id, { keepId: here.id, dropId: there.id }),
    );
    expect(outcome).toMatchObject({ ok: false, formErrors: ["participants:errors.notFound"] });
    expect(await db.participant.count({ where: { id: there.id } })).toBe(1);
  });
});

describe("forgetting a walk-in", () => {
  it("removes the person only when nothing else counts them", async () => {
    const platform = await makePlatform();
    const [m1, m2] = [await makeMeeting(platform.id), await makeMeeting(platform.id)];
    const p = await createWalkIn(db, { name: "Dos veces" });
    const a1 = await attend(m1.id, p.id);
    await attend(m2.id, p.id);
    await db.attendance.delete({ where: { id: a1.id } });
    expect(await forgetIfUncounted(db, p.id)).toBe(false);
    await db.attendance.deleteMany({ where: { participantId: p.id } });
    expect(await forgetIfUncounted(db, p.id)).toBe(true);
    const user = await makeUser("Con cuenta");
    expect(await forgetIfUncounted(db, await participantOf(user.id))).toBe(false);
  });
});
