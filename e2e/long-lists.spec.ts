import { randomBytes } from "node:crypto";
import type { Browser } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./helpers";
import { tr } from "./i18n";
import { checkWatchedPages, signedIn } from "./people";

test.afterEach(checkWatchedPages);

const PHONE = { javaScriptEnabled: false, viewport: { width: 360, height: 740 } };
const DAY = 86400_000;

/** axe needs scripts: the same page, for the same person at the same width, with them on. */
async function axeOn(browser: Browser, email: string, url: string, locale?: string) {
  const page = await signedIn(browser, email, { viewport: PHONE.viewport, locale });
  await page.goto(url);
  await expectNoAxeViolations(page);
  await page.context().close();
}

async function database() {
  process.env.DATABASE_URL ??= "file:./.tmp/e2e.db";
  return (await import("../app/db.server")).db;
}

/** A verification code of the certificates' form (26 base-32 characters, grouped). */
function code(): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const chars = [...randomBytes(26)].map((b) => alphabet[b & 31]).join("");
  return [0, 5, 10, 15, 20].map((at, i) => chars.slice(at, i === 4 ? 26 : at + 5)).join("-");
}

const plain = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** A closed course of the demo platform with 31 certificates, written straight to the database. */
async function closedCourseWithCertificates(stamp: string) {
  const db = await database();
  const platform = await db.platform.findUniqueOrThrow({ where: { slug: "putumayo-aguarico" } });
  const course = await db.course.create({
    data: {
      platformId: platform.id,
      titleEs: `Viveros ${stamp}`,
      titleEn: `Tree nurseries ${stamp}`,
      topic: "other",
      startDate: new Date(Date.now() - 60 * DAY).toISOString().slice(0, 10),
      endDate: new Date(Date.now() - DAY).toISOString().slice(0, 10),
      timeZone: platform.timeZone,
      status: "closed",
      closedAt: new Date(),
    },
  });
  const names = [
    ...Array.from({ length: 30 }, (_, i) => `Persona ${String(i + 1).padStart(2, "0")} ${stamp}`),
    `Ñusta Yumbo ${stamp}`,
  ];
  for (const name of names) {
    const person = await db.participant.create({ data: { name, searchText: plain(name) } });
    await db.certificate.create({
      data: {
        code: code(),
        courseId: course.id,
        participantId: person.id,
        name,
        hours: 12,
        attended: 4,
        counted: 4,
      },
    });
  }
  return course.id;
}

test("a course's certificates are paged and found by name, and a revocation returns to the search (phone, no JavaScript, English)", async ({
  browser,
}) => {
  const stamp = randomBytes(3).toString("hex");
  const courseId = await closedCourseWithCertificates(stamp);
  const t = (key: string, values?: Record<string, string | number>) =>
    tr("en", "certificates", key, values);
  const common = (key: string, values?: Record<string, string | number>) =>
    tr("en", "common", key, values);
  const page = await signedIn(browser, "coordinadora@minga.example", { ...PHONE, locale: "en-US" });
  await page.goto(`/courses/${courseId}/certificates`);
  await expect(page.getByText(t("list.summary_other", { count: 31 }))).toBeVisible();
  const forms = page.getByRole("group", { name: new RegExp(stamp) });
  await expect(forms).toHaveCount(25);
  await expect(page.getByText(common("pager.page", { page: 1, pages: 2 }))).toBeVisible();
  await page.getByRole("link", { name: common("pager.next") }).click();
  await expect(forms).toHaveCount(6);
  await axeOn(browser, "coordinadora@minga.example", page.url(), "en-US");
  await expect(page.getByText(`Ñusta Yumbo ${stamp}`, { exact: true })).toBeVisible();

  // Found without its accent; revoked from the search, and back on it.
  await page.getByRole("searchbox", { name: t("list.search") }).fill("nusta yumbo");
  await page.getByRole("button", { name: t("list.searchButton") }).click();
  await expect(page.getByText(t("list.found_one", { count: 1 }))).toBeVisible();
  await expect(forms).toHaveCount(1);
  const form = page.getByRole("group", {
    name: t("revoke.legend", { name: `Ñusta Yumbo ${stamp}` }),
  });
  await form.getByLabel(t("revoke.reason")).fill("Emitido por error");
  await form.getByRole("button", { name: t("revoke.submit") }).click();
  await expect(page).toHaveURL(/\/certificates\?q=nusta\+yumbo$/);
  await expect(page.getByRole("searchbox", { name: t("list.search") })).toHaveValue("nusta yumbo");
  await expect(page.getByText(t("list.revokedCount_one", { count: 1 }))).toBeVisible();
  await expect(forms).toHaveCount(0);
  const noScroll = await page.evaluate(
    () => document.documentElement.scrollWidth <= window.innerWidth,
  );
  expect(noScroll).toBe(true);
});

test("the audit log turns older and newer from an entry (phone, no JavaScript, Spanish)", async ({
  browser,
}) => {
  const stamp = randomBytes(3).toString("hex");
  const db = await database();
  const platform = await db.platform.create({
    data: {
      slug: `registro-${stamp}`,
      name: `Registro ${stamp}`,
      descriptionEs: "Plataforma de prueba del registro.",
      descriptionEn: "Test platform of the log.",
      country: "EC",
      region: "Sucumbíos",
      timeZone: "America/Guayaquil",
    },
  });
  // 60 entries of a day long past, a minute apart: below everything the other tests write.
  await db.auditEvent.createMany({
    data: Array.from({ length: 60 }, (_, i) => ({
      action: "meeting.updated",
      entityType: "Meeting",
      entityId: `reunion-${String(i).padStart(2, "0")}`,
      platformId: platform.id,
      createdAt: new Date(Date.UTC(2020, 0, 1, 15, i)),
    })),
  });
  const t = (key: string, values?: Record<string, string | number>) =>
    tr("es", "admin", key, values);
  const page = await signedIn(browser, "admin@minga.example", PHONE);
  await page.goto(`/admin/audit?platform=${platform.slug}`);
  await expect(page.getByText(t("audit.count_other", { count: 60 }))).toBeVisible();
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText("reunion-59");
  await expect(page.getByRole("link", { name: t("audit.newer") })).toHaveCount(0);
  await page.getByRole("link", { name: t("audit.older") }).click();
  await expect(rows).toHaveCount(10);
  await expect(rows.first()).toContainText("reunion-09");
  await expect(rows.last()).toContainText("reunion-00");
  await expect(page.getByRole("link", { name: t("audit.older") })).toHaveCount(0);
  await axeOn(browser, "admin@minga.example", page.url());
  // The filter is kept on the way.
  await expect(page).toHaveURL(new RegExp(`platform=${platform.slug}&older=`));
  await page.getByRole("link", { name: t("audit.newer") }).click();
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText("reunion-59");
  await expect(rows.last()).toContainText("reunion-10");
  const noScroll = await page.evaluate(
    () => document.documentElement.scrollWidth <= window.innerWidth,
  );
  expect(noScroll).toBe(true);
});
