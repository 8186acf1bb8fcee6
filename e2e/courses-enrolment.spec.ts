import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./helpers";
import { tr } from "./i18n";
import { checkWatchedPages, signedIn } from "./people";

/*
 * Enrolment in a course: a person takes and gives up their own place on the course page,
 * a facilitator enrols three people and withdraws one on a phone without JavaScript, and
 * simultaneous requests for the last places never go over capacity.
 *
 * Setup (a published course, a walk-in seen at an earlier assembly) is written straight
 * into the demo database the server runs on, as e2e/concurrent-ballots.spec.ts does: these
 * tests must not depend on the course pages another part of the work builds.
 */

test.afterEach(checkWatchedPages);

const PLATFORM = "putumayo-aguarico";

async function database() {
  process.env.DATABASE_URL ??= "file:./.tmp/e2e.db";
  return (await import("../app/db.server")).db;
}

const day = (offset: number) =>
  new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);

async function publishedCourse(stamp: string, capacity: number | null = 20) {
  const db = await database();
  const platform = await db.platform.findUniqueOrThrow({ where: { slug: PLATFORM } });
  return db.course.create({
    data: {
      platformId: platform.id,
      titleEs: `Monitoreo comunitario de fauna ${stamp}`,
      titleEn: `Community fauna monitoring ${stamp}`,
      topic: "fauna",
      capacity,
      startDate: day(-3),
      endDate: day(40),
      timeZone: platform.timeZone,
      status: "published",
    },
  });
}

