import type { Browser } from "@playwright/test";
import { expect, watchErrors } from "./fixtures";
import { DEMO_PASSWORD } from "./helpers";
import { tr } from "./i18n";

// Pages opened in their own contexts are watched too; checked after each test.
let watched: string[][] = [];

export function checkWatchedPages() {
  const errors = watched.flat();
  watched = [];
  expect(errors).toEqual([]);
}

/** A new browser (own cookies) signed in as a demo account. */
export async function signedIn(
  browser: Browser,
  email: string,
  options: {
    javaScriptEnabled?: boolean;
    viewport?: { width: number; height: number };
    locale?: string;
  } = {},
) {
  const context = await browser.newContext({ locale: "es-EC", ...options });
  const lang = (options.locale ?? "es").slice(0, 2);
  const page = await context.newPage();
  watched.push(watchErrors(page));
  await page.goto("/login");
  await page.getByLabel(tr(lang, "auth", "fields.email")).fill(email);
  await page.getByLabel(tr(lang, "auth", "fields.password")).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: tr(lang, "auth", "login.submit") }).click();
  await expect(
    page.getByRole("button", { name: tr(lang, "common", "layout.logout") }),
  ).toBeVisible();
  return page;
}

export function inDays(days: number): string {
  return new Date(Date.now() + days * 24 * 3600_000).toISOString().slice(0, 10);
}
