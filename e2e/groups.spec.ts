import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./helpers";
import { tr } from "./i18n";
import { checkWatchedPages, signedIn } from "./people";
import { PLATFORM } from "./steps";

test.afterEach(checkWatchedPages);

const PHONE = { javaScriptEnabled: false, viewport: { width: 360, height: 740 } } as const;
const es = (ns: string, key: string, v?: Record<string, string | number>) => tr("es", ns, key, v);
const en = (ns: string, key: string, v?: Record<string, string | number>) => tr("en", ns, key, v);

test("without JavaScript on a phone: a coordinator creates a private group, a member asks to join, is approved, then removed with a reason", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const name = `Artesanas del río ${Date.now() % 100000}`;

  const coordinator = await signedIn(browser, "coordinadora@minga.example", PHONE);
  await coordinator.goto(`${PLATFORM}/groups`);
  await coordinator.getByRole("link", { name: es("groups", "list.new") }).click();
  // Bad input: no Spanish name. The error sits beside the field; typed values stay.
  await coordinator.getByLabel(es("groups", "form.nameEn")).fill("River craftswomen");
  await coordinator.getByLabel(es("groups", "visibility.private")).check();
  await coordinator.getByLabel(es("groups", "joining.approval")).check();
  await coordinator.getByRole("button", { name: es("groups", "form.create") }).click();
  await expect(coordinator.getByText(es("common", "validation.required"))).toBeVisible();
  await expect(coordinator.getByLabel(es("groups", "form.nameEn"))).toHaveValue(
    "River craftswomen",
  );
  await expect(coordinator.getByLabel(es("groups", "visibility.private"))).toBeChecked();
  await coordinator.getByLabel(es("groups", "form.nameEs")).fill(name);
  await coordinator
    .getByLabel(es("groups", "form.descriptionEs"))
    .fill("Tejidos y cerámica de las comunidades.");
  await coordinator.getByRole("button", { name: es("groups", "form.create") }).click();
  await expect(
    coordinator.getByRole("status").filter({ hasText: es("common", "notices.groupCreated") }),
  ).toBeVisible();
  const card = coordinator.locator(".group-list > li", { hasText: name });
  await expect(card).toContainText(es("groups", "status.moderator"));
  await expect(card).toContainText(es("groups", "list.members_one", { count: 1 }));
  const groupId = await card.getAttribute("data-group");
  const members = `${PLATFORM}/groups/${groupId}/members`;

  // A member of the platform sees the group, not its numbers, and asks to join.
  const member = await signedIn(browser, "comunidad4@minga.example", PHONE);
  await member.goto(`${PLATFORM}/groups`);
  const theirCard = member.locator(".group-list > li", { hasText: name });
  await expect(theirCard).toContainText(es("groups", "list.privateNoCounts"));
  await expect(theirCard).not.toContainText(es("groups", "list.members_one", { count: 1 }));
  await theirCard.getByRole("button", { name: es("groups", "membership.request") }).click();
  await expect(
    member.getByRole("status").filter({ hasText: es("common", "notices.groupRequested") }),
  ).toBeVisible();
  await expect(theirCard).toContainText(es("groups", "status.pending"));
  // Still not a member: the private group's members page is a 404.
  const denied = await member.goto(members);
  expect(denied?.status()).toBe(404);

  // The moderator approves.
  await coordinator.goto(members);
  await coordinator
    .getByRole("button", { name: es("groups", "members.approve", { name: "Humberto Yiyoguaje" }) })
    .click();
  await expect(
    coordinator.getByRole("status").filter({ hasText: es("common", "notices.groupApproved") }),
  ).toBeVisible();

  // Now a member: the platform page shows the group's counts to them.
  await member.goto(PLATFORM);
  const onPlatform = member.locator(".group-list > li", { hasText: name });
  await expect(onPlatform).toContainText(es("groups", "list.members_other", { count: 2 }));
  await expect(onPlatform).toContainText(es("groups", "list.threads_other", { count: 0 }));
  await expect(onPlatform).toContainText(es("groups", "status.member"));

  // Removing needs a reason.
  await coordinator.goto(members);
  const row = coordinator.locator(".member-list > li", { hasText: "Humberto Yiyoguaje" });
  await row.getByText(es("groups", "members.remove", { name: "Humberto Yiyoguaje" })).click();
  const confirm = row.getByRole("button", {
    name: es("groups", "members.removeConfirm", { name: "Humberto Yiyoguaje" }),
  });
  await confirm.click();
  const again = coordinator.locator(".member-list > li", { hasText: "Humberto Yiyoguaje" });
  await expect(again.getByText(es("common", "validation.required"))).toBeVisible();
  await again.getByLabel(es("groups", "members.removeReason")).fill("Mensajes ofensivos");
  await again
    .getByRole("button", {
      name: es("groups", "members.removeConfirm", { name: "Humberto Yiyoguaje" }),
    })
    .click();
  await expect(
    coordinator.getByRole("status").filter({ hasText: es("common", "notices.groupRemoved") }),
  ).toBeVisible();
  await expect(coordinator.locator(".member-list")).not.toContainText("Humberto Yiyoguaje");

  // Removed: no numbers any more, and coming back means asking again.
  await member.goto(PLATFORM);
  const after = member.locator(".group-list > li", { hasText: name });
  await expect(after).toContainText(es("groups", "list.privateNoCounts"));
  await expect(
    after.getByRole("button", { name: es("groups", "membership.request") }),
  ).toBeVisible();
});

