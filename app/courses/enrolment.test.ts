import type { AppLoadContext } from "@remix-run/node";
import type { AuthUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { createWalkIn } from "~/participants/participants.server";
import * as enrolmentRoute from "~/routes/courses.$courseId.enrolment";
import * as peopleRoute from "~/routes/courses.$courseId.people";
import { getPage, postForm } from "~/test/routes";
import {
  addMember,
  enrolDirectly,
  makeCourse,
  makeMeeting,
  makeTrainingSession,
  makeUser,
  makeWorld,
  participantOf,
} from "~/test/world";
import {
  ENROLMENT_PAGE_SIZE,
  enrolByEmail,
  enrolKnownPerson,
  enrolmentCandidates,
  enrolmentList,
  enrolmentPanelFor,
  enrolNewPerson,
  enrolSelf,
  leaveSelf,
  withdrawPerson,
} from "./enrolment.server";

const enrolledCount = (courseId: string) =>
  db.enrolment.count({ where: { courseId, status: "enrolled" } });

/**
 * Posts to the self-enrolment route as `user` and reads where it goes and the one-time notice
 * it sets (the route answers every outcome with a redirect to the course page).
 */
async function selfPost(courseId: string, user: AuthUser | null, intent: string) {
  const request = new Request(`http://localhost/courses/${courseId}/enrolment`, {
    method: "POST",
    body: new URLSearchParams({ intent }),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  const context = {
    user,
    session: user ? { id: "s", userId: user.id, expiresAt: new Date(), fresh: false } : null,
    cspNonce: "",
    clientIp: "127.0.0.1",
  } as unknown as AppLoadContext;
  let res: Response;
  try {
    res = await enrolmentRoute.action({ request, params: { courseId }, context });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    res = thrown;
  }
  const cookie = decodeURIComponent(res.headers.get("Set-Cookie") ?? "");
  return {
    status: res.status,
    location: res.headers.get("Location"),
    notice: /minga_notice=(\w+):/.exec(cookie)?.[1] ?? null,
  };
}

const peoplePost = (
  courseId: string,
  user: Parameters<typeof postForm>[3],
  fields: Record<string, string>,
) => postForm(peopleRoute.action, `/courses/${courseId}/people`, { courseId }, user, fields);

function errorsOf(body: unknown): string[] {
  const b = body as { result?: { error?: Record<string, string[]> }; errors?: string[] };
  return [...Object.values(b.result?.error ?? {}).flat(), ...(b.errors ?? [])];
}

/** Someone without an account counted at one of the platform's assemblies. */
async function walkInAtAssembly(platformId: string, name: string, community = "Sani Isla") {
  const m = await makeMeeting(platformId);
  const p = await createWalkIn(db, { name, community });
  await db.attendance.create({
    data: { meetingId: m.id, participantId: p.id, status: "present", walkIn: true },
  });
  return p;
}

describe("self-enrolment", () => {
  it("never goes over capacity: 30 people asking at once for 10 places leave exactly 10", async () => {
    const course = await makeCourse(null, { capacity: 10 });
    const people = await Promise.all(
      Array.from({ length: 30 }, (_, i) => makeUser(`Persona ${i}`)),
    );
    const outcomes = await Promise.all(people.map((p) => enrolSelf(p, course.id)));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(10);
    const refusals = outcomes.flatMap((o) => (o.ok ? [] : (o.formErrors ?? [])));
    expect(refusals).toEqual(Array(20).fill("enrolment:errors.full"));
    expect(await enrolledCount(course.id)).toBe(10);
    expect(
      await db.auditEvent.count({ where: { action: "enrolment.enrolled", entityId: course.id } }),
    ).toBe(10);
  });

  it("counts only people still enrolled against capacity", async () => {
    const course = await makeCourse(null, { capacity: 1 });
    const [a, b] = [await makeUser("A"), await makeUser("B")];
    expect((await enrolSelf(a, course.id)).ok).toBe(true);
    expect(await enrolSelf(b, course.id)).toMatchObject({
      ok: false,
      formErrors: ["enrolment:errors.full"],
    });
    expect((await leaveSelf(a, course.id)).ok).toBe(true);
    expect((await enrolSelf(b, course.id)).ok).toBe(true);
  });

  it("any signed-in person may enrol, member of the platform or not, through the route", async () => {
    const { platform, users } = await makeWorld();
    const course = await makeCourse(platform.id);
    const res = await selfPost(course.id, users.user, "enrol");
    expect(res).toEqual({ status: 302, location: `/courses/${course.id}`, notice: "enrolled" });
    expect(await enrolledCount(course.id)).toBe(1);
    const row = await db.enrolment.findFirstOrThrow({ where: { courseId: course.id } });
    expect(row.participantId).toBe(await participantOf(users.user!.id));
    expect(row.enrolledById).toBe(users.user!.id);
  });

  it.each([
    ["enrolment closed", { enrolmentOpen: false }, "enrolmentClosed"],
    ["the course closed", { status: "closed" }, "enrolmentCourseClosed"],
    [
      "the course ended",
      { startDate: "2026-01-01", endDate: "2026-01-31" },
      "enrolmentCourseEnded",
    ],
  ])(
    "is refused with a notice on the course page, not a 500, when %s",
    async (_, overrides, notice) => {
      const course = await makeCourse(null, overrides);
      const user = await makeUser();
      const res = await selfPost(course.id, user, "enrol");
      expect(res).toEqual({ status: 302, location: `/courses/${course.id}`, notice });
      expect(await db.enrolment.count({ where: { courseId: course.id } })).toBe(0);
    },
  );

  it("a draft course is a 404 to people enrolling themselves", async () => {
    const course = await makeCourse(null, { status: "draft" });
    const res = await selfPost(course.id, await makeUser(), "enrol");
    expect(res.status).toBe(404);
    expect(await db.enrolment.count({ where: { courseId: course.id } })).toBe(0);
  });

  it("anonymous people are sent to log in; a GET goes to the course page", async () => {
    const course = await makeCourse(null);
    const res = await selfPost(course.id, null, "enrol");
    expect(res.status).toBe(302);
    expect(res.location).toMatch(/^\/login/);
    const get = await getPage(
      enrolmentRoute.loader,
      `/courses/${course.id}/enrolment`,
      { courseId: course.id },
      null,
    );
    expect(get).toMatchObject({ status: 302, location: `/courses/${course.id}` });
  });

  it("enrolling twice says so and keeps one row", async () => {
    const course = await makeCourse(null);
    const user = await makeUser();
    await enrolSelf(user, course.id);
    const res = await selfPost(course.id, user, "enrol");
    expect(res).toMatchObject({ status: 302, notice: "enrolmentAlready" });
    expect(await db.enrolment.count({ where: { courseId: course.id } })).toBe(1);
  });

  it("leave and come back: the same row, enrolled again from the new time, each step audited", async () => {
    const course = await makeCourse(null);
    const user = await makeUser();
    const first = new Date(Date.now() - 5 * 86400_000);
    const leftAt = new Date(Date.now() - 3 * 86400_000);
    const back = new Date();
    const enrolled = await enrolSelf(user, course.id, first);
    expect(enrolled.ok).toBe(true);
    expect((await leaveSelf(user, course.id, leftAt)).ok).toBe(true);
    const afterLeave = await db.enrolment.findFirstOrThrow({ where: { courseId: course.id } });
    expect(afterLeave).toMatchObject({ status: "left", endedAt: leftAt });
    expect(await leaveSelf(user, course.id)).toMatchObject({
      ok: false,
      formErrors: ["enrolment:errors.notEnrolled"],
    });

    const again = await enrolSelf(user, course.id, back);
    expect(again).toEqual(enrolled);
    const row = await db.enrolment.findFirstOrThrow({ where: { courseId: course.id } });
    expect(row).toMatchObject({
      status: "enrolled",
      enrolledAt: back,
      endedAt: null,
      reason: null,
    });
    const audit = await db.auditEvent.findMany({
      where: { entityId: course.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "enrolment.enrolled",
      "enrolment.left",
      "enrolment.enrolled",
    ]);
    const participantId = await participantOf(user.id);
    for (const a of audit) {
      expect(JSON.parse(a.details)).toMatchObject({ participantId });
      expect(a.details).not.toContain(user.name);
    }
  });

  it("leaving through the route, and not after the course is closed", async () => {
    const course = await makeCourse(null);
    const user = await makeUser();
    await enrolSelf(user, course.id);
    expect(await selfPost(course.id, user, "leave")).toMatchObject({
      status: 302,
      notice: "enrolmentLeft",
    });
    expect(await enrolledCount(course.id)).toBe(0);
    await enrolSelf(user, course.id);
    await db.course.update({ where: { id: course.id }, data: { status: "closed" } });
    const res = await selfPost(course.id, user, "leave");
    expect(res).toMatchObject({ status: 302, notice: "enrolmentCourseClosed" });
    expect(await enrolledCount(course.id)).toBe(1);
  });

  it("an unknown intent is a 400", async () => {
    const course = await makeCourse(null);
    expect((await selfPost(course.id, await makeUser(), "promote")).status).toBe(400);
  });

  it("the course page's panel offers what the rules allow", async () => {
    const course = await makeCourse(null, { capacity: 2 });
    const user = await makeUser();
    const facts = await db.course.findUniqueOrThrow({ where: { id: course.id } });
    expect(await enrolmentPanelFor(null, facts)).toMatchObject({
      signedIn: false,
      placesLeft: 2,
      enrolRefusal: null,
      canLeave: false,
    });
    await enrolSelf(user, course.id);
    expect(await enrolmentPanelFor(user, facts)).toMatchObject({
      status: "enrolled",
      placesLeft: 1,
      canLeave: true,
      enrolRefusal: null,
    });
    await enrolSelf(await makeUser(), course.id);
    expect(await enrolmentPanelFor(await makeUser(), facts)).toMatchObject({
      status: null,
      placesLeft: 0,
      enrolRefusal: "full",
    });
  });
});

describe("managers enrol and withdraw people", () => {
  it("enrols a user by e-mail, a walk-in found again, and a new person; capacity holds", async () => {
    const { platform, users } = await makeWorld();
    const course = await makeCourse(platform.id, { capacity: 3 });
    const rosa = await walkInAtAssembly(platform.id, "Rosa Tanguila", "Pañacocha");
    const someone = await makeUser("Inés");

    const byEmail = await peoplePost(course.id, users.facilitator, {
      intent: "byEmail",
      _form: "byEmail",
      email: someone.email.toUpperCase(),
    });
    expect(byEmail.status).toBe(302);
    const candidates = await enrolmentCandidates(course, "rosa panacocha");
    expect(candidates.map((c) => c.id)).toEqual([rosa.id]);
    const known = await peoplePost(course.id, users.facilitator, {
      intent: "known",
      _form: "known",
      participantId: rosa.id,
    });
    expect(known.status).toBe(302);
    // Once enrolled she is no longer offered.
    expect(await enrolmentCandidates(course, "rosa")).toEqual([]);
    const fresh = await peoplePost(course.id, users.coordinator, {
      intent: "new",
      _form: "new",
      name: "Tupak Yumbo",
      community: "Limoncocha",
      gender: "man",
      ageGroup: "youth",
    });
    expect(fresh.status).toBe(302);
    const tupak = await db.participant.findFirstOrThrow({ where: { name: "Tupak Yumbo" } });
    expect(tupak).toMatchObject({
      userId: null,
      community: "Limoncocha",
      gender: "man",
      ageGroup: "youth",
    });
    expect(await enrolledCount(course.id)).toBe(3);

    // Full: a fourth person is refused, and no person record is left behind.
    const over = await peoplePost(course.id, users.facilitator, {
      intent: "new",
      _form: "new",
      name: "Una más",
    });
    expect(over.status).toBe(400);
    expect(errorsOf(over.body)).toEqual(["enrolment:errors.full"]);
    expect(await db.participant.count({ where: { name: "Una más" } })).toBe(0);

    const list = await enrolmentList(course.id, "", 1);
    expect(list.people.map((p) => p.name).sort()).toEqual(["Inés", "Rosa Tanguila", "Tupak Yumbo"]);
    const audit = await db.auditEvent.findMany({
      where: { entityId: course.id, action: "enrolment.enrolled" },
    });
    expect(audit.every((a) => a.actorId !== null && JSON.parse(a.details).participantId)).toBe(
      true,
    );
  });

  it("enrolling someone already enrolled is a message beside the field", async () => {
    const { platform, users } = await makeWorld();
    const course = await makeCourse(platform.id);
    await enrolSelf(users.member!, course.id);
    const res = await peoplePost(course.id, users.facilitator, {
      intent: "byEmail",
      _form: "byEmail",
      email: users.member!.email,
    });
    expect(res.status).toBe(400);
    expect(
      (res.body as { result: { error: Record<string, string[]> } }).result.error.email,
    ).toEqual(["enrolment:errors.alreadyEnrolled"]);
    const unknown = await peoplePost(course.id, users.facilitator, {
      intent: "byEmail",
      _form: "byEmail",
      email: "nadie-aqui@example.org",
    });
    expect(
      (unknown.body as { result: { error: Record<string, string[]> } }).result.error.email,
    ).toEqual(["enrolment:errors.noAccount"]);
  });

  it("managers may enrol while self-enrolment is closed, never in a closed course", async () => {
    const { platform, users } = await makeWorld();
    const closedEnrolment = await makeCourse(platform.id, { enrolmentOpen: false });
    expect(
      (await enrolByEmail(users.facilitator!, closedEnrolment.id, users.member!.email)).ok,
    ).toBe(true);
    const closed = await makeCourse(platform.id, { status: "closed" });
    expect(await enrolByEmail(users.facilitator!, closed.id, users.member!.email)).toMatchObject({
      ok: false,
      fieldErrors: { email: ["enrolment:errors.courseClosed"] },
    });
  });

  it("withdrawing needs a reason; the reason is kept, the audit holds ids only", async () => {
    const { platform, users } = await makeWorld();
    const course = await makeCourse(platform.id);
    await enrolSelf(users.member!, course.id);
    const row = await db.enrolment.findFirstOrThrow({ where: { courseId: course.id } });
    const noReason = await peoplePost(course.id, users.facilitator, {
      intent: "withdraw",
      _form: "withdraw",
      enrolmentId: row.id,
      reason: "  ",
    });
    expect(noReason.status).toBe(400);
    expect(
      (noReason.body as { result: { error: Record<string, string[]> } }).result.error.reason,
    ).toEqual(["validation.required"]);
    expect(await enrolledCount(course.id)).toBe(1);

    const res = await peoplePost(course.id, users.facilitator, {
      intent: "withdraw",
      _form: "withdraw",
      enrolmentId: row.id,
      reason: "No vino a ninguna sesión",
    });
    expect(res.status).toBe(302);
    expect(await db.enrolment.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "withdrawn",
      reason: "No vino a ninguna sesión",
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "enrolment.withdrawn" },
    });
    expect(JSON.parse(audit.details)).toEqual({
      participantId: row.participantId,
      enrolmentId: row.id,
    });
    expect(audit.actorId).toBe(users.facilitator!.id);

    // Withdrawn people come back through a manager only.
    expect(await enrolSelf(users.member!, course.id)).toMatchObject({
      ok: false,
      formErrors: ["enrolment:errors.withdrawnByManager"],
    });
    expect((await enrolByEmail(users.facilitator!, course.id, users.member!.email)).ok).toBe(true);
  });

  it("an enrolment of another course cannot be withdrawn from this one", async () => {
    const { platform, users } = await makeWorld();
    const [a, b] = [await makeCourse(platform.id), await makeCourse(platform.id)];
    const row = await enrolDirectly(b.id, await participantOf(users.member!.id));
    const out = await withdrawPerson(users.facilitator!, a.id, {
      enrolmentId: row.id,
      reason: "x",
    });
    expect(out).toMatchObject({ ok: false, formErrors: ["enrolment:errors.notEnrolled"] });
    expect((await db.enrolment.findUniqueOrThrow({ where: { id: row.id } })).status).toBe(
      "enrolled",
    );
  });

  it("a facilitator of another platform is refused", async () => {
    const { platform, other } = await makeWorld();
    const course = await makeCourse(platform.id);
    const outsider = await makeUser("Facilitadora de otra");
    await addMember(outsider, other.id, "facilitator");
    const res = await peoplePost(course.id, outsider, {
      intent: "new",
      _form: "new",
      name: "Alguien",
    });
    expect(res.status).toBe(403);
    expect(
      (
        await getPage(
          peopleRoute.loader,
          `/courses/${course.id}/people`,
          { courseId: course.id },
          outsider,
        )
      ).status,
    ).toBe(403);
    expect(await db.enrolment.count({ where: { courseId: course.id } })).toBe(0);
  });

  it("people recorded only on another platform are neither offered nor accepted", async () => {
    const { platform, other, users } = await makeWorld();
    const course = await makeCourse(platform.id);
    const elsewhere = await walkInAtAssembly(other.id, "Carmen Piaguaje");
    expect(await enrolmentCandidates(course, "carmen")).toEqual([]);
    const res = await peoplePost(course.id, users.facilitator, {
      intent: "known",
      _form: "known",
      participantId: elsewhere.id,
    });
    expect(res.status).toBe(400);
    expect(errorsOf(res.body)).toEqual(["enrolment:errors.personNotFound"]);
    expect(
      await enrolKnownPerson(users.facilitator!, course.id, await participantOf(users.member!.id)),
    ).toMatchObject({ ok: false });
    // A portal-wide course reaches anyone without an account.
    const portal = await makeCourse(null);
    expect((await enrolmentCandidates(portal, "carmen")).map((c) => c.id)).toEqual([elsewhere.id]);
    expect((await enrolKnownPerson(users.admin!, portal.id, elsewhere.id)).ok).toBe(true);
  });

  it("finds again people counted only by the platform's courses", async () => {
    const { platform, users } = await makeWorld();
    const first = await makeCourse(platform.id);
    expect(
      (
        await enrolNewPerson(users.facilitator!, first.id, {
          name: "Lucía Grefa",
          community: "Playas de Cuyabeno",
        })
      ).ok,
    ).toBe(true);
    const session = await makeTrainingSession(first.id);
    const atSession = await createWalkIn(db, { name: "Lucía Cerda" });
    await db.attendance.create({
      data: { sessionId: session.id, participantId: atSession.id, status: "present", walkIn: true },
    });
    const second = await makeCourse(platform.id);
    expect((await enrolmentCandidates(second, "lucia")).map((c) => c.name)).toEqual([
      "Lucía Cerda",
      "Lucía Grefa",
    ]);
    expect((await enrolKnownPerson(users.facilitator!, second.id, atSession.id)).ok).toBe(true);
  });

  it("lists 20 a page, counted by the database, searchable", async () => {
    const { platform, users } = await makeWorld();
    const course = await makeCourse(platform.id, { capacity: null });
    for (let i = 0; i < 25; i++) {
      await enrolNewPerson(users.facilitator!, course.id, {
        name: `Persona ${String(i).padStart(2, "0")}`,
        community: i === 7 ? "Zábalo" : "Dureno",
      });
    }
    const one = await enrolmentList(course.id, "", 1);
    const two = await enrolmentList(course.id, "", 2);
    expect([one.total, one.pages, one.people.length, two.people.length]).toEqual([
      25,
      2,
      ENROLMENT_PAGE_SIZE,
      5,
    ]);
    expect(new Set([...one.people, ...two.people].map((p) => p.enrolmentId)).size).toBe(25);
    expect((await enrolmentList(course.id, "zabalo", 1)).people.map((p) => p.name)).toEqual([
      "Persona 07",
    ]);
    const page = await getPage(
      peopleRoute.loader,
      `/courses/${course.id}/people?page=2`,
      { courseId: course.id },
      users.facilitator,
    );
    expect(page.status).toBe(200);
    expect((page.body as { people: unknown[] }).people).toHaveLength(5);
  });
});
