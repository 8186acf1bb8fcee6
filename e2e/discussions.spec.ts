import { REASON_MAX_LENGTH } from "../app/discussions/rules";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./helpers";
import { tr } from "./i18n";
import { checkWatchedPages, signedIn } from "./people";
import { PLATFORM, proposalUnderDiscussion, sendForm } from "./steps";

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

for (const javaScriptEnabled of [false, true]) {
  test(`a report too long is explained on its own post, with what was typed (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const es = (ns: string, key: string, v?: Record<string, string | number>) =>
      tr("es", ns, key, v);
    const stamp = `${javaScriptEnabled ? "js" : "html"} ${Date.now() % 100000}`;
    const author = await signedIn(browser, "miembro@minga.example", PHONE);
    await author.goto(`${PLATFORM}/proposals`);
    await author.getByRole("link", { name: /Turismo comunitario en la laguna/ }).click();
    await expect(author).toHaveURL(/\/proposals\/[^/]+$/);
    const proposal = new URL(author.url()).pathname;
    for (const n of [1, 2]) {
      await author.getByLabel(es("discussions", "new")).fill(`Comentario ${n} ${stamp}`);
      await author.getByRole("button", { name: es("discussions", "send"), exact: true }).click();
      await expect(
        author.locator("article.comment", { hasText: `Comentario ${n} ${stamp}` }),
      ).toBeVisible();
    }

    const reader = await signedIn(browser, "comunidad1@minga.example", {
      ...PHONE,
      javaScriptEnabled,
    });
    await reader.goto(proposal);
    const first = reader.locator("article.comment", { hasText: `Comentario 1 ${stamp}` });
    const second = reader.locator("article.comment", { hasText: `Comentario 2 ${stamp}` });
    const tooLong = `Madera ${"x".repeat(REASON_MAX_LENGTH)}`;
    await first.getByText(es("discussions", "report"), { exact: true }).click();
    await first.getByLabel(es("discussions", "reportReason")).fill(tooLong);
    await first.getByRole("button", { name: es("discussions", "sendReport") }).click();

    // The message sits beside the field of that post, unfolded, with the reason as typed.
    const reason = first.getByLabel(es("discussions", "reportReason"));
    await expect(reason).toBeVisible();
    await expect(reason).toHaveValue(tooLong);
    await expect(reason).toHaveAttribute("aria-invalid", "true");
    await expect(first.locator(".field-errors")).toHaveText(
      es("common", "validation.tooLong", { max: REASON_MAX_LENGTH }),
    );
    // No other form of the page speaks of it, and nothing was reported.
    await expect(reader.locator(".field-errors")).toHaveCount(1);
    await expect(second.getByLabel(es("discussions", "reportReason"))).toBeHidden();
    await author.reload();
    await expect(
      author.locator("article.comment", { hasText: `Comentario 1 ${stamp}` }),
    ).not.toContainText(es("discussions", "reported_one", { count: 1 }));

    // Shortened, it is sent.
    await reason.fill("Venta de madera");
    await first.getByRole("button", { name: es("discussions", "sendReport") }).click();
    await expect(
      reader.getByRole("status").filter({ hasText: es("common", "notices.postReported") }),
    ).toBeVisible();
    await expect(reader.locator(".field-errors")).toHaveCount(0);
  });
}

test("without JavaScript on a phone: a long discussion is read a page at a time, and a new comment lands where it shows", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now() % 100000;
  const es = (ns: string, key: string, v?: Record<string, string | number>) => tr("es", ns, key, v);
  const member = await signedIn(browser, "miembro@minga.example", PHONE);
  const proposal = await proposalUnderDiscussion(
    member,
    "es",
    `Debate largo ${stamp}`,
    "Muchas voces sobre el agua.",
  );
  // Fifty comments sent as the page's form sends them.
  for (let i = 0; i < 50; i++) {
    const body = `Aporte ${String(i).padStart(2, "0")}`;
    await sendForm(member, proposal, { _form: "post", intent: "post", body });
  }

  await member.goto(proposal);
  await expect(member.locator("article.comment")).toHaveCount(50);
  await expect(member.getByText(es("common", "pager.page", { page: 1, pages: 1 }))).toHaveCount(0);
  // One more comment, typed in the form: it is the 51st, so it shows on page 2, and the
  // writer is taken there.
  await member.getByLabel(es("discussions", "new")).fill(`La última palabra ${stamp}`);
  await member.getByRole("button", { name: es("discussions", "send"), exact: true }).click();
  await expect(
    member.getByRole("status").filter({ hasText: es("common", "notices.postAdded") }),
  ).toBeVisible();
  await expect(member).toHaveURL(/\?page=2#post-/);
  await expect(member.getByText(es("common", "pager.page", { page: 2, pages: 2 }))).toBeVisible();
  await expect(member.locator("article.comment")).toHaveCount(1);
  await expect(member.locator("article.comment")).toContainText(`La última palabra ${stamp}`);
  // Back to the first page by the pager's plain link.
  await member.getByRole("link", { name: es("common", "pager.previous") }).click();
  await expect(member.getByText(es("common", "pager.page", { page: 1, pages: 2 }))).toBeVisible();
  await expect(member.locator("article.comment").first()).toContainText("Aporte 00");
  const extra = await member.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  expect(extra).toBe(0);
});

test("without JavaScript on a phone: a much-answered comment shows its first replies, the rest on its own pages", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now() % 100000;
  const es = (ns: string, key: string, v?: Record<string, string | number>) => tr("es", ns, key, v);
  const en = (ns: string, key: string, v?: Record<string, string | number>) => tr("en", ns, key, v);
  const member = await signedIn(browser, "miembro@minga.example", PHONE);
  const proposal = await proposalUnderDiscussion(
    member,
    "es",
    `Pregunta abierta ${stamp}`,
    "¿Quién cuida el vivero?",
  );
  await member.getByLabel(es("discussions", "new")).fill(`¿Quién se apunta? ${stamp}`);
  await member.getByRole("button", { name: es("discussions", "send"), exact: true }).click();
  await expect(member).toHaveURL(/#post-/);
  const question = new URL(member.url()).hash.slice("#post-".length);
  // Twenty replies sent as the reply form sends them.
  for (let i = 0; i < 20; i++) {
    const body = `Yo ${String(i).padStart(2, "0")}`;
    await sendForm(member, proposal, {
      _form: `reply-${question}`,
      intent: "post",
      parentId: question,
      body,
    });
  }

  // The coordination answers too, in English: the 21st reply goes to the comment's own page.
  const coordinator = await signedIn(browser, "coordinadora@minga.example", {
    ...PHONE,
    locale: "en",
  });
  await coordinator.goto(proposal);
  const asked = coordinator.locator(`#post-${question}`);
  await expect(coordinator.locator(".replies article.comment")).toHaveCount(20);
  await asked.locator("summary", { hasText: en("discussions", "reply") }).click();
  await asked.getByLabel(en("discussions", "reply")).fill(`Count me in ${stamp}`);
  await asked.getByRole("button", { name: en("discussions", "sendReply") }).click();
  await expect(
    coordinator.getByRole("status").filter({ hasText: en("common", "notices.postAdded") }),
  ).toBeVisible();
  await expect(coordinator).toHaveURL(new RegExp(`\\?replies=${question}#post-`));
  await expect(coordinator.locator(".replies article.comment")).toHaveCount(21);
  await expect(coordinator.locator(".replies article.comment").last()).toContainText(
    `Count me in ${stamp}`,
  );
  await coordinator.getByRole("link", { name: en("discussions", "backToDiscussion") }).click();
  await expect(coordinator).toHaveURL(new RegExp(`${proposal}#post-${question}$`));

  // The discussion itself keeps showing the first twenty, with a plain link to them all.
  await member.goto(proposal);
  await expect(member.locator(".replies article.comment")).toHaveCount(20);
  await expect(member.getByText(`Count me in ${stamp}`)).toHaveCount(0);
  await member
    .getByRole("link", { name: es("discussions", "allReplies_other", { count: 21 }) })
    .click();
  await expect(member.getByText(`Count me in ${stamp}`)).toBeVisible();
  const extra = await member.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  expect(extra).toBe(0);
});
