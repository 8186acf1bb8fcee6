import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./helpers";
import { tr } from "./i18n";
import { checkWatchedPages, signedIn } from "./people";
import { PLATFORM } from "./steps";

test.afterEach(checkWatchedPages);

const PHONE = { javaScriptEnabled: false, viewport: { width: 360, height: 740 } } as const;

test("without JavaScript on a phone: a member reports a comment, the coordination hides it with a reason", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now() % 100000;
  const words = `Vendo madera barata ${stamp}`;
  const es = (ns: string, key: string, v?: Record<string, string | number>) => tr("es", ns, key, v);
  const en = (ns: string, key: string, v?: Record<string, string | number>) => tr("en", ns, key, v);

  const author = await signedIn(browser, "miembro@minga.example", PHONE);
  await author.goto(`${PLATFORM}/proposals`);
  await author.getByRole("link", { name: /Turismo comunitario en la laguna/ }).click();
  await expect(author).toHaveURL(/\/proposals\/[^/]+$/);
  const proposal = new URL(author.url()).pathname;
  await author.getByLabel(es("discussions", "new")).fill(`**${words}**`);
  await author.getByRole("button", { name: es("discussions", "send"), exact: true }).click();
  await expect(
    author.getByRole("status").filter({ hasText: es("common", "notices.postAdded") }),
  ).toBeVisible();
  // Markdown is rendered, not shown as asterisks.
  await expect(author.locator(".comment strong", { hasText: words })).toBeVisible();

  const reader = await signedIn(browser, "comunidad1@minga.example", PHONE);
  await reader.goto(proposal);
  const post = reader.locator("article.comment", { hasText: words });
  await post.getByText(es("discussions", "report"), { exact: true }).click();
  await post.getByLabel(es("discussions", "reportReason")).fill("Venta de madera ilegal");
  await post.getByRole("button", { name: es("discussions", "sendReport") }).click();
  await expect(
    reader.getByRole("status").filter({ hasText: es("common", "notices.postReported") }),
  ).toBeVisible();

  // The coordination reads the report (in English here) and hides the post with a reason.
  const coordinator = await signedIn(browser, "coordinadora@minga.example", {
    ...PHONE,
    locale: "en",
  });
  await coordinator.goto(proposal);
  const reported = coordinator.locator("article.comment", { hasText: words });
  await expect(reported).toContainText(en("discussions", "reported_one", { count: 1 }));
  await expect(reported).toContainText("Venta de madera ilegal");
  await reported.getByText(en("discussions", "moderate"), { exact: true }).click();
  await reported.getByLabel(en("discussions", "hideReason")).fill("Illegal timber trade");
  await reported.getByRole("button", { name: en("discussions", "hide"), exact: true }).click();
  await expect(
    coordinator.getByRole("status").filter({ hasText: en("common", "notices.postHidden") }),
  ).toBeVisible();

  await reader.reload();
  await expect(reader.getByText(words)).toHaveCount(0);
  await expect(
    reader.getByText(es("discussions", "hidden", { reason: "Illegal timber trade" })),
  ).toBeVisible();

  const withJs = await signedIn(browser, "coordinadora@minga.example");
  await withJs.goto(proposal);
  await expectNoAxeViolations(withJs);
});
