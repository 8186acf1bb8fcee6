import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { oneChunkPerBurst } from "./one-chunk.server";

describe("a rendered page on its way out", () => {
  it("arrives whole and intact, however it was cut (characters split across chunks)", async () => {
    const html = Buffer.from("<html><body><p>Acción ñandú — 5 €</p></body></html>");
    for (let cut = 1; cut < html.length; cut++)
      expect(
        await text(
          Readable.from([html.subarray(0, cut), html.subarray(cut)]).pipe(oneChunkPerBurst()),
        ),
      ).toBe(html.toString());
    const bytes = [...html].map((b) => Buffer.from([b]));
    expect(await text(Readable.from(bytes).pipe(oneChunkPerBurst()))).toBe(html.toString());
  });

  it("leaves what is written in one go as one chunk, and a later part as soon as it is written", async () => {
    const transform = oneChunkPerBurst();
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
    expect(Buffer.concat(out).toString()).toBe(`${page.join("")}<p>después</p></body></html>`);
  });
});
