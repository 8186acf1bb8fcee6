import { inflateSync } from "node:zlib";

/**
 * Crude text of each page of a PDF printed by Chromium: its content streams (in page order)
 * drawn with hex glyph strings, read through the fonts' ToUnicode maps. Enough to check what
 * a printed page says; not a general PDF reader.
 */
export function pdfPagesText(pdf: Buffer): string[] {
  const streams: string[] = [];
  const raw = pdf.toString("latin1");
  const re = /(?<!end)stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf("endstream", start);
    if (end < 0) break;
    try {
      streams.push(inflateSync(pdf.subarray(start, end)).toString("latin1"));
    } catch {
      /* not a Flate stream (or not one we need) */
    }
    re.lastIndex = end;
  }
  const glyphs = new Map<string, string>();
  for (const s of streams.filter((x) => x.includes("begincmap"))) {
    for (const block of s.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const [, g, u] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        glyphs.set(g.toUpperCase(), unicode(u));
      }
    }
    for (const block of s.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const [, a, b, u] of block[1].matchAll(
        /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g,
      )) {
        const first = parseInt(u, 16);
        for (let g = parseInt(a, 16); g <= parseInt(b, 16); g++) {
          const key = g.toString(16).toUpperCase().padStart(a.length, "0");
          glyphs.set(key, String.fromCodePoint(first + g - parseInt(a, 16)));
        }
      }
    }
  }
  return streams
    .filter((s) => /\bBT\b/.test(s) && !s.includes("begincmap"))
    .map((s) =>
      [...s.matchAll(/\[([^\]]*)\]\s*TJ|<([0-9A-Fa-f]+)>\s*Tj/g)]
        .map(([, array, single]) =>
          (array ? [...array.matchAll(/<([0-9A-Fa-f]+)>/g)].map((x) => x[1]) : [single])
            .map((hex) => (hex.match(/.{4}/g) ?? []).map((g) => glyphs.get(g.toUpperCase()) ?? ""))
            .flat()
            .join(""),
        )
        .join(" "),
    );
}

function unicode(hex: string): string {
  const units = (hex.match(/.{4}/g) ?? []).map((u) => parseInt(u, 16));
  return String.fromCharCode(...units);
}
