import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./helpers";
import { tr } from "./i18n";
import { checkWatchedPages, signedIn } from "./people";

// The whole course journey of issue 8, through the pages only: a facilitator on a 360 px
// phone without JavaScript creates and publishes a course, enrols three people (one without
// an account, found again from an earlier walk-in), takes attendance at four sessions and
// closes the course; certificates go to those who qualify, one prints on one A4 page, and
// its public page verifies it in Spanish and in English.

test.afterEach(checkWatchedPages);

const PHONE = { javaScriptEnabled: false, viewport: { width: 360, height: 740 } };

const TZ = "America/Guayaquil"; // no daylight saving: always UTC−5

/** A calendar day on the corridor's clocks, `offset` days from today. */
function localDay(offset: number) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TZ }).format(
    new Date(Date.now() + offset * 86400_000),
  );
}

/**
 * Four short sessions in the next hours, after the enrolments, each within a day (a
 * session's start and end share one date) and all within the six hours before a start in
 * which attendance may be taken.
 */
function comingSessions() {
  const step = 35 * 60_000;
  const length = 25 * 60_000;
  const wall = (ms: number) => {
    const d = new Date(ms);
    const time = new Intl.DateTimeFormat("en-GB", {
      timeZone: TZ,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(d);
    return { date: new Intl.DateTimeFormat("en-CA", { timeZone: TZ }).format(d), time };
  };
  let first = Math.ceil((Date.now() + 40 * 60_000) / 300_000) * 300_000;
  const lastEnd = first + 3 * step + length;
  if (wall(lastEnd).date !== wall(first).date) {
    first = new Date(`${wall(lastEnd).date}T00:05:00-05:00`).getTime();
  }
  return [0, 1, 2, 3].map((i) => {
    const start = first + i * step;
    return { date: wall(start).date, start: wall(start).time, end: wall(start + length).time };
  });
}

for (const lang of ["es", "en"] as const) {
  test(`${lang}: a course from creation to a verified certificate, on a phone without JavaScript`, async ({
    browser,
  }) => {
    test.setTimeout(300_000);
    const t = (ns: string, key: string, values?: Record<string, string | number>) =>
      tr(lang, ns, key, values);
    const locale = lang === "en" ? "en-US" : "es-EC";
    const stamp = `${Date.now() % 1_000_000}-${lang}`;
    const titleEs = `Monitoreo de aves ${stamp}`;
    const titleEn = `Bird monitoring ${stamp}`;
    const title = lang === "en" ? titleEn : titleEs;
    const phone = await signedIn(browser, "facilitador@minga.example", { ...PHONE, locale });
    const saw = (notice: string) =>
      expect(
        phone.getByRole("status").filter({ hasText: t("common", `notices.${notice}`) }),
      ).toBeVisible();

    // 1. The course, created and published.
    await phone.goto("/courses");
    await phone.getByRole("link", { name: t("courses", "newCourse") }).click();
    const choose = phone.getByLabel(t("courses", "form.platform"));
    if (await choose.isVisible()) {
      await choose.selectOption("putumayo-aguarico");
      await phone.getByRole("button", { name: t("courses", "form.continue") }).click();
    }
    await phone.getByLabel(t("courses", "form.titleEs")).fill(titleEs);
    await phone.getByLabel(t("courses", "form.titleEn")).fill(titleEn);
    await phone
      .getByLabel(t("courses", "form.descriptionEs"))
      .fill("Conteos de aves por transectos.");
    await phone.getByLabel(t("courses", "form.topic"), { exact: true }).selectOption("fauna");
    await phone.getByLabel(t("courses", "form.startDate"), { exact: true }).fill(localDay(-8));
    await phone.getByLabel(t("courses", "form.endDate"), { exact: true }).fill(localDay(30));
    await phone.getByLabel(t("courses", "form.capacity")).fill("10");
    await phone.getByRole("button", { name: t("courses", "form.create") }).click();
    await expect(phone.getByRole("heading", { level: 1 })).toHaveText(title);
    const course = new URL(phone.url()).pathname;
    await phone.goto(`${course}/edit`);
    await phone.getByRole("button", { name: t("courses", "publish") }).click();
    await saw("coursePublished");

    // 2. Three people enrolled: two accounts by e-mail, and Segundo Andi, who came to an
    // assembly without an account, found again rather than recorded a second time.
    await phone.goto(`${course}/people`);
    for (const email of ["miembro@minga.example", "usuario@minga.example"]) {
      await phone.getByLabel(t("enrolment", "add.email")).fill(email);
      await phone.getByRole("button", { name: t("enrolment", "add.byEmailSubmit") }).click();
      await saw("enrolmentAdded");
    }
    await phone
      .getByLabel(t("enrolment", "add.findLabel"), { exact: true })
      .fill("segundo LIMONCOCHA");
    await phone.getByRole("button", { name: t("enrolment", "add.find"), exact: true }).click();
    const found = phone.getByRole("list", { name: t("enrolment", "add.foundLabel") });
    await expect(found.getByRole("listitem")).toHaveCount(1);
    await found
      .getByRole("button", { name: t("enrolment", "add.enrolFound", { name: "Segundo Andi" }) })
      .click();
    await saw("enrolmentAdded");
    await expect(
      phone.getByText(t("enrolment", "people.summary_other", { count: 3 })),
    ).toBeVisible();

    // 3. Four sessions of a short intensive day.
    const plans = comingSessions();
    const sessions: string[] = [];
    for (const [i, plan] of plans.entries()) {
      await phone.goto(`${course}/sessions/new`);
      await phone.getByLabel(t("training", "form.topic")).fill(`Sesión ${i + 1} ${stamp}`);
      await phone.getByLabel(t("training", "form.date"), { exact: true }).fill(plan.date);
      await phone.getByLabel(t("training", "form.startTime")).fill(plan.start);
      await phone.getByLabel(t("training", "form.endTime")).fill(plan.end);
      await phone.getByRole("button", { name: t("training", "form.schedule") }).click();
      await saw("sessionScheduled");
      sessions.push(new URL(phone.url()).pathname);
    }

    // 4. Attendance at each: everyone present, then the exceptions. María is late once
    // (late counts), Segundo excused once (not counted), Carlos absent three times.
    const exceptions: Record<number, [string, string][]> = {
      0: [["Carlos Tanguila", "absent"]],
      1: [
        ["María Yumbo", "late"],
        ["Carlos Tanguila", "absent"],
      ],
      2: [
        ["Segundo Andi", "excused"],
        ["Carlos Tanguila", "absent"],
      ],
    };
    for (const [i, session] of sessions.entries()) {
      await phone.goto(`${session}/attendance`);
      await phone
        .getByRole("button", { name: t("attendance", "attendance.markAllPresent") })
        .click();
      await saw("attendanceSaved");
      for (const [name, status] of exceptions[i] ?? []) {
        await phone
          .getByRole("group", { name: new RegExp(`^${name}`) })
          .getByLabel(t("attendance", `attendance.statuses.${status}`))
          .check();
      }
      if (exceptions[i]) {
        await phone.getByRole("button", { name: t("attendance", "attendance.save") }).click();
        await saw("attendanceSaved");
      }
      const noSideScroll = await phone.evaluate(
        () => document.documentElement.scrollWidth <= window.innerWidth,
      );
      expect(noSideScroll).toBe(true);
    }

    // 5. Closing: María (4 of 4) and Segundo (3 of 3) qualify; Carlos (1 of 4) does not.
    await phone.goto(`${course}/close`);
    await expect(
      phone.getByRole("heading", { name: t("certificates", "close.receive_other", { count: 2 }) }),
    ).toBeVisible();
    await phone.getByRole("button", { name: t("certificates", "close.confirm") }).click();
    await saw("courseClosed");
    await expect(phone.getByText("María Yumbo", { exact: true })).toBeVisible();
    await expect(phone.getByText("Segundo Andi", { exact: true })).toBeVisible();
    await expect(phone.getByText("Carlos Tanguila")).toHaveCount(0);

    // Attendance is frozen once the course is closed.
    await phone.goto(`${sessions[3]}/attendance`);
    await expect(
      phone.getByRole("button", { name: t("attendance", "attendance.save") }),
    ).toHaveCount(0);

    // 6. María finds her certificate from her progress page; it prints on one A4 page.
    const maria = await signedIn(browser, "miembro@minga.example", { locale });
    await maria.goto(`${course}/progress`);
    await maria.getByRole("link", { name: t("certificates", "progress.certificate") }).click();
    await expect(maria.getByText("María Yumbo")).toBeVisible();
    await expect(maria.getByText(title)).toBeVisible();
    await expectNoAxeViolations(maria);
    const pdf = await maria.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
    expect(pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-z])/g) ?? []).toHaveLength(1);
    const code = (await maria.locator("code.certificate-code").first().textContent())!.trim();

    // 7. Anyone can verify it, without an account, in either language.
    for (const [readerLang, readerLocale, readerTitle] of [
      ["es", "es-EC", titleEs],
      ["en", "en-US", titleEn],
    ] as const) {
      const context = await browser.newContext({ locale: readerLocale });
      const reader: Page = await context.newPage();
      await reader.goto(`/certificates/${code}`);
      await expect(reader.getByRole("heading", { level: 1 })).toHaveText(
        tr(readerLang, "certificates", "verify.valid"),
      );
      await expect(reader.getByText("María Yumbo")).toBeVisible();
      await expect(reader.getByText(readerTitle)).toBeVisible();
      await expectNoAxeViolations(reader);
      await context.close();
    }
  });
}
