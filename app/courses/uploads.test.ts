import { cleanFileName, contentDisposition, isWebLink, sniffType } from "./uploads";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)),
  );

describe("sniffType: the type is what the first bytes say", () => {
  it.each([
    ["a PDF", bytes("%PDF-1.7\n%âãÏÓ"), "application/pdf"],
    ["a PNG", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), "image/png"],
    ["a JPEG", bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], "JFIF\0"), "image/jpeg"],
    ["a WebP", bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 "), "image/webp"],
    ["an SVG", bytes('<svg xmlns="http://www.w3.org/2000/svg">'), null],
    ["an SVG with an XML prolog", bytes('<?xml version="1.0"?><svg>'), null],
    ["HTML", bytes("<!DOCTYPE html><script>"), null],
    ["a ZIP", bytes("PK", [3, 4, 20, 0, 0, 0, 0, 0, 0, 0]), null],
    ["a RIFF that is not WebP (WAV)", bytes("RIFF", [0x24, 0, 0, 0], "WAVEfmt "), null],
    ["PDF text not at the start", bytes(" %PDF-1.4 padding"), null],
    ["nothing", bytes(), null],
  ])("%s → %s", (_name, head, type) => {
    expect(sniffType(head)).toBe(type);
  });
});

describe("cleanFileName: the offered name never carries a path or a trick", () => {
  it.each([
    ["guía de campo.pdf", "application/pdf", "guía de campo.pdf"],
    ["../../etc/passwd", "application/pdf", "passwd.pdf"],
    ["..\\..\\windows\\win.ini", "application/pdf", "win.pdf"],
    ["C:\\Users\\ana\\mapa.png", "image/png", "mapa.png"],
    ["informe.pdf.exe", "application/pdf", "informe.pdf.pdf"],
    [".htaccess", "application/pdf", "htaccess.pdf"],
    ['foto\u0000\r\n"x".jpeg', "image/jpeg", "fotox.jpg"],
    ["", "image/webp", "material.webp"],
    ["...", "application/pdf", "material.pdf"],
    [`${"a".repeat(300)}.pdf`, "application/pdf", `${"a".repeat(116)}.pdf`],
  ] as const)("%j → %j", (raw, type, expected) => {
    expect(cleanFileName(raw, type)).toBe(expected);
  });
});

describe("contentDisposition", () => {
  it("offers an ASCII fallback and the exact UTF-8 name (RFC 5987)", () => {
    expect(contentDisposition("guía de campo (1).pdf")).toBe(
      `attachment; filename="guia de campo (1).pdf"; filename*=UTF-8''gu%C3%ADa%20de%20campo%20%281%29.pdf`,
    );
  });
  it("never lets a quote or backslash end the quoted name", () => {
    expect(contentDisposition('a"b\\c.pdf')).toMatch(/^attachment; filename="a_b_c\.pdf"; /);
  });
});

describe("isWebLink", () => {
  it.each([
    ["https://example.org/guia.pdf", true],
    ["http://example.org", true],
    ["javascript:alert(1)", false],
    ["data:text/html,<script>", false],
    ["ftp://example.org/file", false],
    ["//example.org", false],
    ["example.org", false],
    ["https://", false],
  ])("%s → %s", (url, expected) => {
    expect(isWebLink(url)).toBe(expected);
  });
});