/** Someone without an account counted at an earlier assembly of the platform. */
async function walkInAtAnAssembly(name: string, community: string) {
  const db = await database();
  const platform = await db.platform.findUniqueOrThrow({ where: { slug: PLATFORM } });
  const startsAt = new Date(Date.now() - 7 * 86400_000);
  const meeting = await db.meeting.create({
    data: {
      platformId: platform.id,
      title: `Asamblea ${name}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
      place: "Casa comunal",
      status: "held",
    },
  });
  const searchText = `${name} ${community}`
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
  const person = await db.participant.create({ data: { name, community, searchText } });
  await db.attendance.create({
    data: { meetingId: meeting.id, participantId: person.id, status: "present", walkIn: true },
  });
  return person;
}

for (const lang of ["es", "en"] as const) {
  const t = (ns: string, key: string, values?: Record<string, string | number>) =>
    tr(lang, ns, key, values);
  const locale = lang === "es" ? "es-EC" : "en-US";

  test(`${lang}: a member enrols from the course page without JavaScript, then leaves`, async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const stamp = randomBytes(3).toString("hex");
    const course = await publishedCourse(stamp, 5);
    const phone = await signedIn(browser, "miembro@minga.example", {
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
      locale,
    });
    await phone.goto(`/courses/${course.id}`);
    await expect(
      phone.getByText(t("enrolment", "panel.placesLeft_other", { count: 5 })),
    ).toBeVisible();
    await phone.getByRole("button", { name: t("enrolment", "panel.enrol") }).click();
    await expect(phone.getByRole("status")).toHaveText(t("common", "notices.enrolled"));
    // The panel says so too, with the date (its wording up to the date is enough here).
    const since = t("enrolment", "panel.enrolled", { date: "§" }).split("§")[0];
    await expect(phone.getByText(since)).toBeVisible();
    await expect(phone).toHaveURL(new RegExp(`/courses/${course.id}$`));
    await expect(phone.getByRole("button", { name: t("enrolment", "panel.enrol") })).toHaveCount(0);

    await phone.getByRole("button", { name: t("enrolment", "panel.leave") }).click();
    await expect(phone.getByRole("status")).toHaveText(t("common", "notices.enrolmentLeft"));
    await expect(phone.getByText(t("enrolment", "panel.left"))).toBeVisible();
    await expect(
      phone.getByText(t("enrolment", "panel.placesLeft_other", { count: 5 })),
    ).toBeVisible();
    const extra = await phone.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(extra).toBe(0);

    // The enrolment address typed in a browser leads back to the course.
    await phone.goto(`/courses/${course.id}/enrolment`);
    await expect(phone).toHaveURL(new RegExp(`/courses/${course.id}$`));
  });

  test(`${lang}: a facilitator on a phone without JavaScript enrols three people and withdraws one`, async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const stamp = randomBytes(3).toString("hex");
    const course = await publishedCourse(stamp);
    const rosa = `Rosa Tanguila ${stamp}`;
    await walkInAtAnAssembly(rosa, "Pañacocha");
    const newcomer = `Tupak Yumbo ${stamp}`;
    const phone = await signedIn(browser, "facilitador@minga.example", {
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
      locale,
    });
    const peoplePage = `/courses/${course.id}/people`;
    await phone.goto(peoplePage);
    await expect(phone.getByRole("heading", { level: 1 })).toHaveText(
      t("enrolment", "people.title"),
    );
    await expect(phone.getByText(t("enrolment", "people.none"))).toBeVisible();
    const enrolledNotice = phone
      .getByRole("status")
      .filter({ hasText: t("common", "notices.enrolmentAdded") });

    // 1. Someone with an account, by e-mail (a wrong address first: a message beside the field).
    const email = phone.getByLabel(t("enrolment", "add.email"));
    await email.fill("nadie-con-esta-cuenta@example.org");
    await phone.getByRole("button", { name: t("enrolment", "add.byEmailSubmit") }).click();
    await expect(phone.getByText(t("enrolment", "errors.noAccount"))).toBeVisible();
    await expect(email).toHaveValue("nadie-con-esta-cuenta@example.org");
    await email.fill("usuario@minga.example");
    await phone.getByRole("button", { name: t("enrolment", "add.byEmailSubmit") }).click();
    await expect(enrolledNotice).toBeVisible();

    // 2. Rosa, who came to an assembly without an account, is found again, not re-created.
    await phone
      .getByLabel(t("enrolment", "add.findLabel"), { exact: true })
      .fill(`ROSA ${stamp} panacocha`);
    await phone.getByRole("button", { name: t("enrolment", "add.find"), exact: true }).click();
    const found = phone.getByRole("list", { name: t("enrolment", "add.foundLabel") });
    await expect(found.getByRole("listitem")).toHaveCount(1);
    await found
      .getByRole("button", { name: t("enrolment", "add.enrolFound", { name: rosa }) })
      .click();
    await expect(enrolledNotice).toBeVisible();

    // 3. Someone new, without an account.
    await phone.getByLabel(t("enrolment", "add.name")).fill(newcomer);
    await phone
      .getByRole("textbox", { name: new RegExp(`^${t("enrolment", "add.community")}`) })
      .fill("Limoncocha");
    await phone
      .getByRole("combobox", { name: new RegExp(`^${t("enrolment", "add.gender")}`) })
      .selectOption("man");
    await phone.getByRole("button", { name: t("enrolment", "add.newSubmit") }).click();
    await expect(enrolledNotice).toBeVisible();

    const list = phone.getByRole("list", { name: t("enrolment", "people.listLabel") });
    await expect(list.getByRole("listitem")).toHaveCount(3);
    await expect(
      phone.getByText(t("enrolment", "people.summary_other", { count: 3 })),
    ).toBeVisible();
    await expect(list.getByText(rosa, { exact: true })).toHaveCount(1);
    const db = await database();
    expect(await db.participant.count({ where: { name: rosa } })).toBe(1);

    // Withdraw the newcomer: a reason is required.
    await list
      .getByRole("link", { name: t("enrolment", "people.withdrawLink", { name: newcomer }) })
      .click();
    await expect(
      phone.getByRole("heading", { name: t("enrolment", "withdraw.heading", { name: newcomer }) }),
    ).toBeVisible();
    await phone.getByRole("button", { name: t("enrolment", "withdraw.submit") }).click();
    await expect(phone.getByText(t("common", "validation.required"))).toBeVisible();
    await phone.getByLabel(t("enrolment", "withdraw.reason")).fill("Se mudó a otra provincia");
    await phone.getByRole("button", { name: t("enrolment", "withdraw.submit") }).click();
    await expect(
      phone.getByRole("status").filter({ hasText: t("common", "notices.enrolmentWithdrawn") }),
    ).toBeVisible();
    await expect(
      phone.getByText(t("enrolment", "people.summary_other", { count: 2 })),
    ).toBeVisible();
    const row = list.getByRole("listitem").filter({ hasText: newcomer });
    await expect(row).toContainText(t("enrolment", "people.statuses.withdrawn"));
    await expect(row).toContainText("Se mudó a otra provincia");
    const extra = await phone.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(extra).toBe(0);

    // With JavaScript (axe needs it) the pages pass the accessibility rules.
    const desk = await signedIn(browser, "facilitador@minga.example", { locale });
    const rosaRow = await db.enrolment.findFirstOrThrow({
      where: { courseId: course.id, participant: { name: rosa } },
    });
    const query = new URLSearchParams({ who: newcomer, withdraw: rosaRow.id });
    await desk.goto(`${peoplePage}?${query}`);
    await expect(desk.getByRole("list", { name: t("enrolment", "add.foundLabel") })).toBeVisible();
    await expect(desk.getByRole("heading", { level: 1 })).toHaveText(
      t("enrolment", "people.title"),
    );
    await expectNoAxeViolations(desk);
    await desk.goto(`/courses/${course.id}`);
    await expectNoAxeViolations(desk);
  });
}

test("30 people asking at once through the server for 10 places: exactly 10 enrolled", async ({
  baseURL,
}) => {
  const db = await database();
  const tag = randomBytes(4).toString("hex");
  const course = await publishedCourse(tag, 10);
  const people = Array.from({ length: 30 }, (_, i) => ({
    userId: `enr${tag}${i}`,
    sessionId: randomBytes(20).toString("hex"),
    name: `Participante ${i}`,
  }));
  await db.user.createMany({
    data: people.map((p, i) => ({
      id: p.userId,
      email: `inscrita-${tag}-${i}@example.org`,
      name: p.name,
      passwordHash: "not-used",
    })),
  });
  await db.participant.createMany({
    data: people.map((p) => ({ userId: p.userId, name: p.name })),
  });
  await db.session.createMany({
    data: people.map((p) => ({
      id: p.sessionId,
      userId: p.userId,
      expiresAt: new Date(Date.now() + 3600_000),
    })),
  });
  const answers = await Promise.all(
    people.map((p) =>
      fetch(`${baseURL}/courses/${course.id}/enrolment`, {
        method: "POST",
        redirect: "manual",
        headers: {
          Cookie: `minga_session=${p.sessionId}`,
          Origin: baseURL!,
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams({ intent: "enrol" }),
      }),
    ),
  );
  // Every answer goes back to the course page, with a notice: enrolled, or no places left.
  const outcomes = answers
    .map((a) => {
      const notice = /minga_notice=(\w+)/.exec(a.headers.get("set-cookie") ?? "")?.[1];
      return `${a.status} ${a.headers.get("location")} ${notice}`;
    })
    .sort();
  const page = `/courses/${course.id}`;
  expect(outcomes).toEqual([
    ...Array(10).fill(`302 ${page} enrolled`),
    ...Array(20).fill(`302 ${page} enrolmentFull`),
  ]);
  expect(await db.enrolment.count({ where: { courseId: course.id, status: "enrolled" } })).toBe(10);
});
