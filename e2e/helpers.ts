import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "minga-demo-2026";
export const PASSWORD = "el río napo nos une a todos";

export function uniqueEmail(prefix = "persona"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.org`;
}

/** axe-core with the WCAG 2.1 A/AA rules: no violations allowed. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(summary).toEqual([]);
}
