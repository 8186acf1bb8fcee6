import { createInstance } from "i18next";
import { lookupKey, memoizeTranslations } from "./memo-translations.server";

const resources = {
  es: {
    common: {
      hi: "Hola {{name}}",
      people_one: "{{count}} persona",
      people_other: "{{count}} personas",
    },
    votes: { vote: "Votar", only: "Solo en español" },
  },
  en: {
    common: {
      hi: "Hello {{name}}",
      people_one: "{{count}} person",
      people_other: "{{count}} people",
    },
    votes: { vote: "Vote" },
  },
};

// One instance per request, as entry.server.tsx makes them, all on the same strings.
async function request(lng: string, memoize = true) {
  const i18n = createInstance();
  await i18n.init({
    lng,
    fallbackLng: "es",
    defaultNS: "common",
    ns: ["common", "votes"],
    interpolation: { escapeValue: false },
    resources,
  });
  if (memoize) memoizeTranslations(i18n);
  return { i18n };
}

const calls: [string, Record<string, unknown>?][] = [
  ["hi", { name: "Ana" }],
  ["hi", { name: "Luis" }],
  ["people", { count: 0 }],
  ["people", { count: 1 }],
  ["people", { count: 7 }],
  ["votes:vote"],
  ["vote", { ns: "votes" }],
  ["only", { ns: ["common", "votes"] }],
  ["missing.key"],
  ["hi", { name: "Ana", lng: "en" }],
];

describe("translations kept for the life of the process", () => {
  it("give what i18next gives, in each language, whether first asked or kept", async () => {
    for (const lng of ["es", "en", "es", "en"]) {
      const plain = await request(lng, false);
      const kept = await request(lng);
      for (const [key, options] of calls)
        expect(kept.i18n.t(key, options), `${lng} ${key} ${JSON.stringify(options)}`).toBe(
          plain.i18n.t(key, options),
        );
    }
  });

  it("serve react-i18next's fixed functions too", async () => {
    const plain = await request("en", false);
    for (let round = 0; round < 2; round++) {
      const kept = await request("en");
      const t = kept.i18n.getFixedT(null, ["votes", "common"]);
      const expected = plain.i18n.getFixedT(null, ["votes", "common"]);
      expect(t("vote")).toBe("Vote");
      expect(t("people", { count: 2 })).toBe(expected("people", { count: 2 }));
      expect(t("only")).toBe("Solo en español");
    }
  });

  it("leave alone lookups with values that are not plain (React nodes, objects, functions)", async () => {
    expect(lookupKey("es", "hi", { name: { first: "Ana" } })).toBeNull();
    expect(lookupKey("es", "hi", { name: () => "Ana" })).toBeNull();
    expect(lookupKey("es", ["hi", "people"], {})).toBeNull();
    const { i18n } = await request("es");
    expect(i18n.t("hi", { name: { toString: () => "Ana" } })).toBe("Hola Ana");
    expect(i18n.t("hi", { name: { toString: () => "Eva" } })).toBe("Hola Eva");
  });

  it("tell apart values that print alike and languages", () => {
    const keys = [
      lookupKey("es", "people", { count: 1 }),
      lookupKey("es", "people", { count: "1" }),
      lookupKey("en", "people", { count: 1 }),
      lookupKey("es", "people", { ns: ["a", "b"] }),
      lookupKey("es", "people", { ns: "a\u0000\u0000b" }),
      lookupKey("es", "people"),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});
