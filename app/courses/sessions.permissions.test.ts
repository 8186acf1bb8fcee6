import { db } from "~/db.server";
import { createWalkIn } from "~/participants/participants.server";
import * as feedRoute from "~/routes/courses.$courseId.calendar[.ics]";
import * as sessionIcsRoute from "~/routes/courses.$courseId.sessions.$sessionId.calendar[.ics]";
import * as sessionRoute from "~/routes/courses.$courseId.sessions.$sessionId._index";
import * as attendanceRoute from "~/routes/courses.$courseId.sessions.$sessionId.attendance";
import * as sheetRoute from "~/routes/courses.$courseId.sessions.$sessionId.sheet";
import * as newSessionRoute from "~/routes/courses.$courseId.sessions.new";
import type { AuthUser } from "~/auth/session.server";
import { type CallResult, getPage, isDenied, postForm } from "~/test/routes";
import {
  ROLE_NAMES,
  addMember,
  enrolDirectly,
  makeCourse,
  makeMeeting,
  makeTrainingSession,
  makeUser,
  makeWorld,
  participantOf,
} from "~/test/world";

/**
 * Every training-session page and action × every role: the platform's roles, a facilitator
 * of another platform, and a facilitator listed on the course without a platform role.
 */
const ROLES = [...ROLE_NAMES, "otherFacilitator", "courseFacilitator"] as const;
type Role = (typeof ROLES)[number];
const MANAGERS: Role[] = ["facilitator", "coordinator", "admin", "courseFacilitator"];
const EVERYONE: Role[] = [...ROLES];

type World = Awaited<ReturnType<typeof sessionsWorld>>;

async function sessionsWorld() {
  const world = await makeWorld();
  const otherFacilitator = await makeUser("Facilitador de otra");
  await addMember(otherFacilitator, world.other.id, "facilitator");
  const courseFacilitator = await makeUser("Facilitadora del curso");
  const users: Record<Role, AuthUser | null> = {
    ...world.users,
    otherFacilitator,
    courseFacilitator,
  };
  /** A fresh course (published unless said), listing the course facilitator. */
  async function course(status = "published") {
    const c = await makeCourse(world.platform.id, { status });
    await db.courseFacilitator.create({ data: { courseId: c.id, userId: courseFacilitator.id } });
    return c;
  }
  return { ...world, users, course };
}

const inDays = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);
const base = (courseId: string, sessionId?: string) =>
  `/courses/${courseId}/sessions${sessionId ? `/${sessionId}` : ""}`;

async function sessionOf(w: World, status = "published") {
  const course = await w.course(status);
  const session = await makeTrainingSession(course.id);
  const member = await participantOf(w.users.member!.id);
  await enrolDirectly(course.id, member);
  return { course, session, member, params: { courseId: course.id, sessionId: session.id } };
}

type Run = (w: World, role: Role) => Promise<CallResult>;

