import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import type { AuthUser } from "~/auth/session.server";
import { db } from "~/db.server";
import * as verifyRoute from "~/routes/certificates.$code";
import * as certificatesRoute from "~/routes/courses.$courseId.certificates._index";
import * as certificateRoute from "~/routes/courses.$courseId.certificates.$certificateId";
import * as closeRoute from "~/routes/courses.$courseId.close";
import * as matrixRoute from "~/routes/courses.$courseId.matrix";
import * as csvRoute from "~/routes/courses.$courseId.matrix[.csv]";
import * as progressRoute from "~/routes/courses.$courseId.progress";
import { type CallResult, getPage, isDenied, postForm } from "~/test/routes";
import { addMember, makeCourse, makeUser, makeWorld, ROLE_NAMES } from "~/test/world";
import { courseWithAttendance } from "./certificates.fixtures";
import { closeCourse } from "./certificates.server";

/**
 * Who may use the certificates helper's pages and actions (the style of
 * app/platforms/permission-matrix.test.ts), plus a facilitator of another platform and a
 * facilitator listed on the course only.
 */
const ROLES = [...ROLE_NAMES, "otherFacilitator", "courseFacilitator"] as const;
type Role = (typeof ROLES)[number];

type World = Awaited<ReturnType<typeof makeWorld>> & { people: Record<Role, AuthUser | null> };
type Run = (w: World, role: Role) => Promise<CallResult>;

const MANAGERS: Role[] = ["facilitator", "coordinator", "admin", "courseFacilitator"];
const REVOKERS: Role[] = ["coordinator", "admin"];
const SIGNED_IN: Role[] = ROLES.filter((r) => r !== "anonymous");
const EVERYONE: Role[] = [...ROLES];

async function world(): Promise<World> {
  const w = await makeWorld();
  const otherFacilitator = await makeUser("Facilitador de otra");
  await addMember(otherFacilitator, w.other.id, "facilitator");
  const courseFacilitator = await makeUser("Facilitadora del curso");
  return { ...w, people: { ...w.users, otherFacilitator, courseFacilitator } };
}

/** A course of the world's platform, with its listed facilitator and attendance. */
async function course(w: World, status?: string) {
  const setup = await courseWithAttendance(w.platform.id);
  await db.courseFacilitator.create({
    data: { courseId: setup.course.id, userId: w.people.courseFacilitator!.id },
  });
  if (status) await db.course.update({ where: { id: setup.course.id }, data: { status } });
  return setup;
}

async function closedCourse(w: World) {
  const setup = await course(w);
  const outcome = await closeCourse(w.people.admin!, setup.course.id);
  if (!outcome.ok) throw new Error("not closed");
  const certificate = await db.certificate.findFirstOrThrow({
    where: { courseId: setup.course.id, participantId: setup.p.ana },
  });
  return { ...setup, certificate };
}

const page =
  (loader: (args: LoaderFunctionArgs) => unknown, suffix: string) =>
  async (w: World, r: Role, status?: string) => {
    const { course: c } = await course(w, status);
    return getPage(loader, `/courses/${c.id}${suffix}`, { courseId: c.id }, w.people[r]);
  };

const PAGES: { name: string; allowed: Role[]; run: Run; draft?: Run }[] = [
  {
    name: "own progress",
    allowed: SIGNED_IN,
    run: (w, r) => page(progressRoute.loader, "/progress")(w, r),
    draft: (w, r) => page(progressRoute.loader, "/progress")(w, r, "draft"),
  },
  {
    name: "course matrix",
    allowed: MANAGERS,
    run: (w, r) => page(matrixRoute.loader, "/matrix")(w, r),
    draft: (w, r) => page(matrixRoute.loader, "/matrix")(w, r, "draft"),
  },
  {
    name: "course matrix CSV",
    allowed: MANAGERS,
    run: (w, r) => page(csvRoute.loader, "/matrix.csv")(w, r),
    draft: (w, r) => page(csvRoute.loader, "/matrix.csv")(w, r, "draft"),
  },
  {
    name: "close confirmation",
    allowed: MANAGERS,
    run: (w, r) => page(closeRoute.loader, "/close")(w, r),
    draft: (w, r) => page(closeRoute.loader, "/close")(w, r, "draft"),
  },
  {
    name: "certificates list",
    allowed: MANAGERS,
    run: (w, r) => page(certificatesRoute.loader, "/certificates")(w, r),
    draft: (w, r) => page(certificatesRoute.loader, "/certificates")(w, r, "draft"),
  },
  {
    name: "printable certificate (of someone else)",
    allowed: MANAGERS,
    run: async (w, r) => {
      const { course: c, certificate } = await closedCourse(w);
      return getPage(
        certificateRoute.loader,
        `/courses/${c.id}/certificates/${certificate.id}`,
        { courseId: c.id, certificateId: certificate.id },
        w.people[r],
      );
    },
  },
  {
    name: "public verification",
    allowed: EVERYONE,
    run: async (w, r) => {
      const { certificate } = await closedCourse(w);
      return getPage(
        verifyRoute.loader,
        `/certificates/${certificate.code}`,
        { code: certificate.code },
        w.people[r],
      );
    },
  },
];

