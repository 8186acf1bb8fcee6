import { db } from "~/db.server";
import * as catalogueRoute from "~/routes/courses._index";
import * as newCourseRoute from "~/routes/courses.new";
import * as courseRoute from "~/routes/courses.$courseId._index";
import * as editRoute from "~/routes/courses.$courseId.edit";
import * as lessonsRoute from "~/routes/courses.$courseId.lessons._index";
import * as platformRoute from "~/routes/platforms.$slug._index";
import { getPage, postForm } from "~/test/routes";
import {
  enrolDirectly,
  makeCourse,
  makeTrainingSession,
  makeUser,
  participantOf,
} from "~/test/world";
import { type CourseWorld, courseFields, courseIn, makeCourseWorld } from "./catalogue.fixtures";
import { CATALOGUE_PAGE_SIZE } from "./catalogue.server";

let w: CourseWorld;
beforeAll(async () => {
  w = await makeCourseWorld();
});

type Reply = {
  result?: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> };
};
const errorsOf = (body: unknown) => (body as Reply).result?.error ?? {};
const valuesOf = (body: unknown) => (body as Reply).result?.initialValue ?? {};

function create(user = w.users.facilitator, fields = courseFields(), platform = w.platform.slug) {
  return postForm(newCourseRoute.action, `/courses/new?platform=${platform}`, {}, user, fields);
}

function edit(courseId: string, fields: Record<string, string>, user = w.users.facilitator) {
  return postForm(editRoute.action, `/courses/${courseId}/edit`, { courseId }, user, {
    ...fields,
    intent: "update",
  });
}

describe("creating a course", () => {
  it("a facilitator creates a draft on their platform, in its time zone, audited", async () => {
    const lima = await db.platform.update({
      where: { id: w.other.id },
      data: { timeZone: "America/Lima" },
    });
    const result = await create(
      w.users.otherFacilitator,
      courseFields({ titleEs: "Cadenas de valor de la Bioeconomía", titleEn: "" }),
      lima.slug,
    );
    expect(result.status).toBe(302);
    const id = result.location!.split("/").pop()!;
    const course = await db.course.findUniqueOrThrow({ where: { id } });
    expect(course).toMatchObject({
      platformId: lima.id,
      timeZone: "America/Lima",
      status: "draft",
      titleEn: "",
      capacity: 25,
      enrolmentOpen: true,
      completionPercent: 75,
      searchText: "cadenas de valor de la bioeconomia ",
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: id, action: "course.created" },
    });
    expect(audit.platformId).toBe(lima.id);
    // English falls back to Spanish on the course page.
    const page = await getPage(
      courseRoute.loader,
      `/courses/${id}?lng=en`,
      { courseId: id },
      w.users.otherFacilitator,
    );
    expect((page.body as { course: { title: string } }).course.title).toBe(
      "Cadenas de valor de la Bioeconomía",
    );
  });

  it("a facilitator of another platform is refused on this one, nothing written", async () => {
    const before = await db.course.count();
    const result = await create(w.users.otherFacilitator);
    expect(result.status).toBe(403);
    expect(await db.course.count()).toBe(before);
  });

  it("refuses an end before the start beside the field, keeping the typed values", async () => {
    const before = await db.course.count();
    const result = await create(
      w.users.facilitator,
      courseFields({ startDate: "2026-12-10", endDate: "2026-12-01", titleEs: "Mi curso" }),
    );
    expect(result.status).toBe(400);
    expect(errorsOf(result.body).endDate).toEqual(["courses:errors.endBeforeStart"]);
    expect(valuesOf(result.body).titleEs).toBe("Mi curso");
    expect(await db.course.count()).toBe(before);
  });

  it.each([
    ["titleEs", { titleEs: "" }, "validation.required"],
    ["descriptionEs", { descriptionEs: "  " }, "validation.required"],
    ["topic", { topic: "astrology" }, "validation.choice"],
    ["completionPercent", { completionPercent: "0" }, "validation.between|min=1|max=100"],
    ["completionPercent", { completionPercent: "101" }, "validation.between|min=1|max=100"],
    ["capacity", { capacity: "0" }, "validation.between|min=1|max=10000"],
    ["capacity", { capacity: "diez" }, "validation.number"],
    ["startDate", { startDate: "mañana" }, "validation.date"],
  ])("refuses a bad %s", async (field, override, message) => {
    const result = await create(w.users.facilitator, courseFields(override));
    expect(result.status).toBe(400);
    expect(errorsOf(result.body)[field]).toContain(message);
  });

  it("an empty capacity means no limit; an unticked box closes enrolment", async () => {
    const fields = courseFields({ capacity: "" });
    delete fields.enrolmentOpen;
    const result = await create(w.users.coordinator, fields);
    const id = result.location!.split("/").pop()!;
    const course = await db.course.findUniqueOrThrow({ where: { id } });
    expect(course.capacity).toBeNull();
    expect(course.enrolmentOpen).toBe(false);
  });

  it("facilitators must be active facilitators or coordinators of the platform", async () => {
    const ok = await create(
      w.users.coordinator,
      courseFields({ facilitatorIds: w.users.facilitator!.id }),
    );
    expect(ok.status).toBe(302);
    const id = ok.location!.split("/").pop()!;
    expect(await db.courseFacilitator.count({ where: { courseId: id } })).toBe(1);
    const refused = await create(
      w.users.coordinator,
      courseFields({ facilitatorIds: w.users.member!.id }),
    );
    expect(refused.status).toBe(400);
    expect(errorsOf(refused.body).facilitatorIds).toEqual([
      "courses:errors.facilitatorNotOnPlatform",
    ]);
    const outsider = await create(
      w.users.coordinator,
      courseFields({ facilitatorIds: w.users.otherFacilitator!.id }),
    );
    expect(outsider.status).toBe(400);
  });

  it("an administrator creates a portal-wide course with a chosen zone and facilitators by e-mail", async () => {
    const guest = await makeUser("Invitada");
    const missingZone = await create(w.users.admin, courseFields(), "none");
    expect(errorsOf(missingZone.body).timeZone).toEqual(["validation.choice"]);
    const unknown = await create(
      w.users.admin,
      courseFields({ timeZone: "America/Lima", facilitatorEmails: "nadie@example.org" }),
      "none",
    );
    expect(errorsOf(unknown.body).facilitatorEmails).toEqual([
      "courses:errors.unknownFacilitator|email=nadie@example.org",
    ]);
    const result = await create(
      w.users.admin,
      courseFields({ timeZone: "America/Lima", facilitatorEmails: guest.email.toUpperCase() }),
      "none",
    );
    expect(result.status).toBe(302);
    const id = result.location!.split("/").pop()!;
    const course = await db.course.findUniqueOrThrow({
      where: { id },
      include: { facilitators: true },
    });
    expect(course.platformId).toBeNull();
    expect(course.timeZone).toBe("America/Lima");
    expect(course.facilitators.map((f) => f.userId)).toEqual([guest.id]);
  });

  it("only administrators create portal-wide courses", async () => {
    const result = await create(
      w.users.coordinator,
      courseFields({ timeZone: "America/Lima" }),
      "none",
    );
    expect(result.status).toBe(403);
  });
});

