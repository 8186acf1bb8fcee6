import { readFileSync } from "node:fs";
import path from "node:path";
import { createInstance, type TFunction } from "i18next";
import { createElement, Fragment } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { i18nOptions } from "./config";
import { memoizeTranslations } from "./memo-translations.server";
import { namespaces, resources, supportedLanguages } from "./resources.server";
import { sourceFiles } from "~/test/source-files";
import { useTranslation } from "./use-translation";

async function instance(lng: string) {
  const i18n = createInstance();
  await i18n.init({
    ...i18nOptions,
    lng,
    ns: namespaces,
    supportedLngs: supportedLanguages,
    resources,
  });
  memoizeTranslations(i18n);
  return i18n;
}

const common = resources.es.common as { formerMember: string };
const commonEn = resources.en.common as { formerMember: string };

describe("useTranslation (the portal's own)", () => {
  it("translates in the language of the page being rendered, for every namespace", async () => {
    const seen: TFunction[] = [];
    function Name() {
      const { t } = useTranslation("common");
      seen.push(t);
      return createElement("b", null, t("formerMember"));
    }
    function Prefixed() {
      const { t, i18n } = useTranslation();
      return createElement("i", { lang: i18n.language }, t("common:formerMember"));
    }
    const page = () =>
      createElement(
        Fragment,
        null,
        createElement(Name),
        createElement(Name),
        createElement(Prefixed),
      );
    const render = async (lng: string) =>
      renderToString(createElement(I18nextProvider, { i18n: await instance(lng) }, page()));
    expect(await render("es")).toBe(
      `<b>${common.formerMember}</b><b>${common.formerMember}</b><i lang="es">${common.formerMember}</i>`,
    );
    expect(await render("en")).toBe(
      `<b>${commonEn.formerMember}</b><b>${commonEn.formerMember}</b><i lang="en">${commonEn.formerMember}</i>`,
    );
    // One function a namespace for a page's render, shared by its components; another page's own.
    expect(seen[0]).toBe(seen[1]);
    expect(seen[2]).toBe(seen[3]);
    expect(seen[0]).not.toBe(seen[2]);
  });

  it("is the one every component uses (react-i18next's builds a new function each call)", () => {
    const offenders = sourceFiles().filter(
      (file) =>
        !file.endsWith(path.join("i18n", "use-translation.ts")) &&
        /import\s*\{[^}]*\buseTranslation\b[^}]*\}\s*from\s*"react-i18next"/.test(
          readFileSync(file, "utf8"),
        ),
    );
    expect(offenders).toEqual([]);
  });
});
