import type { AuthUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { createWalkIn } from "~/participants/participants.server";
import * as enrolmentRoute from "~/routes/courses.$courseId.enrolment";
import * as peopleRoute from "~/routes/courses.$courseId.people";
import { type CallResult, getPage, isDenied, postForm } from "~/test/routes";
import {
  ROLE_NAMES,
  addMember,
  enrolDirectly,
  makeCourse,
  makeUser,
  makeWorld,
  participantOf,
} from "~/test/world";

/**
 * The enrolment routes × every role: the platform's roles, a facilitator and a coordinator
 * of another platform, and a facilitator listed on the course itself.
 */
const ROLES = [...ROLE_NAMES, "otherFacilitator", "courseFacilitator"] as const;
type Role = (typeof ROLES)[number];
type World = Awaited<ReturnType<typeof makeWorld>> & { users: Record<Role, AuthUser | null> };
type Run = (w: World, role: Role, status: "published" | "draft") => Promise<CallResult>;

const MANAGERS: Role[] = ["facilitator", "coordinator", "admin", "courseFacilitator"];
const SIGNED_IN: Role[] = ROLES.filter((r) => r !== "anonymous");

async function courseFor(w: World, status: string) {
  const course = await makeCourse(w.platform.id, { status });
  await db.courseFacilitator.create({
    data: { courseId: course.id, userId: w.users.courseFacilitator!.id },
  });
  return course;
}

const people = (courseId: string, user: AuthUser | null, fields: Record<string, string>) =>
  postForm(peopleRoute.action, `/courses/${courseId}/people`, { courseId }, user, fields);
const self = (courseId: string, user: AuthUser | null, intent: string) =>
  postForm(enrolmentRoute.action, `/courses/${courseId}/enrolment`, { courseId }, user, {
    intent,
  });

/** `refusedOnDraft`: the course's managers see the draft, but the rule says no (nothing written). */
const ACTIONS: { name: string; allowed: Role[]; refusedOnDraft?: boolean; run: Run }[] = [
  {
    name: "enrol oneself",
    allowed: SIGNED_IN,
    // Nobody enrols themselves in a draft: back to the page with a notice saying why.
    refusedOnDraft: true,
    run: async (w, r, status) => self((await courseFor(w, status)).id, w.users[r], "enrol"),
  },
  {
    name: "leave",
    allowed: SIGNED_IN,
    run: async (w, r, status) => {
      const course = await courseFor(w, status);
      const user = w.users[r];
      if (user) await enrolDirectly(course.id, await participantOf(user.id));
      return self(course.id, user, "leave");
    },
  },
  {
    name: "enrol a user by e-mail",
    allowed: MANAGERS,
    run: async (w, r, status) =>
      people((await courseFor(w, status)).id, w.users[r], {
        intent: "byEmail",
        _form: "byEmail",
        email: (await makeUser("Inscrita")).email,
      }),
  },
  {
    name: "enrol a person found again",
    allowed: MANAGERS,
    run: async (w, r, status) => {
      const course = await courseFor(w, status);
      const walkIn = await createWalkIn(db, { name: "Persona sin cuenta" });
      await enrolDirectly((await makeCourse(w.platform.id)).id, walkIn.id);
      return people(course.id, w.users[r], {
        intent: "known",
        _form: "known",
        participantId: walkIn.id,
      });
    },
  },
  {
    name: "enrol a new person without an account",
    allowed: MANAGERS,
    run: async (w, r, status) =>
      people((await courseFor(w, status)).id, w.users[r], {
        intent: "new",
        _form: "new",
        name: "Persona nueva",
      }),
  },
  {
    name: "withdraw someone",
    allowed: MANAGERS,
    run: async (w, r, status) => {
      const course = await courseFor(w, status);
      const row = await enrolDirectly(course.id, await participantOf(w.users.member!.id));
      return people(course.id, w.users[r], {
        intent: "withdraw",
        _form: "withdraw",
        enrolmentId: row.id,
        reason: "Pidió salir por teléfono",
      });
    },
  },
];

async function enrolmentWorld(): Promise<World> {
  const world = await makeWorld();
  const otherFacilitator = await makeUser("Facilitador de otra");
  await addMember(otherFacilitator, world.other.id, "facilitator");
  const courseFacilitator = await makeUser("Facilitadora del curso");
  return { ...world, users: { ...world.users, otherFacilitator, courseFacilitator } };
}

describe("enrolment permission matrix: every action × every role", () => {
  let world: World;
  beforeAll(async () => {
    world = await enrolmentWorld();
  });

  for (const action of ACTIONS) {
    for (const role of ROLES) {
      const allowed = action.allowed.includes(role);
      it(`${action.name} — ${role}: ${allowed ? "allowed" : "denied"}`, async () => {
        const auditBefore = await db.auditEvent.count();
        const result = await action.run(world, role, "published");
        if (allowed) {
          expect(result.status, JSON.stringify(result.body)).toBe(302);
          expect(result.location).not.toMatch(/^\/login/);
          expect(await db.auditEvent.count()).toBe(auditBefore + 1);
        } else {
          expect(isDenied(result), JSON.stringify(result)).toBe(true);
          if (role === "anonymous") expect(result.location).toMatch(/^\/login\?redirectTo=/);
          else expect(result.status).toBe(403);
          expect(await db.auditEvent.count()).toBe(auditBefore);
        }
      });

      // A draft is a 404 to everyone who may not manage the course; its managers may
      // prepare its list, but nobody enrols themselves in it.
      const managesDraft = MANAGERS.includes(role);
      it(`${action.name} on a draft — ${role}`, async () => {
        const auditBefore = await db.auditEvent.count();
        const result = await action.run(world, role, "draft");
        if (role === "anonymous") expect(result.location).toMatch(/^\/login\?redirectTo=/);
        else if (!managesDraft) expect(result.status).toBe(404);
        else expect(result.status, JSON.stringify(result.body)).toBe(302);
        const written = managesDraft && !action.refusedOnDraft ? 1 : 0;
        expect(await db.auditEvent.count()).toBe(auditBefore + written);
      });
    }
  }
});

describe("enrolment pages", () => {
  let world: World;
  beforeAll(async () => {
    world = await enrolmentWorld();
  });

  for (const role of ROLES) {
    const allowed = MANAGERS.includes(role);
    it(`people on a course — ${role}: ${allowed ? "shown" : "refused"}`, async () => {
      const course = await courseFor(world, "published");
      const path = `/courses/${course.id}/people`;
      const result = await getPage(
        peopleRoute.loader,
        path,
        { courseId: course.id },
        world.users[role],
      );
      if (allowed) expect(result.status).toBe(200);
      else if (role === "anonymous") expect(result.location).toMatch(/^\/login\?redirectTo=/);
      else expect(result.status).toBe(403);
    });

    it(`people on a draft course — ${role}`, async () => {
      const course = await courseFor(world, "draft");
      const path = `/courses/${course.id}/people`;
      const result = await getPage(
        peopleRoute.loader,
        path,
        { courseId: course.id },
        world.users[role],
      );
      if (allowed) expect(result.status).toBe(200);
      else if (role === "anonymous") expect(result.location).toMatch(/^\/login\?redirectTo=/);
      else expect(result.status).toBe(404);
    });
  }

  it("the enrolment address read with GET goes to the course page, for anyone", async () => {
    const course = await courseFor(world, "published");
    for (const role of ROLES) {
      const result = await getPage(
        enrolmentRoute.loader,
        `/courses/${course.id}/enrolment`,
        { courseId: course.id },
        world.users[role],
      );
      expect(result).toMatchObject({ status: 302, location: `/courses/${course.id}` });
    }
  });
});