const ACTIONS: { name: string; allowed: Role[]; run: Run }[] = [
  {
    name: "close a course and issue certificates",
    allowed: MANAGERS,
    run: async (w, r) => {
      const { course: c } = await course(w);
      return postForm(
        closeRoute.action,
        `/courses/${c.id}/close`,
        { courseId: c.id },
        w.people[r],
        {},
      );
    },
  },
  {
    name: "revoke a certificate",
    allowed: REVOKERS,
    run: async (w, r) => {
      const { course: c, certificate } = await closedCourse(w);
      return postForm(
        certificatesRoute.action,
        `/courses/${c.id}/certificates`,
        { courseId: c.id },
        w.people[r],
        { _form: `revoke-${certificate.id}`, certificateId: certificate.id, reason: "Error" },
      );
    },
  },
];

describe("certificates permission matrix: pages", () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });
  for (const p of PAGES) {
    for (const role of ROLES) {
      const allowed = p.allowed.includes(role);
      it(`${p.name} — ${role}: ${allowed ? "shown" : "refused"}`, async () => {
        const result = await p.run(w, role);
        if (allowed) expect(result.status, JSON.stringify(result.body)).toBe(200);
        else expect(isDenied(result), JSON.stringify(result)).toBe(true);
        if (role === "anonymous" && !allowed)
          expect(result.location).toMatch(/^\/login\?redirectTo=/);
      });
      if (p.draft) {
        const draftAllowed = allowed && MANAGERS.includes(role);
        it(`${p.name} of a draft — ${role}: ${draftAllowed ? "shown" : "refused"}`, async () => {
          const result = await p.draft!(w, role);
          if (draftAllowed) expect(result.status).toBe(200);
          else if (role === "anonymous") expect(result.location).toMatch(/^\/login/);
          else expect(result.status).toBe(404);
        });
      }
    }
  }
});

describe("certificates permission matrix: actions", () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });
  for (const a of ACTIONS) {
    for (const role of ROLES) {
      const allowed = a.allowed.includes(role);
      it(`${a.name} — ${role}: ${allowed ? "allowed" : "denied"}`, async () => {
        // Setup writes its own audit (as an admin); count only what this actor left.
        const byActor = { where: { actorId: w.people[role]?.id ?? null } };
        const auditBefore = await db.auditEvent.count(byActor);
        const result = await a.run(w, role);
        if (allowed) {
          expect(result.status, JSON.stringify(result.body)).toBe(302);
        } else {
          expect(isDenied(result), JSON.stringify(result)).toBe(true);
          if (role === "anonymous") expect(result.location).toMatch(/^\/login\?redirectTo=/);
          else expect(result.status).toBe(403);
          expect(await db.auditEvent.count(byActor)).toBe(auditBefore);
        }
      });
    }
  }

  it("a draft course cannot be closed, even by an admin", async () => {
    const w2 = await world();
    const c = await makeCourse(w2.platform.id, { status: "draft" });
    const result = await postForm(
      closeRoute.action,
      `/courses/${c.id}/close`,
      { courseId: c.id },
      w2.people.admin,
      {},
    );
    expect(result.status).toBe(409);
    expect((await db.course.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("draft");
  });
});
