import { expect, test } from "./fixtures";
import { SESSION_LANGUAGES, sessionCourse } from "./courses-db";
import { expectNoAxeViolations } from "./helpers";
import { tr } from "./i18n";
import { pdfPagesText } from "./pdf-text";
import { checkWatchedPages, signedIn, soonOnPlatformClock } from "./people";

test.afterEach(checkWatchedPages);

for (const lang of SESSION_LANGUAGES) {
  test(`${lang}: a facilitator schedules a session and takes its attendance on a phone without JavaScript`, async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const t = (ns: string, key: string, values?: Record<string, string | number>) =>
      tr(lang, ns, key, values);
    // The course was written before the server started (e2e/start-server.sh).
    const stamp = lang;
    const course = sessionCourse(lang);
    const title = lang === "en" ? course.titleEn : course.titleEs;
    const locale = lang === "en" ? "en-US" : "es-EC";
    const phone = await signedIn(browser, "facilitador@minga.example", {
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
      locale,
    });
    const noSideScroll = async () =>
      expect(
        await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);

    // Scheduling refuses a date outside the course, beside the field, and keeps what was typed.
    const when = soonOnPlatformClock();
    const topic = `Cámaras trampa ${stamp}`;
    await phone.goto(`/courses/${course.courseId}/sessions/new`);
    await phone.getByLabel(t("training", "form.topic")).fill(topic);
    await phone.getByLabel(t("training", "form.date"), { exact: true }).fill("2020-01-01");
    await phone.getByLabel(t("training", "form.startTime")).fill(when.start);
    await phone.getByLabel(t("training", "form.endTime")).fill(when.end);
    await phone.getByRole("button", { name: t("training", "form.schedule") }).click();
    await expect(
      phone.getByText(
        t("training", "errors.outsideCourse", { start: course.startDate, end: course.endDate }),
      ),
    ).toBeVisible();
    await expect(phone.getByLabel(t("training", "form.topic"))).toHaveValue(topic);
    await noSideScroll();
    await phone.getByLabel(t("training", "form.date"), { exact: true }).fill(when.date);
    await phone.getByLabel(new RegExp(`^${t("training", "form.place")}`)).fill("Dureno");
    await phone.getByRole("button", { name: t("training", "form.schedule") }).click();
    await expect(phone.getByRole("heading", { level: 1 })).toHaveText(topic);
    await expect(
      phone.getByRole("status").filter({ hasText: t("common", "notices.sessionScheduled") }),
    ).toBeVisible();
    const sessionUrl = new URL(phone.url()).pathname;

    // Attendance: everyone present, then María late; then a walk-in found again.
    await phone.getByRole("link", { name: t("training", "page.attendance") }).click();
    await expect(phone.getByRole("heading", { level: 1 })).toHaveText(
      t("training", "attendance.title"),
    );
    await noSideScroll();
    await phone.getByRole("button", { name: t("attendance", "attendance.markAllPresent") }).click();
    await expect(
      phone.getByRole("status").filter({ hasText: t("common", "notices.attendanceSaved") }),
    ).toBeVisible();
    const maria = phone.getByRole("group", { name: /^María Yumbo/ });
    await expect(maria.getByLabel(t("attendance", "attendance.statuses.present"))).toBeChecked();
    // Over 40 enrolled: the form shows a page of them; Persona 40 is on the next page.
    await expect(
      phone.getByRole("group", { name: new RegExp(`^Persona 40 ${stamp}`) }),
    ).toHaveCount(0);
    await maria.getByLabel(t("attendance", "attendance.statuses.late")).check();
    await phone.getByRole("button", { name: t("attendance", "attendance.save") }).click();
    await expect(maria.getByLabel(t("attendance", "attendance.statuses.late"))).toBeChecked();

    await phone.getByLabel(t("attendance", "walkIn.findLabel")).fill(`shiguango ${stamp}`);
    await phone.getByRole("button", { name: t("attendance", "walkIn.find"), exact: true }).click();
    const found = phone.getByRole("list", { name: t("attendance", "walkIn.foundLabel") });
    await expect(found.getByRole("listitem")).toHaveCount(1);
    await found
      .getByRole("button", {
        name: t("attendance", "walkIn.markFound", { name: course.walkInName }),
      })
      .click();
    await expect(
      phone.getByRole("status").filter({ hasText: t("common", "notices.walkInAdded") }),
    ).toBeVisible();
    await expect(
      phone.getByRole("button", {
        name: t("attendance", "walkIn.remove", { name: course.walkInName }),
      }),
    ).toBeVisible();
    await expect(maria.getByLabel(t("attendance", "attendance.statuses.late"))).toBeChecked();
    await noSideScroll();

    // "Mark everyone present" meant the whole list: the next page is marked too.
    await phone.getByRole("button", { name: t("common", "pager.next") }).click();
    await expect(
      phone
        .getByRole("group", { name: new RegExp(`^Persona 40 ${stamp}`) })
        .getByLabel(t("attendance", "attendance.statuses.present")),
    ).toBeChecked();
    await expect(maria).toHaveCount(0);
    await noSideScroll();

    // Held now: the session page says so and no longer offers to edit or cancel it.
    await phone.goto(sessionUrl);
    await expect(phone.getByText(t("training", "statuses.held"), { exact: true })).toBeVisible();
    await expect(phone.getByRole("heading", { name: t("training", "page.edit") })).toHaveCount(0);

    // axe needs scripts: the same pages in a browser with JavaScript.
    const desk = await signedIn(browser, "facilitador@minga.example", { locale });
    await desk.goto(sessionUrl);
    await expectNoAxeViolations(desk);
    await desk.goto(`${sessionUrl}/attendance`);
    await expectNoAxeViolations(desk);

    // The session's .ics is an iCalendar file with the course and topic.
    const ics = await desk.request.get(`${sessionUrl}/calendar.ics`);
    expect(ics.headers()["content-type"]).toContain("text/calendar");
    expect(await ics.text()).toContain("BEGIN:VEVENT");

    // The sign-in sheet: the course, session and date on every printed page, numbered.
    await desk.goto(`${sessionUrl}/sheet`);
    await expectNoAxeViolations(desk);
    await expect(desk.getByRole("heading", { level: 1 })).toContainText(title);
    await expect(desk.getByRole("cell", { name: `Persona 40 ${stamp}` })).toBeVisible();
    await desk.emulateMedia({ media: "print" });
    const heads = desk.locator("thead .running-head th");
    await expect(heads.first()).toBeVisible();
    await expect(heads.first()).toContainText(`${title} · ${topic}`);
    const pages = pdfPagesText(await desk.pdf({ format: "A4" }));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    // Glyph runs are split by kerning: compare without whitespace.
    const squash = (text: string) => text.replace(/\s+/g, "");
    pages.forEach((text, i) => {
      expect(squash(text)).toContain(squash(`${title} · ${topic}`));
      expect(squash(text)).toContain(`${i + 1}/${pages.length}`);
    });
  });
}
