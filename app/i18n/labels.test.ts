import { getFixedT } from "./i18next.server";
import { labelsOf } from "./labels";

describe("labels repeated down a table", () => {
  it("are what t gives, in each language, each key looked up once", async () => {
    for (const locale of ["es", "en"]) {
      const t = await getFixedT(locale, "certificates");
      const asked: string[] = [];
      const label = labelsOf((key) => {
        asked.push(key);
        return t(key);
      });
      const keys = ["statuses.absent", "symbols.absent", "statuses.attended"];
      for (let row = 0; row < 30; row++) for (const key of keys) expect(label(key)).toBe(t(key));
      expect(asked).toEqual(keys);
      expect(label("statuses.absent")).not.toBe("statuses.absent");
    }
  });
});
