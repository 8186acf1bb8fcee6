import { createInstance } from "i18next";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import {
  appendBeforeBodyEnd,
  trackNamespaces,
  translationsBlock,
} from "./inline-translations.server";

async function through(chunks: Buffer[], block = "<script>X</script>") {
  return text(Readable.from(chunks).pipe(appendBeforeBodyEnd(() => block)));
}

describe("the translations a page carries", () => {
  it("go just before </body>, however the HTML is cut into chunks, characters intact", async () => {
    const html = Buffer.from("<html><body><p>Acción ñandú — 5 €</p></body></html>");
    const expected = "<html><body><p>Acción ñandú — 5 €</p><script>X</script></body></html>";
    for (let cut = 1; cut < html.length; cut++)
      expect(await through([html.subarray(0, cut), html.subarray(cut)])).toBe(expected);
    const bytes = [...html].map((b) => Buffer.from([b]));
    expect(await through(bytes)).toBe(expected);
  });

  it("leave what is written in one go as one chunk, and a later part as soon as it is written", async () => {
    const transform = appendBeforeBodyEnd(() => "<script>X</script>");
    const out: Buffer[] = [];
    transform.on("data", (chunk: Buffer) => out.push(chunk));
    const tick = () => new Promise((resolve) => setImmediate(resolve));
    // React writes a page as a burst of ~2 KB chunks: one write to gzip and the socket.
    const page = Array.from({ length: 40 }, (_, i) => `<p>${i}${"ñ".repeat(1000)}</p>`);
    for (const part of page) transform.write(Buffer.from(part));
    await tick();
    expect(out).toHaveLength(1);
    // A part written later (a streamed page) is not kept waiting for the end.
    transform.write(Buffer.from("<p>después</p>"));
    await tick();
    expect(out).toHaveLength(2);
    transform.end(Buffer.from("</body></html>"));
    await tick();
    expect(Buffer.concat(out).toString()).toBe(
      `${page.join("")}<p>después</p><script>X</script></body></html>`,
    );
  });

  it("are only the namespaces the render read, and cannot close their script early", async () => {
    const i18n = createInstance();
    await i18n.init({
      lng: "es",
      defaultNS: "common",
      resources: {
        es: {
          common: { hi: "Hola" },
          votes: { evil: "</script><script>alert(1)</script>" },
          courses: { title: "Cursos" },
        },
      },
    });
    const { used } = trackNamespaces(i18n);
    i18n.t("votes:evil");
    expect(used()).toEqual(["common", "votes"]);
    const block = translationsBlock(i18n, used(), "abc123");
    expect(block).toMatch(/^<script type="application\/json" id="i18n-data" nonce="abc123">/);
    expect(block.match(/<\/script>/g)).toHaveLength(1);
    const json = JSON.parse(block.replace(/^<script[^>]*>/, "").replace(/<\/script>$/, "")) as {
      lng: string;
      resources: Record<string, Record<string, string>>;
    };
    expect(json.lng).toBe("es");
    expect(Object.keys(json.resources)).toEqual(["common", "votes"]);
    expect(json.resources.votes.evil).toBe("</script><script>alert(1)</script>");
  });

  it("are written once per language and namespaces, for every page of the same strings only", async () => {
    const resources = {
      es: { common: { hi: "Hola" }, votes: { vote: "Votar" } },
      en: { common: { hi: "Hello" }, votes: { vote: "Vote" } },
    };
    const instance = async (lng: string, res: typeof resources = resources) => {
      const i18n = createInstance();
      await i18n.init({ lng, defaultNS: "common", resources: res });
      return i18n;
    };
    const strings = (block: string) =>
      JSON.parse(block.replace(/^<script[^>]*>/, "").replace(/<\/script>$/, "")) as {
        lng: string;
        resources: Record<string, Record<string, string>>;
      };
    // Two requests in Spanish: the same strings, each with its own nonce.
    const a = translationsBlock(await instance("es"), ["common", "votes"], "n1");
    const b = translationsBlock(await instance("es"), ["common", "votes"], "n2");
    expect(a).toContain('nonce="n1"');
    expect(b).toContain('nonce="n2"');
    expect(a.replace("n1", "n2")).toBe(b);
    // Another language, another set of namespaces, other strings: never a kept one.
    expect(strings(translationsBlock(await instance("en"), ["common", "votes"])).resources).toEqual(
      resources.en,
    );
    expect(
      Object.keys(strings(translationsBlock(await instance("es"), ["common"])).resources),
    ).toEqual(["common"]);
    const other = { ...resources, es: { common: { hi: "Buenas" }, votes: { vote: "Elegir" } } };
    expect(
      strings(translationsBlock(await instance("es", other), ["common", "votes"])).resources,
    ).toEqual(other.es);
  });
});