describe("editing a course", () => {
  it("refuses a capacity below the number enrolled, and writes nothing", async () => {
    const c = await courseIn(w, { capacity: 10 });
    for (const name of ["Ana", "Bea", "Caro"]) {
      const u = await makeUser(name);
      await enrolDirectly(c.id, await participantOf(u.id));
    }
    const left = await makeUser("Dora");
    const e = await enrolDirectly(c.id, await participantOf(left.id));
    await db.enrolment.update({ where: { id: e.id }, data: { status: "left" } });
    const refused = await edit(c.id, courseFields({ capacity: "2", titleEs: "Cambiado" }));
    expect(refused.status).toBe(400);
    expect(errorsOf(refused.body).capacity).toEqual([
      "courses:errors.capacityBelowEnrolled|enrolled=3",
    ]);
    expect((await db.course.findUniqueOrThrow({ where: { id: c.id } })).titleEs).not.toBe(
      "Cambiado",
    );
    // Those who left do not count.
    expect((await edit(c.id, courseFields({ capacity: "3" }))).status).toBe(302);
  });

  it("keeps searchText in step with the titles and audits the change", async () => {
    const c = await courseIn(w);
    await edit(c.id, courseFields({ titleEs: "Turismo en la LAGUNA", titleEn: "Lagoon tourism" }));
    const course = await db.course.findUniqueOrThrow({ where: { id: c.id } });
    expect(course.searchText).toBe("turismo en la laguna lagoon tourism");
    expect(await db.auditEvent.count({ where: { entityId: c.id, action: "course.updated" } })).toBe(
      1,
    );
  });

  it("a platform course keeps its platform's time zone", async () => {
    const c = await courseIn(w);
    await edit(c.id, courseFields({ timeZone: "America/Lima" }));
    expect((await db.course.findUniqueOrThrow({ where: { id: c.id } })).timeZone).toBe(
      "America/Guayaquil",
    );
  });

  it("a closed course is not edited, published or given lessons", async () => {
    const c = await courseIn(w, { status: "closed" });
    const result = await edit(c.id, courseFields({ titleEs: "Otro" }));
    expect(result.status).toBe(400);
    expect((result.body as Reply).result?.error?.[""]).toEqual(["courses:errors.closed"]);
    const publish = await postForm(
      editRoute.action,
      `/courses/${c.id}/edit`,
      { courseId: c.id },
      w.users.coordinator,
      { _form: "publish", intent: "unpublish" },
    );
    expect(publish.status).toBe(400);
    const lesson = await postForm(
      lessonsRoute.action,
      `/courses/${c.id}/lessons`,
      { courseId: c.id },
      w.users.coordinator,
      { _form: "lesson", intent: "add", title: "Nueva" },
    );
    expect(lesson.status).toBe(400);
    expect(await db.lesson.count({ where: { courseId: c.id } })).toBe(0);
    expect((await db.course.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("closed");
  });

  it("publishing is audited; going back to draft is refused once someone is enrolled", async () => {
    const c = await courseIn(w, { status: "draft" });
    const send = (intent: string) =>
      postForm(editRoute.action, `/courses/${c.id}/edit`, { courseId: c.id }, w.users.facilitator, {
        _form: "publish",
        intent,
      });
    expect((await send("publish")).status).toBe(302);
    expect(
      await db.auditEvent.count({ where: { entityId: c.id, action: "course.published" } }),
    ).toBe(1);
    const u = await makeUser("Inscrita");
    await enrolDirectly(c.id, await participantOf(u.id));
    const back = await send("unpublish");
    expect(back.status).toBe(400);
    expect((await db.course.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("published");
  });
});

describe("lessons", () => {
  it("are ordered: added at the end, moved up and down, deleted", async () => {
    const c = await courseIn(w);
    const send = (fields: Record<string, string>) =>
      postForm(
        lessonsRoute.action,
        `/courses/${c.id}/lessons`,
        { courseId: c.id },
        w.users.facilitator,
        fields,
      );
    for (const title of ["Uno", "Dos", "Tres"]) {
      expect((await send({ _form: "lesson", intent: "add", title })).status).toBe(302);
    }
    const titles = async () =>
      (
        await db.lesson.findMany({
          where: { courseId: c.id },
          orderBy: { position: "asc" },
        })
      ).map((l) => l.title);
    const id = async (title: string) =>
      (await db.lesson.findFirstOrThrow({ where: { courseId: c.id, title } })).id;
    await send({ intent: "up", lessonId: await id("Tres") });
    expect(await titles()).toEqual(["Uno", "Tres", "Dos"]);
    await send({ intent: "down", lessonId: await id("Uno") });
    expect(await titles()).toEqual(["Tres", "Uno", "Dos"]);
    await send({ intent: "up", lessonId: await id("Tres") }); // already first: no change
    expect(await titles()).toEqual(["Tres", "Uno", "Dos"]);
    await send({ intent: "delete", lessonId: await id("Uno") });
    expect(await titles()).toEqual(["Tres", "Dos"]);
    const empty = await send({ _form: "lesson", intent: "add", title: "" });
    expect(errorsOf(empty.body).title).toEqual(["validation.required"]);
  });

  it("a lesson of another course is a 404", async () => {
    const c = await courseIn(w);
    const other = await courseIn(w);
    const lesson = await db.lesson.create({
      data: { courseId: other.id, title: "Ajena", position: 0 },
    });
    const result = await postForm(
      lessonsRoute.action,
      `/courses/${c.id}/lessons`,
      { courseId: c.id },
      w.users.facilitator,
      { intent: "delete", lessonId: lesson.id },
    );
    expect(result.status).toBe(404);
    expect(await db.lesson.count({ where: { id: lesson.id } })).toBe(1);
  });
});

describe("the catalogue", () => {
  let fresh: Awaited<ReturnType<typeof makeCourseWorld>>;
  beforeAll(async () => {
    fresh = await makeCourseWorld();
  });

  type Listed = {
    id: string;
    status: string;
    topic: string;
    placesLeft: number | null;
    nextSession: string | null;
  };
  async function list(query: string, user = fresh.users.anonymous) {
    const page = await getPage(catalogueRoute.loader, `/courses${query}`, {}, user);
    return page.body as { courses: Listed[]; total: number; pages: number; page: number };
  }

  it("shows published and closed courses to anyone, drafts only to those who run them", async () => {
    const published = await makeCourse(fresh.platform.id, { status: "published" });
    const closed = await makeCourse(fresh.platform.id, { status: "closed" });
    const draft = await makeCourse(fresh.platform.id, { status: "draft" });
    const elsewhere = await makeCourse(fresh.other.id, { status: "draft" });
    const q = `?platform=${fresh.platform.slug}`;
    const ids = (l: { courses: Listed[] }) => l.courses.map((c) => c.id).sort();
    expect(ids(await list(q))).toEqual([published.id, closed.id].sort());
    expect(ids(await list(q, fresh.users.member))).toEqual([published.id, closed.id].sort());
    expect(ids(await list(q, fresh.users.otherCoordinator))).toEqual(
      [published.id, closed.id].sort(),
    );
    expect(ids(await list(q, fresh.users.facilitator))).toEqual(
      [published.id, closed.id, draft.id].sort(),
    );
    expect(
      (await list(q, fresh.users.facilitator)).courses.find((c) => c.id === draft.id),
    ).toMatchObject({ status: "draft" });
    expect(ids(await list(`?platform=${fresh.other.slug}`, fresh.users.otherCoordinator))).toEqual([
      elsewhere.id,
    ]);
    // A listed facilitator sees the draft they run.
    await db.courseFacilitator.create({
      data: { courseId: draft.id, userId: fresh.users.courseFacilitator!.id },
    });
    expect(ids(await list(q, fresh.users.courseFacilitator))).toContain(draft.id);
  });

  it("filters by topic and platform, ignoring unknown values", async () => {
    const platform = fresh.other;
    const tourism = await db.course.update({
      where: { id: (await makeCourse(platform.id)).id },
      data: { topic: "tourism" },
    });
    await makeCourse(platform.id); // fauna
    const listed = await list(`?platform=${platform.slug}&topic=tourism`);
    expect(listed.courses.map((c) => c.id)).toEqual([tourism.id]);
    const all = await list(`?platform=${platform.slug}&topic=<script>`);
    expect(all.total).toBeGreaterThanOrEqual(2);
  });

  it("pages by 20, counted by the database", async () => {
    const p = (await makeCourseWorld()).platform;
    for (let i = 0; i < CATALOGUE_PAGE_SIZE + 3; i++) await makeCourse(p.id);
    const first = await list(`?platform=${p.slug}`);
    expect(first).toMatchObject({ total: CATALOGUE_PAGE_SIZE + 3, pages: 2, page: 1 });
    expect(first.courses).toHaveLength(CATALOGUE_PAGE_SIZE);
    const second = await list(`?platform=${p.slug}&page=2`);
    expect(second.courses).toHaveLength(3);
    const seen = new Set([...first.courses, ...second.courses].map((c) => c.id));
    expect(seen.size).toBe(CATALOGUE_PAGE_SIZE + 3);
  });

  it("shows places left (enrolled only) and the next scheduled session", async () => {
    const p = (await makeCourseWorld()).platform;
    const limited = await makeCourse(p.id, { capacity: 5 });
    const open = await makeCourse(p.id, { capacity: null });
    for (const name of ["Ana", "Bea"]) {
      const u = await makeUser(name);
      await enrolDirectly(limited.id, await participantOf(u.id));
    }
    const soon = new Date(Date.now() + 2 * 86400_000);
    await makeTrainingSession(limited.id, { startsAt: new Date(Date.now() - 86400_000) });
    await makeTrainingSession(limited.id, {
      startsAt: new Date(Date.now() + 86400_000),
      status: "cancelled",
    });
    await makeTrainingSession(limited.id, { startsAt: soon });
    await makeTrainingSession(limited.id, { startsAt: new Date(Date.now() + 9 * 86400_000) });
    const listed = await list(`?platform=${p.slug}`);
    const a = listed.courses.find((c) => c.id === limited.id)!;
    const b = listed.courses.find((c) => c.id === open.id)!;
    expect(a.placesLeft).toBe(3);
    expect(b.placesLeft).toBeNull();
    expect(a.nextSession).toContain(String(soon.getUTCFullYear()));
    expect(b.nextSession).toBeNull();
  });

  it("the platform page counts its published courses and links to them", async () => {
    const p = (await makeCourseWorld()).platform;
    await makeCourse(p.id);
    await makeCourse(p.id, { status: "closed" });
    await makeCourse(p.id, { status: "draft" });
    const page = await getPage(
      platformRoute.loader,
      `/platforms/${p.slug}`,
      { slug: p.slug },
      null,
    );
    expect((page.body as { courseCount: number }).courseCount).toBe(2);
  });
});

describe("the course page", () => {
  type Page = {
    enrolment: { status: string | null; enrolRefusal: string | null; signedIn: boolean };
    placesLeft: number | null;
    viewer: { canManage: boolean };
  };
  const view = async (id: string, user: CourseWorld["users"][keyof CourseWorld["users"]]) =>
    (await getPage(courseRoute.loader, `/courses/${id}`, { courseId: id }, user)).body as Page;

  it("says what the reader can do about enrolling, by the enrolment module's rule", async () => {
    const c = await courseIn(w, { capacity: 1 });
    expect((await view(c.id, null)).enrolment).toMatchObject({
      signedIn: false,
      enrolRefusal: null,
    });
    expect((await view(c.id, w.users.user)).enrolment).toMatchObject({ enrolRefusal: null });
    await enrolDirectly(c.id, await participantOf(w.users.member!.id));
    expect((await view(c.id, w.users.member)).enrolment).toMatchObject({ status: "enrolled" });
    expect((await view(c.id, w.users.user)).enrolment).toMatchObject({ enrolRefusal: "full" });
    expect((await view(c.id, w.users.user)).placesLeft).toBe(0);
    const shut = await courseIn(w, { enrolmentOpen: false });
    expect((await view(shut.id, w.users.user)).enrolment).toMatchObject({
      enrolRefusal: "enrolmentClosed",
    });
    const closed = await courseIn(w, { status: "closed" });
    expect((await view(closed.id, w.users.user)).enrolment).toMatchObject({
      enrolRefusal: "courseClosed",
    });
  });

  it("renders the description's Markdown safely", async () => {
    const c = await courseIn(w);
    await db.course.update({
      where: { id: c.id },
      data: { descriptionEs: "**Importante** <script>alert(1)</script>" },
    });
    const page = await getPage(courseRoute.loader, `/courses/${c.id}`, { courseId: c.id }, null);
    const html = (page.body as { course: { descriptionHtml: string } }).course.descriptionHtml;
    expect(html).toContain("<strong>Importante</strong>");
    expect(html).not.toContain("<script");
  });

  it("pages its lessons (10) and sessions (20) apart, in order, numbering lessons on", async () => {
    const c = await courseIn(w);
    await db.lesson.createMany({
      data: Array.from({ length: 12 }, (_, i) => ({
        courseId: c.id,
        title: `Lección ${i + 1}`,
        body: `Texto ${i + 1}`,
        position: i,
      })),
    });
    const day = (n: number) => new Date(Date.UTC(2031, 0, 1 + n, 14));
    for (let n = 22; n >= 0; n--)
      await makeTrainingSession(c.id, { startsAt: day(n), topic: `S${n}` });
    type Paged = {
      lessons: { title: string }[];
      lessonPage: { page: number; pages: number; first: number };
      sessions: { topic: string }[];
      sessionPage: { page: number; pages: number };
    };
    const read = async (query: string) =>
      (await getPage(courseRoute.loader, `/courses/${c.id}${query}`, { courseId: c.id }, null))
        .body as Paged;
    const first = await read("");
    expect(first.lessons.map((l) => l.title)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Lección ${i + 1}`),
    );
    expect(first.lessonPage).toEqual({ page: 1, pages: 2, first: 1 });
    expect(first.sessions.map((x) => x.topic)).toEqual(
      Array.from({ length: 20 }, (_, n) => `S${n}`),
    );
    expect(first.sessionPage).toEqual({ page: 1, pages: 2 });
    // Each list turns its own page; the other stays where it was.
    const second = await read("?lessons=2");
    expect(second.lessons.map((l) => l.title)).toEqual(["Lección 11", "Lección 12"]);
    expect(second.lessonPage.first).toBe(11);
    expect(second.sessions).toHaveLength(20);
    const late = await read("?sessions=2&lessons=1");
    expect(late.sessions.map((x) => x.topic)).toEqual(["S20", "S21", "S22"]);
    expect(late.lessons).toHaveLength(10);
  });
});
