import type { Page } from "@playwright/test";
import { expect } from "./fixtures";
import { tr } from "./i18n";
import { soonOnPlatformClock } from "./people";

export const PLATFORM = "/platforms/putumayo-aguarico";

/**
 * The page's facilitator schedules an assembly: later today (attendance open) by default, or
 * on a given date from 10:00 to 12:00. Returns the meeting page's path.
 */
export async function scheduleMeeting(
  page: Page,
  lang: string,
  title: string,
  date?: string,
): Promise<string> {
  const t = (key: string) => tr(lang, "meetings", key);
  await page.goto(`${PLATFORM}/meetings/new`);
  await page.getByLabel(t("form.title")).fill(title);
  const soon = soonOnPlatformClock();
  await page.getByLabel(t("form.date"), { exact: true }).fill(date ?? soon.date);
  await page.getByLabel(t("form.startTime")).fill(date ? "10:00" : soon.start);
  await page.getByLabel(t("form.endTime")).fill(date ? "12:00" : soon.end);
  await page.getByLabel(t("form.place"), { exact: true }).fill("Casa comunal");
  await page.getByRole("button", { name: t("form.schedule") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  return new URL(page.url()).pathname;
}

/** Marks María Yumbo present and saves the attendance. */
export async function saveAttendance(page: Page, lang: string) {
  await page
    .getByRole("group", { name: /^María Yumbo/ })
    .getByLabel(tr(lang, "meetings", "attendance.statuses.present"))
    .check();
  await page.getByRole("button", { name: tr(lang, "attendance", "attendance.save") }).click();
}

/**
 * The page's member proposes on the demo platform and moves the proposal to discussion
 * (saved before this returns). Returns the proposal page's path.
 */
export async function proposalUnderDiscussion(
  page: Page,
  lang: string,
  title: string,
  summary: string,
): Promise<string> {
  const t = (key: string) => tr(lang, "proposals", key);
  await page.goto(`${PLATFORM}/proposals/new`);
  await page.getByLabel(t("form.title")).fill(title);
  await page.getByLabel(t("form.summary")).fill(summary);
  await page.getByRole("button", { name: t("form.create") }).click();
  await page.getByRole("button", { name: t("actions.toDiscussion") }).click();
  await expect(page.getByText(t("states.discussion"), { exact: true })).toBeVisible();
  return new URL(page.url()).pathname;
}

/**
 * Sends a form as the page's own form would (quicker than typing it, where many are needed),
 * with the page's cookies, and expects the action's redirect.
 */
export async function sendForm(page: Page, path: string, form: Record<string, string>) {
  const sent = await page.request.post(path, {
    form,
    headers: { Origin: new URL(page.url()).origin },
    maxRedirects: 0,
  });
  expect(sent.status(), `${path} ${JSON.stringify(form)}`).toBe(302);
}