const ACTIONS: { name: string; run: Run }[] = [
  {
    name: "schedule a session",
    run: async (w, r) => {
      const c = await w.course();
      return postForm(newSessionRoute.action, `${base(c.id)}/new`, { courseId: c.id }, w.users[r], {
        _form: "session",
        topic: "Cámaras trampa",
        date: inDays(5),
        startTime: "09:00",
        endTime: "12:00",
      });
    },
  },
  {
    name: "edit a session",
    run: async (w, r) => {
      const s = await sessionOf(w);
      return postForm(sessionRoute.action, base(s.course.id, s.session.id), s.params, w.users[r], {
        _form: "session",
        intent: "update",
        topic: "Huellas",
        date: inDays(6),
        startTime: "14:00",
        endTime: "16:00",
      });
    },
  },
  {
    name: "cancel a session",
    run: async (w, r) => {
      const s = await sessionOf(w);
      return postForm(sessionRoute.action, base(s.course.id, s.session.id), s.params, w.users[r], {
        _form: "cancel",
        intent: "cancel",
        reason: "Crecida del río",
      });
    },
  },
  {
    name: "take attendance",
    run: async (w, r) => {
      const s = await sessionOf(w);
      const path = `${base(s.course.id, s.session.id)}/attendance`;
      return postForm(attendanceRoute.action, path, s.params, w.users[r], {
        intent: "attendance",
        [`status.${s.member}`]: "late",
      });
    },
  },
  {
    name: "change page of the attendance form, saving the marks on screen",
    run: async (w, r) => {
      const s = await sessionOf(w);
      const path = `${base(s.course.id, s.session.id)}/attendance`;
      return postForm(attendanceRoute.action, path, s.params, w.users[r], {
        goto: "2",
        [`status.${s.member}`]: "late",
      });
    },
  },
  {
    name: "another page of the walk-ins on the attendance form, saving the marks on screen",
    run: async (w, r) => {
      const s = await sessionOf(w);
      const path = `${base(s.course.id, s.session.id)}/attendance`;
      return postForm(attendanceRoute.action, path, s.params, w.users[r], {
        gotoWalkIns: "2",
        [`status.${s.member}`]: "late",
      });
    },
  },
  {
    name: "mark everyone present",
    run: async (w, r) => {
      const s = await sessionOf(w);
      const path = `${base(s.course.id, s.session.id)}/attendance`;
      return postForm(attendanceRoute.action, path, s.params, w.users[r], {
        intent: "markAllPresent",
      });
    },
  },
  {
    name: "find a walk-in again, saving the marks on screen",
    run: async (w, r) => {
      const s = await sessionOf(w);
      const path = `${base(s.course.id, s.session.id)}/attendance`;
      return postForm(attendanceRoute.action, path, s.params, w.users[r], {
        intent: "findWalkIn",
        who: "Luz Andi",
        [`status.${s.member}`]: "late",
      });
    },
  },
  {
    name: "record a new walk-in at a session",
    run: async (w, r) => {
      const s = await sessionOf(w);
      const path = `${base(s.course.id, s.session.id)}/attendance`;
      return postForm(attendanceRoute.action, path, s.params, w.users[r], {
        intent: "walkIn",
        name: "Segundo Andi",
      });
    },
  },
  {
    name: "record a walk-in found again",
    run: async (w, r) => {
      const s = await sessionOf(w);
      // Someone recorded before at this platform (an assembly), found again at the session.
      const known = await createWalkIn(db, { name: "Luz Andi" });
      const meeting = await makeMeeting(w.platform.id);
      await db.attendance.create({
        data: { meetingId: meeting.id, participantId: known.id, status: "present", walkIn: true },
      });
      const path = `${base(s.course.id, s.session.id)}/attendance`;
      return postForm(attendanceRoute.action, path, s.params, w.users[r], {
        knownWalkIn: known.id,
      });
    },
  },
  {
    name: "remove a walk-in from a session",
    run: async (w, r) => {
      const s = await sessionOf(w);
      const p = await createWalkIn(db, { name: "Visitante" });
      const a = await db.attendance.create({
        data: { sessionId: s.session.id, participantId: p.id, status: "present", walkIn: true },
      });
      const path = `${base(s.course.id, s.session.id)}/attendance`;
      return postForm(attendanceRoute.action, path, s.params, w.users[r], { removeWalkIn: a.id });
    },
  },
];

