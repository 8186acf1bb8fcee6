import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The text of each page of a PDF printed by Chromium, read by poppler's `pdftotext` (installed
 * by `.ci/run`): a real PDF reader, because a home-made one mixed up the glyphs of a second
 * font and failed on machines whose fonts differ.
 */
export function pdfPagesText(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), "minga-pdf-"));
  try {
    const file = join(dir, "printed.pdf");
    writeFileSync(file, pdf);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    // Pages end with a form feed; the last one leaves an empty tail.
    return text.split("\f").slice(0, -1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
