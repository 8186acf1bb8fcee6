import type { Browser } from "@playwright/test";
import { expect, watchErrors } from "./fixtures";
import { DEMO_PASSWORD } from "./helpers";
import { tr } from "./i18n";

// The server's origin (playwright.config.ts's baseURL), for the Origin check on a POST.
const ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 3100}`;

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
  // The login form's own POST, sent without drawing the form: the form itself is tested in
  // the account specs; here it only costs time (two page loads per person, ~150 people).
  // The context keeps the session cookie the answer sets.
  const login = await context.request.post("/login", {
    form: { _form: "login", email, password: DEMO_PASSWORD, redirectTo: "/" },
    headers: { Origin: ORIGIN },
    maxRedirects: 0,
  });
  expect(login.status(), `login of ${email}`).toBe(302);
  await page.goto("/");
  await expect(
    page.getByRole("button", { name: tr(lang, "common", "layout.logout") }),
  ).toBeVisible();
  return page;
}

export function inDays(days: number): string {
  return new Date(Date.now() + days * 24 * 3600_000).toISOString().slice(0, 10);
}

const TZ = "America/Guayaquil";

function wall(d: Date) {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: TZ,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    })
      .formatToParts(d)
      .map((x) => [x.type, x.value]),
  );
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    time: `${p.hour}:${p.minute}`,
    hour: Number(p.hour),
  };
}

/**
 * A one-hour assembly starting within the next few hours on the platform's clocks, so its
 * attendance is already open and it overlaps a vote opened now.
 */
export function soonOnPlatformClock() {
  let start = new Date(Math.ceil((Date.now() + 60 * 60_000) / 300_000) * 300_000);
  // Keep start and end on the same day: after 22:00, use 00:30 the next morning.
  if (wall(start).hour >= 22) {
    const nextDay = new Date(start.getTime() + 3 * 3600_000);
    const { date } = wall(nextDay);
    start = new Date(`${date}T00:30:00-05:00`);
  }
  const end = new Date(start.getTime() + 60 * 60_000);
  return {
    date: wall(start).date,
    start: wall(start).time,
    end: wall(end).time,
    startsAt: start,
    endsAt: end,
  };
}

/** How the portal shows a time of day in a language, for checking pages. */
export function shownTime(d: Date, locale: string) {
  return new Intl.DateTimeFormat(locale === "es" ? "es-EC" : locale, {
    timeStyle: "short",
    timeZone: TZ,
  }).format(d);
}
