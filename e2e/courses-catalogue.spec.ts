import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./helpers";
import { tr } from "./i18n";
import { checkWatchedPages, inDays, signedIn } from "./people";

test.afterEach(checkWatchedPages);

const PHONE = { javaScriptEnabled: false, viewport: { width: 360, height: 740 } };

/** A small real PDF: the signature is what the server checks. */
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

for (const lang of ["es", "en"] as const) {
  test(`${lang}: a facilitator publishes a course with a PDF from a phone without JavaScript; a reader finds it and downloads the PDF`, async ({
    browser,
  }) => {
    // Long journeys with an 11 MB upload: slow on a shared two-core machine.
    test.setTimeout(240_000);
    const t = (ns: string, key: string, values?: Record<string, string | number>) =>
      tr(lang, ns, key, values);
    const stamp = `${Date.now() % 1_000_000}-${lang}`;
    const titleEs = `Turismo comunitario en la laguna ${stamp}`;
    const titleEn = `Community tourism on the lagoon ${stamp}`;
    const title = lang === "en" ? titleEn : titleEs;
    const locale = lang === "en" ? "en-US" : "es-EC";

    // The facilitator, on a 360 px phone without JavaScript.
    const phone = await signedIn(browser, "facilitador@minga.example", { ...PHONE, locale });
    await phone.goto("/courses");
    await phone.getByRole("link", { name: t("courses", "newCourse") }).click();
    const choose = phone.getByLabel(t("courses", "form.platform"));
    if (await choose.isVisible()) {
      await choose.selectOption("putumayo-aguarico");
      await phone.getByRole("button", { name: t("courses", "form.continue") }).click();
    }
    await phone.getByLabel(t("courses", "form.titleEs")).fill(titleEs);
    await phone.getByLabel(t("courses", "form.titleEn")).fill(titleEn);
    await phone
      .getByLabel(t("courses", "form.descriptionEs"))
      .fill("Cómo recibir visitantes en la comunidad.\n\n- Guianza\n- Cocina local");
    await phone.getByLabel(t("courses", "form.topic"), { exact: true }).selectOption("tourism");
    await phone.getByLabel(t("courses", "form.startDate"), { exact: true }).fill(inDays(20));
    // An end before the start is refused beside the field, the typed title kept.
    await phone.getByLabel(t("courses", "form.endDate"), { exact: true }).fill(inDays(10));
    await phone.getByRole("button", { name: t("courses", "form.create") }).click();
    await expect(phone.getByText(t("courses", "errors.endBeforeStart"))).toBeVisible();
    await expect(phone.getByLabel(t("courses", "form.titleEs"))).toHaveValue(titleEs);
    await phone.getByLabel(t("courses", "form.endDate"), { exact: true }).fill(inDays(60));
    await phone.getByLabel(t("courses", "form.capacity")).fill("12");
    await phone.getByRole("button", { name: t("courses", "form.create") }).click();
    await expect(phone.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(phone.getByRole("status")).toHaveText(t("common", "notices.courseCreated"));
    const coursePath = new URL(phone.url()).pathname;

    // A lesson with a PDF.
    await phone.getByRole("link", { name: t("courses", "manage.lessons"), exact: true }).click();
    await phone.getByLabel(t("courses", "lessons.lessonTitle")).fill(`Recibir visitantes ${stamp}`);
    await phone
      .getByLabel(t("courses", "lessons.body"))
      .fill("**Antes** de la visita: agua limpia.");
    await phone.getByRole("button", { name: t("courses", "lessons.add") }).click();
    await expect(phone.getByRole("status")).toHaveText(t("common", "notices.lessonAdded"));
    await phone.getByRole("link", { name: `Recibir visitantes ${stamp}` }).click();
    await phone.getByRole("link", { name: t("courses", "materials.manage") }).click();
    // A file over 10 MB is refused beside the field (the body is cut at the door, the page
    // answers). Once is enough: the bytes cost time, the language does not change the rule.
    if (lang === "es") {
      await phone.getByLabel(t("courses", "materials.file"), { exact: true }).setInputFiles({
        name: "grande.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024, 0x20)]),
      });
      await phone.getByRole("button", { name: t("courses", "materials.upload") }).click();
      await expect(phone.getByText(t("courses", "errors.tooLarge"))).toBeVisible({
        timeout: 60_000,
      });
    }
    // An SVG is refused by its bytes, whatever it is called.
    await phone.getByLabel(t("courses", "materials.file"), { exact: true }).setInputFiles({
      name: "mapa.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      ),
    });
    await phone.getByRole("button", { name: t("courses", "materials.upload") }).click();
    await expect(phone.getByText(t("courses", "errors.wrongType"))).toBeVisible();
    await phone.getByLabel(t("courses", "materials.fileTitle")).fill(`Guía ${stamp}`);
    await phone.getByLabel(t("courses", "materials.file"), { exact: true }).setInputFiles({
      name: `guía de campo ${stamp}.pdf`,
      mimeType: "application/pdf",
      buffer: PDF,
    });
    await phone.getByRole("button", { name: t("courses", "materials.upload") }).click();
    await expect(phone.getByRole("status")).toHaveText(t("common", "notices.materialAdded"));
    await expect(phone.getByRole("link", { name: `Guía ${stamp}` })).toBeVisible();

    // Not in the catalogue while it is a draft.
    const reader = await browser.newContext({ ...PHONE, locale });
    const anonymous = await reader.newPage();
    expect((await anonymous.goto(coursePath))?.status()).toBe(404);

    // Published.
    await phone.goto(`${coursePath}/edit`);
    await phone.getByRole("button", { name: t("courses", "publish") }).click();
    await expect(phone.getByRole("status")).toHaveText(t("common", "notices.coursePublished"));
    await expect(phone.getByRole("heading", { level: 1 })).toHaveText(title);

    // A reader without an account finds it with the topic filter and downloads the PDF.
    await anonymous.goto("/courses");
    await anonymous.getByLabel(t("courses", "filters.topic")).selectOption("tourism");
    await anonymous.getByRole("button", { name: t("courses", "filters.apply") }).click();
    await expect(anonymous).toHaveURL(/[?&]topic=tourism/);
    await anonymous.getByRole("link", { name: title }).click();
    await expect(anonymous.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(
      anonymous.getByRole("link", { name: t("enrolment", "panel.loginToEnrol") }),
    ).toBeVisible();
    await expect(
      anonymous.getByText(t("courses", "completionRuleValue", { percent: 75 })),
    ).toBeVisible();
    const [download] = await Promise.all([
      anonymous.waitForEvent("download"),
      anonymous.getByRole("link", { name: `Guía ${stamp}` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`guía de campo ${stamp}.pdf`);
    expect(
      readFileSync((await download.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const href = await anonymous.getByRole("link", { name: `Guía ${stamp}` }).getAttribute("href");
    const response = await anonymous.request.get(href!);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(response.headers()["content-security-policy"]).toContain("sandbox");
    expect(response.headers()["content-disposition"]).toContain("filename*=UTF-8''gu%C3%ADa");
    await reader.close();

    // Both pages pass axe (with JavaScript, as axe needs it), the filter form included.
    const viewerContext = await browser.newContext({ locale });
    const viewer = await viewerContext.newPage();
    await viewer.goto("/courses?topic=tourism");
    await expectNoAxeViolations(viewer);
    await viewer.goto(coursePath);
    await expect(viewer.getByRole("heading", { level: 1 })).toHaveText(title);
    await expectNoAxeViolations(viewer);
    await viewerContext.close();
  });
}
