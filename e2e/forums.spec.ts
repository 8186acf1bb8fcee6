import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./helpers";
import { tr } from "./i18n";
import { checkWatchedPages, signedIn } from "./people";
import { PLATFORM } from "./steps";

test.afterEach(checkWatchedPages);

const PHONE = { javaScriptEnabled: false, viewport: { width: 360, height: 740 } } as const;
type Vars = Record<string, string | number>;
const es = (ns: string, key: string, v?: Vars) => tr("es", ns, key, v);
const en = (ns: string, key: string, v?: Vars) => tr("en", ns, key, v);

/**
 * The demo groups' addresses, read (only read) from the e2e database: the list of groups is
 * another part of the portal; everything checked here is done through the forum's pages.
 */
async function groupPath(nameEs: string): Promise<string> {
  const db = new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url: "file:./.tmp/e2e.db", timeout: 5000 }),
  });
  try {
    const group = await db.group.findFirstOrThrow({
      where: { nameEs, platform: { slug: "putumayo-aguarico" } },
      select: { id: true },
    });
    return `${PLATFORM}/groups/${group.id}`;
  } finally {
    await db.$disconnect();
  }
}

test("a private forum on a phone without JavaScript: a thread, a reply, moderation, raised to the platform", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now() % 100000;
  const title = `Semillas nativas ${stamp}`;
  const women = await groupPath("Mujeres del corredor");

  // A member opens a thread.
  const alicia = await signedIn(browser, "comunidad2@minga.example", PHONE);
  await alicia.goto(women);
  await alicia.getByRole("link", { name: es("forums", "newThread") }).click();
  await alicia.getByRole("button", { name: es("forums", "form.create") }).click();
  await expect(alicia.locator(".field-errors").first()).toBeVisible();
  await alicia.getByLabel(es("forums", "form.title")).fill(title);
  await alicia
    .getByLabel(es("forums", "form.body"))
    .fill("Propongo un **intercambio** de semillas nativas en la próxima minga.");
  await alicia.getByRole("button", { name: es("forums", "form.create") }).click();
  await expect(
    alicia.getByRole("status").filter({ hasText: es("common", "notices.threadCreated") }),
  ).toBeVisible();
  await expect(alicia.getByRole("heading", { level: 1 })).toHaveText(title);
  const thread = new URL(alicia.url()).pathname;

  // Another member sees it as new, and replies.
  const luz = await signedIn(browser, "comunidad5@minga.example", PHONE);
  await luz.goto(women);
  const item = luz.locator(".thread-list li", { hasText: title });
  await expect(item).toContainText(es("forums", "new"));
  await item.getByRole("link", { name: title }).click();
  await expect(luz.getByRole("heading", { level: 1 })).toHaveText(title);
  await luz.getByLabel(es("discussions", "new")).fill(`Yo llevo maíz y fréjol ${stamp}`);
  await luz.getByRole("button", { name: es("discussions", "send"), exact: true }).click();
  await expect(
    luz.getByRole("status").filter({ hasText: es("common", "notices.postAdded") }),
  ).toBeVisible();
  await expect(
    luz.locator(".comment p", { hasText: `Yo llevo maíz y fréjol ${stamp}` }),
  ).toBeVisible();
  // She corrects her reply (her own, within the editing window): the form sits in the post.
  const mine = luz.locator("article.comment", { hasText: `Yo llevo maíz y fréjol ${stamp}` });
  await mine.getByText(es("discussions", "edit"), { exact: true }).click();
  await expect(mine.getByLabel(es("discussions", "editLabel"))).toHaveValue(
    `Yo llevo maíz y fréjol ${stamp}`,
  );
  await mine
    .getByLabel(es("discussions", "editLabel"))
    .fill(`Yo llevo maíz y fréjol ${stamp}, y también yuca`);
  await mine.getByRole("button", { name: es("discussions", "save"), exact: true }).click();
  await expect(
    luz.getByRole("status").filter({ hasText: es("common", "notices.postEdited") }),
  ).toBeVisible();
  await expect(
    luz.locator("article.comment", { hasText: `${stamp}, y también yuca` }),
  ).toContainText(es("discussions", "edited"));

  // The moderator pins and locks the thread, hides the reply, and raises it to the platform.
  const maria = await signedIn(browser, "miembro@minga.example", PHONE);
  await maria.goto(thread);
  await maria.getByRole("button", { name: es("forums", "moderation.pin") }).click();
  await expect(
    maria.getByRole("status").filter({ hasText: es("common", "notices.threadPinned") }),
  ).toBeVisible();
  await maria.getByRole("button", { name: es("forums", "moderation.lock") }).click();
  await expect(
    maria.getByRole("status").filter({ hasText: es("common", "notices.threadLocked") }),
  ).toBeVisible();
  const reply = maria.locator("article.comment", { hasText: `Yo llevo maíz y fréjol ${stamp}` });
  await reply.getByText(es("discussions", "moderate"), { exact: true }).click();
  await reply.getByLabel(es("discussions", "hideReason")).fill("Datos de una familia");
  await reply.getByRole("button", { name: es("discussions", "hide"), exact: true }).click();
  await expect(
    maria.getByRole("status").filter({ hasText: es("common", "notices.postHidden") }),
  ).toBeVisible();
  // Nothing wider than the phone, with every moderation control on the page.
  expect(await maria.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await maria.goto(women);
  expect(await maria.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expect(maria.locator(".thread-list li").first()).toContainText(title);
  await expect(maria.locator(".thread-list li").first()).toContainText(es("forums", "pinned"));

  await luz.goto(thread);
  await expect(luz.getByText(es("forums", "errors.threadLocked"))).toBeVisible();
  await expect(luz.getByLabel(es("discussions", "new"))).toHaveCount(0);
  await expect(
    luz.getByText(es("discussions", "hidden", { reason: "Datos de una familia" })),
  ).toBeVisible();

  await maria.goto(thread);
  // A private thread is never offered for sharing.
  await expect(maria.getByRole("link", { name: es("forums", "shareWhatsapp") })).toHaveCount(0);
  await maria.getByRole("button", { name: es("forums", "moderation.raise") }).click();
  await expect(
    maria.getByRole("status").filter({ hasText: es("common", "notices.threadRaised") }),
  ).toBeVisible();
  await maria.getByRole("link", { name: es("forums", "raisedAs") }).click();
  await expect(maria.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(
    maria.getByText(es("forums", "raisedBy.group", { group: "Mujeres del corredor" })),
  ).toBeVisible();
  await maria
    .getByRole("link", { name: es("forums", "raisedBy.thread", { thread: title }) })
    .click();
  await expect(maria).toHaveURL(new RegExp(`${thread}$`));

  // Someone outside the group: the same 404 as a thread that does not exist, and no words.
  const tupak = await signedIn(browser, "comunidad1@minga.example", PHONE);
  const response = await tupak.goto(thread);
  expect(response?.status()).toBe(404);
  await expect(tupak.getByText(title)).toHaveCount(0);
  expect((await tupak.goto(`${women}/threads/no-existe`))?.status()).toBe(404);
});

test("a public thread is shared on WhatsApp; the forum reads and searches in English, accessibly", async ({
  browser,
  page,
}) => {
  test.setTimeout(120_000);
  const youth = await groupPath("Jóvenes del corredor");
  // Anyone may read a public group's forum and share a thread.
  await page.goto(youth);
  await page.getByRole("link", { name: /Grabemos videos del monitoreo de fauna/ }).click();
  const share = page.getByRole("link", { name: es("forums", "shareWhatsapp") });
  await expect(share).toHaveAttribute("href", /^https:\/\/wa\.me\/\?text=/);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
    "content",
    "Grabemos videos del monitoreo de fauna",
  );
  await expectNoAxeViolations(page);

  const maria = await signedIn(browser, "miembro@minga.example", { locale: "en" });
  const women = await groupPath("Mujeres del corredor");
  await maria.goto(women);
  await expect(maria.getByRole("heading", { name: en("forums", "threads") })).toBeVisible();
  await expectNoAxeViolations(maria);
  await maria.getByLabel(en("forums", "search.label")).fill("AGUA chacras");
  await maria.getByRole("button", { name: en("forums", "search.submit") }).click();
  const results = maria.locator(".thread-list li");
  await expect(results).toHaveCount(1);
  await expect(results).toContainText(en("forums", "locked"));
  await results.getByRole("link", { name: "Cuidado del agua en las chacras" }).click();
  await expect(maria.getByText(en("forums", "errors.threadLocked"))).toBeVisible();
  // Private: no sharing tags, no WhatsApp link.
  await expect(maria.locator('meta[property="og:title"]')).toHaveCount(0);
  await expect(maria.getByRole("link", { name: en("forums", "shareWhatsapp") })).toHaveCount(0);
  await expectNoAxeViolations(maria);
  await maria.goto(`${women}/reports`);
  await expect(maria.getByRole("heading", { level: 1 })).toHaveText(en("forums", "reports.title"));
  await expect(maria.getByText("Es una falta de respeto hacia otras compañeras.")).toBeVisible();
  await expectNoAxeViolations(maria);
});
