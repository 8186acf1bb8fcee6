import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { checkWatchedPages, signedIn } from "./people";

test.afterEach(checkWatchedPages);

const PLATFORM = "/platforms/putumayo-aguarico";

/**
 * Words the browser split across two lines ("Prese|nte"): each word of every visible text
 * node is measured with a Range; a word whose boxes sit on more than one line is broken.
 * Breaks at hyphens, dashes and slashes are allowed, as a reader expects them.
 */
async function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const skip = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEXTAREA", "OPTION", "TITLE"]);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const broken: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || skip.has(parent.tagName)) continue;
      const text = node.textContent ?? "";
      for (const match of text.matchAll(/[^\s\-–—/]+/g)) {
        if (match[0].length < 2) continue;
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
        if (rects.length < 2) continue;
        const tops = rects.map((r) => r.top);
        const tallest = Math.max(...rects.map((r) => r.height));
        if (Math.max(...tops) - Math.min(...tops) > tallest / 2) broken.push(match[0]);
      }
    }
    return broken;
  });
}

/** Boxes that scroll sideways inside the page (a table wider than the phone). */
async function sidewaysScrollers(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("main *")]
      .filter(
        (el) => el.scrollWidth - el.clientWidth > 1 && getComputedStyle(el).overflowX !== "visible",
      )
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
  );
}

for (const [lang, locale] of [
  ["es", "es-EC"],
  ["en", "en-US"],
] as const) {
  test(`every kind of page fits a 360 px phone, words whole (${lang})`, async ({ browser }) => {
    const page = await signedIn(browser, "coordinadora@minga.example", {
      viewport: { width: 360, height: 740 },
      locale,
    });
    await page.goto(`${PLATFORM}/meetings`);
    const meeting = await page
      .getByRole("link", { name: "Asamblea extraordinaria: vigilancia del territorio" })
      .getAttribute("href");
    await page.goto(`${PLATFORM}/proposals`);
    const proposal = await page
      .getByRole("link", { name: "Patrullajes comunitarios cada quince días" })
      .getAttribute("href");
    await page.goto(`${PLATFORM}/groups`);
    const youth = await page
      .locator(".group-list > li", { hasText: lang === "es" ? "Jóvenes" : "Youth" })
      .getAttribute("data-group");
    const paths = [
      "/",
      "/platforms",
      PLATFORM,
      `${PLATFORM}/members`,
      `${PLATFORM}/people`,
      `${PLATFORM}/meetings`,
      `${PLATFORM}/meetings/new`,
      meeting!,
      `${meeting}/attendance`,
      `${meeting}/minutes`,
      `${meeting}/sheet`,
      `${PLATFORM}/proposals`,
      `${PLATFORM}/proposals/new`,
      `${PLATFORM}/groups`,
      `${PLATFORM}/groups/new`,
      `${PLATFORM}/groups/${youth}/members`,
      `${PLATFORM}/groups/${youth}/edit`,
      proposal!,
      `${proposal}/vote`,
      `${proposal}/result`,
      "/account",
      "/admin/audit",
    ];
    const overflowing: string[] = [];
    const broken: string[] = [];
    for (const path of paths) {
      const response = await page.goto(path);
      // The coordinator is not an administrator: the audit log is refused, and still fits.
      // The proposal already voted on refuses a new vote: its refusal page still fits.
      expect(response!.status(), path).toBeLessThan(
        path === "/admin/audit" || path.endsWith("/vote") ? 500 : 400,
      );
      const extra = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      if (extra > 0) overflowing.push(`${path}: ${extra}px`);
      for (const word of await brokenWords(page)) broken.push(`${path}: ${word}`);
    }
    expect(overflowing).toEqual([]);
    expect(broken).toEqual([]);
  });
}

test("the blank attendance sheet fits a 360 px phone without a sideways scroll", async ({
  browser,
}) => {
  const page = await signedIn(browser, "facilitador@minga.example", {
    viewport: { width: 360, height: 740 },
  });
  await page.goto(`${PLATFORM}/meetings`);
  const meeting = await page
    .getByRole("link", { name: "Asamblea extraordinaria: vigilancia del territorio" })
    .getAttribute("href");
  await page.goto(`${meeting}/sheet`);
  expect(await sidewaysScrollers(page)).toEqual([]);
});
