import { randomBytes } from "node:crypto";
import type { Browser } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./helpers";
import { tr } from "./i18n";
import { checkWatchedPages, signedIn } from "./people";

test.afterEach(checkWatchedPages);

const DAY = 86400_000;

/**
 * A course of the demo platform with four held sessions, three people enrolled and their
 * attendance, written straight to the database (the sessions and enrolment screens are
 * other parts of the issue and are tested there).
 */
async function seedCourse(stamp: string) {
  process.env.DATABASE_URL ??= "file:./.tmp/e2e.db";
  const { db } = await import("../app/db.server");
  const platform = await db.platform.findUniqueOrThrow({ where: { slug: "putumayo-aguarico" } });
  const facilitator = await db.user.findUniqueOrThrow({
    where: { email: "facilitador@minga.example" },
  });
  const course = await db.course.create({
    data: {
      platformId: platform.id,
      titleEs: `Monitoreo de fauna ${stamp}`,
      titleEn: `Fauna monitoring ${stamp}`,
      topic: "fauna",
      startDate: new Date(Date.now() - 30 * DAY).toISOString().slice(0, 10),
      endDate: new Date(Date.now() - DAY).toISOString().slice(0, 10),
      timeZone: platform.timeZone,
      status: "published",
      facilitators: { create: { userId: facilitator.id } },
    },
  });
  const sessions: { id: string }[] = [];
  for (let i = 0; i < 4; i++) {
    const startsAt = new Date(Date.now() - (25 - i * 5) * DAY);
    sessions.push(
      await db.trainingSession.create({
        data: {
          courseId: course.id,
          topic: `Sesión ${i + 1}`,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 3 * 3600_000),
          status: "held",
          facilitatorId: facilitator.id,
        },
      }),
    );
  }
  const people = {
    rosa: { name: `Rosa Ñaupari ${stamp}`, marks: ["present", "present", "late", "present"] },
    tupak: { name: `Tupak Grefa ${stamp}`, marks: ["present", "absent", "absent", "present"] },
    ines: { name: `Inés Cerda ${stamp}`, marks: ["present", "excused", "present", "present"] },
  };
  for (const person of Object.values(people)) {
    const p = await db.participant.create({
      data: { name: person.name, community: "Pañacocha", searchText: person.name.toLowerCase() },
    });
    await db.enrolment.create({
      data: {
        courseId: course.id,
        participantId: p.id,
        enrolledAt: new Date(Date.now() - 40 * DAY),
      },
    });
    await db.attendance.createMany({
      data: person.marks.map((status, i) => ({
        sessionId: sessions[i].id,
        participantId: p.id,
        status,
      })),
    });
  }
  return { courseId: course.id, people, db };
}

async function anonymous(browser: Browser, locale: string) {
  const context = await browser.newContext({ locale });
  return context.newPage();
}