// "N members", whatever N is by the time this runs (other journeys join the demo groups).
const someMembers = new RegExp(
  es("groups", "list.members_other", { count: 999 }).replace("999", "\\d+"),
);

test("the platform page counts a private group only for its members", async ({ page, browser }) => {
  // Anonymous: the women's group is named, marked private, with no number.
  await page.goto(PLATFORM);
  const women = page.locator(".group-list > li", { hasText: "Mujeres del corredor" });
  await expect(women).toContainText(es("groups", "list.privateNoCounts"));
  await expect(women.locator(".group-counts")).toHaveCount(0);
  const youth = page.locator(".group-list > li", { hasText: "Jóvenes del corredor" });
  await expect(youth.locator(".group-counts")).toContainText(someMembers);
  // Its moderator sees the women's group's numbers.
  const maria = await signedIn(browser, "miembro@minga.example");
  await maria.goto(PLATFORM);
  const hers = maria.locator(".group-list > li", { hasText: "Mujeres del corredor" });
  await expect(hers.locator(".group-counts")).toContainText(someMembers);
  await expect(hers).toContainText(es("groups", "status.moderator"));
});

test("in English: the list passes axe, the members page shows the request, the last moderator cannot leave", async ({
  browser,
}) => {
  const maria = await signedIn(browser, "miembro@minga.example", { locale: "en" });
  await maria.goto(`${PLATFORM}/groups`);
  await expect(maria.getByRole("heading", { level: 1 })).toHaveText(en("groups", "list.title"));
  const women = maria.locator(".group-list > li", { hasText: "Women of the corridor" });
  await expect(women).toContainText(en("groups", "visibility.private"));
  await expect(women).toContainText(en("groups", "joining.approval"));
  await expectNoAxeViolations(maria);

  await women
    .getByRole("link", {
      name: en("groups", "list.membersLink", { name: "Women of the corridor" }),
    })
    .click();
  await expect(
    maria.getByRole("heading", {
      level: 2,
      name: en("groups", "members.requests_one", { count: 1 }),
    }),
  ).toBeVisible();
  await expect(maria.getByText("Fernanda Ortiz", { exact: true })).toBeVisible();
  await expectNoAxeViolations(maria);

  await maria.getByRole("button", { name: en("groups", "membership.leave") }).click();
  await expect(maria.getByRole("alert")).toContainText(en("groups", "errors.lastModeratorLeave"));
  await maria.getByRole("link", { name: en("groups", "membership.back") }).click();
  await expect(maria.getByRole("heading", { level: 1 })).toContainText("Women of the corridor");
});
