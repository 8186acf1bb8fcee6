import { expect, test } from "./fixtures";
import { tr } from "./i18n";
import { checkWatchedPages, signedIn } from "./people";
import { PLATFORM } from "./steps";

test.afterEach(checkWatchedPages);

const es = (ns: string, key: string, v?: Record<string, string | number>) => tr("es", ns, key, v);

// Each member's controls are folded, and their forms are made without Conform's state until
// the server answers one (app/components/repeated-form.tsx): its error must still be seen.
for (const javaScriptEnabled of [false, true]) {
  test(`removing a member without a reason is refused beside the field, unfolded (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({
    browser,
  }) => {
    const name = "Tupak Grefa";
    const coordinator = await signedIn(browser, "coordinadora@minga.example", {
      javaScriptEnabled,
      viewport: { width: 360, height: 740 },
    });
    await coordinator.goto(`${PLATFORM}/members?q=${encodeURIComponent(name)}`);
    const manage = coordinator.locator("details", {
      has: coordinator.getByText(es("platforms", "members.manage", { name }), { exact: true }),
    });
    await manage.getByText(es("platforms", "members.manage", { name }), { exact: true }).click();
    await manage.getByRole("button", { name: es("platforms", "members.remove", { name }) }).click();

    const reason = coordinator.getByLabel(es("platforms", "members.removeReason"));
    await expect(reason).toBeVisible();
    await expect(reason).toHaveAttribute("aria-invalid", "true");
    await expect(manage.locator(".field-errors")).toHaveText(es("common", "validation.required"));
    await expect(coordinator.locator(".field-errors")).toHaveCount(1);
    // Still a member, with the role they had.
    await coordinator.goto(`${PLATFORM}/members?q=${encodeURIComponent(name)}`);
    await expect(
      coordinator.getByText(es("platforms", "members.manage", { name }), { exact: true }),
    ).toBeVisible();
    await expect(coordinator.locator(".field-errors")).toHaveCount(0);
  });
}