test("a facilitator closes a course on a phone without JavaScript; the certificate prints on one A4 page and verifies in both languages", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = randomBytes(3).toString("hex");
  const { courseId, people, db } = await seedCourse(stamp);
  const t = (key: string, values?: Record<string, string | number>) =>
    tr("es", "certificates", key, values);

  // The matrix shows who is on track, with text alternatives for its symbols.
  const desk = await signedIn(browser, "facilitador@minga.example");
  await desk.goto(`/courses/${courseId}/matrix`);
  const tupakRow = desk.getByRole("row", { name: new RegExp(people.tupak.name) });
  await expect(tupakRow).toContainText("2/4");
  await expect(tupakRow).toContainText(t("state.offTrackShort"));
  await expect(
    desk.getByRole("row", { name: new RegExp(people.ines.name) }).getByText(t("statuses.excused")),
  ).toBeAttached();

  // Closing, at 360 px without JavaScript.
  const phone = await signedIn(browser, "facilitador@minga.example", {
    javaScriptEnabled: false,
    viewport: { width: 360, height: 740 },
  });
  await phone.goto(`/courses/${courseId}/close`);
  const receive = phone.getByRole("heading", { name: t("close.receive_other", { count: 2 }) });
  await expect(receive).toBeVisible();
  await expect(phone.getByText(people.rosa.name)).toBeVisible();
  await expect(phone.getByText(people.ines.name)).toBeVisible();
  const noScroll = await phone.evaluate(
    () => document.documentElement.scrollWidth <= window.innerWidth,
  );
  expect(noScroll).toBe(true);
  await phone.getByRole("button", { name: t("close.confirm") }).click();
  await expect(phone).toHaveURL(new RegExp(`/courses/${courseId}/certificates$`));
  await expect(
    phone.getByRole("status").filter({ hasText: tr("es", "common", "notices.courseClosed") }),
  ).toBeVisible();
  await expect(phone.getByText(people.rosa.name, { exact: true })).toBeVisible();
  await expect(phone.getByText(people.tupak.name)).toHaveCount(0);

  // Closing again says so, in words.
  await phone.goto(`/courses/${courseId}/close`);
  await expect(phone.getByText(t("close.alreadyClosed"))).toBeVisible();

  const rosa = await db.certificate.findFirstOrThrow({
    where: { courseId, name: people.rosa.name },
  });

  // The printable certificate: one A4 page, with the QR code and the code.
  await desk.goto(`/courses/${courseId}/certificates/${rosa.id}`);
  await expect(desk.getByText(people.rosa.name)).toBeVisible();
  await expect(desk.getByRole("img", { name: t("certificate.qr") })).toBeVisible();
  await expect(desk.locator(".qr-code svg")).toHaveCount(1);
  await expect(desk.getByText(rosa.code, { exact: true })).toBeVisible();
  await expectNoAxeViolations(desk);
  await desk.emulateMedia({ media: "print" });
  const pdf = await desk.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-z])/g) ?? [];
  expect(pages.length).toBe(1);
  // A4 portrait: 595 × 842 points.
  const box = pdf
    .toString("latin1")
    .match(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/);
  const [width, height] = [
    Number(box?.[3]) - Number(box?.[1]),
    Number(box?.[4]) - Number(box?.[2]),
  ];
  expect(Math.abs(width - 595)).toBeLessThan(2);
  expect(Math.abs(height - 842)).toBeLessThan(2);
  await desk.emulateMedia({ media: "screen" });

  // Anyone can verify it, in Spanish and in English.
  const es = await anonymous(browser, "es-EC");
  await es.goto(`/certificates/${rosa.code}`);
  await expect(es.getByRole("heading", { level: 1 })).toHaveText(t("verify.valid"));
  await expect(es.getByText(people.rosa.name)).toBeVisible();
  await expect(es.getByText(`Monitoreo de fauna ${stamp}`)).toBeVisible();
  await expectNoAxeViolations(es);
  const en = await anonymous(browser, "en-US");
  await en.goto(`/certificates/${rosa.code.toLowerCase()}`);
  await expect(en.getByRole("heading", { level: 1 })).toHaveText(
    tr("en", "certificates", "verify.valid"),
  );
  await expect(en.getByText(`Fauna monitoring ${stamp}`)).toBeVisible();

  // An unknown code: a plain 404 page.
  const unknown = await es.goto(`/certificates/AAAAA-BBBBB-CCCCC-DDDDD-EEEEEE`);
  expect(unknown?.status()).toBe(404);
  await expect(es.getByRole("heading", { level: 1 })).toHaveText(t("verify.unknown"));

  // A coordinator revokes one, with a reason; the public page and the print page say so.
  const coordinator = await signedIn(browser, "coordinadora@minga.example", {
    javaScriptEnabled: false,
    viewport: { width: 360, height: 740 },
  });
  await coordinator.goto(`/courses/${courseId}/certificates`);
  const form = coordinator.getByRole("group", {
    name: t("revoke.legend", { name: people.rosa.name }),
  });
  await form.getByRole("button", { name: t("revoke.submit") }).click();
  await expect(
    coordinator
      .getByText(t("revoke.reasonRequired"))
      .or(coordinator.getByText(tr("es", "common", "validation.required"))),
  ).toBeVisible();
  await coordinator
    .getByRole("group", { name: t("revoke.legend", { name: people.rosa.name }) })
    .getByLabel(t("revoke.reason"))
    .fill("Se emitió por error");
  await coordinator
    .getByRole("group", { name: t("revoke.legend", { name: people.rosa.name }) })
    .getByRole("button", { name: t("revoke.submit") })
    .click();
  await expect(
    coordinator
      .getByRole("status")
      .filter({ hasText: tr("es", "common", "notices.certificateRevoked") }),
  ).toBeVisible();
  await es.goto(`/certificates/${rosa.code}`);
  await expect(es.getByRole("heading", { level: 1 })).toHaveText(t("verify.revoked"));
  await expect(es.getByText("Se emitió por error")).toHaveCount(0);
  await expectNoAxeViolations(es);
  await en.goto(`/certificates/${rosa.code}`);
  await expect(en.getByRole("heading", { level: 1 })).toHaveText(
    tr("en", "certificates", "verify.revoked"),
  );
  await desk.goto(`/courses/${courseId}/certificates/${rosa.id}`);
  await expect(desk.getByText(t("certificate.revoked"), { exact: true })).toBeVisible();
});