describe("training sessions: every action × every role", () => {
  let world: World;
  beforeAll(async () => {
    world = await sessionsWorld();
  });
  for (const action of ACTIONS) {
    for (const role of ROLES) {
      const allowed = MANAGERS.includes(role);
      it(`${action.name} — ${role}: ${allowed ? "allowed" : "denied"}`, async () => {
        const auditBefore = await db.auditEvent.count();
        const result = await action.run(world, role);
        if (allowed) {
          expect(result.status, JSON.stringify(result.body)).toBe(302);
          expect(isDenied(result)).toBe(false);
        } else {
          expect(isDenied(result), JSON.stringify(result)).toBe(true);
          if (role === "anonymous") expect(result.location).toMatch(/^\/login\?redirectTo=/);
          else expect(result.status).toBe(403);
          expect(await db.auditEvent.count()).toBe(auditBefore);
        }
      });
    }
  }

  it("a draft course's session actions are a 404 to those who cannot see it", async () => {
    const s = await sessionOf(world, "draft");
    for (const role of ROLES.filter((r) => r !== "anonymous" && !MANAGERS.includes(r))) {
      const path = `${base(s.course.id, s.session.id)}/attendance`;
      const result = await postForm(attendanceRoute.action, path, s.params, world.users[role], {
        intent: "attendance",
        [`status.${s.member}`]: "present",
      });
      expect(result.status, role).toBe(404);
    }
  });
});

const PAGES: {
  name: string;
  allowed: Role[];
  run: (w: World, r: Role, status: string) => Promise<CallResult>;
}[] = [
  {
    name: "schedule a session (form)",
    allowed: MANAGERS,
    run: async (w, r, status) => {
      const c = await w.course(status);
      return getPage(newSessionRoute.loader, `${base(c.id)}/new`, { courseId: c.id }, w.users[r]);
    },
  },
  {
    name: "a session's page",
    allowed: EVERYONE,
    run: async (w, r, status) => {
      const s = await sessionOf(w, status);
      return getPage(sessionRoute.loader, base(s.course.id, s.session.id), s.params, w.users[r]);
    },
  },
  {
    name: "a session's attendance form",
    allowed: MANAGERS,
    run: async (w, r, status) => {
      const s = await sessionOf(w, status);
      const path = `${base(s.course.id, s.session.id)}/attendance`;
      return getPage(attendanceRoute.loader, path, s.params, w.users[r]);
    },
  },
  {
    name: "a session's blank sheet",
    allowed: MANAGERS,
    run: async (w, r, status) => {
      const s = await sessionOf(w, status);
      const path = `${base(s.course.id, s.session.id)}/sheet`;
      return getPage(sheetRoute.loader, path, s.params, w.users[r]);
    },
  },
  {
    name: "a session's .ics",
    allowed: EVERYONE,
    run: async (w, r, status) => {
      const s = await sessionOf(w, status);
      const path = `${base(s.course.id, s.session.id)}/calendar.ics`;
      return getPage(sessionIcsRoute.loader, path, s.params, w.users[r]);
    },
  },
  {
    name: "a course's calendar feed",
    allowed: EVERYONE,
    run: async (w, r, status) => {
      const s = await sessionOf(w, status);
      const path = `/courses/${s.course.id}/calendar.ics`;
      return getPage(feedRoute.loader, path, { courseId: s.course.id }, w.users[r]);
    },
  },
];

describe("training sessions: every page × every role, published and draft", () => {
  let world: World;
  beforeAll(async () => {
    world = await sessionsWorld();
  });
  for (const page of PAGES) {
    for (const role of ROLES) {
      const allowed = page.allowed.includes(role);
      it(`${page.name} — ${role}: ${allowed ? "shown" : "refused"}`, async () => {
        const result = await page.run(world, role, "published");
        if (allowed) expect(result.status).toBe(200);
        else expect(isDenied(result), JSON.stringify(result)).toBe(true);
      });
      const managesDrafts = MANAGERS.includes(role);
      it(`${page.name} of a draft — ${role}: ${managesDrafts ? "shown" : "404 or login"}`, async () => {
        const result = await page.run(world, role, "draft");
        if (managesDrafts) expect(result.status).toBe(200);
        else if (role === "anonymous" && page.allowed !== EVERYONE)
          expect(result.location).toMatch(/^\/login/);
        else expect(result.status).toBe(404);
      });
    }
  }
});
