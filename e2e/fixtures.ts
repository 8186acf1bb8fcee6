import { test as base, expect, type Page } from "@playwright/test";

/**
 * Collects what would break the page for a person: uncaught errors and console errors
 * (a failing script, CSP violations). Expected 4xx answers are not errors.
 */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text()))
      return;
    errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** Every test's page is watched; a test fails if the page logged an error. */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors = watchErrors(page);
      await use(errors);
      expect(errors).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
