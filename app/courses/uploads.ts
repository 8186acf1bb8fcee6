/**
 * Pure rules for course materials uploaded as files: what a file is (by its first bytes,
 * never by the name or the browser's claim), the name offered when downloading, and the
 * Content-Disposition header that offers it. See docs/decisions/013-catalogue-uploads.md.
 */

/** The largest file accepted, in bytes. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export const UPLOAD_TYPES = ["application/pdf", "image/png", "image/jpeg", "image/webp"] as const;
export type UploadType = (typeof UPLOAD_TYPES)[number];

/** How many leading bytes `sniffType` needs. */
export const SNIFF_BYTES = 12;

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/**
 * The type of a file from its first bytes, or null for anything else (SVG, HTML, scripts,
 * archives…). An SVG is text and never matches one of these signatures.
 */
export function sniffType(head: Uint8Array): UploadType | null {
  if (startsWith(head, ascii("%PDF-"))) return "application/pdf";
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(head, ascii("RIFF")) && startsWith(head, ascii("WEBP"), 8)) return "image/webp";
  return null;
}

const EXTENSIONS: Record<UploadType, string> = {
  "application/pdf": ".pdf",
  "image/png": ".png",
  "image/jpeg": ".jpg",
  "image/webp": ".webp",
};

/**
 * The name offered when downloading: the last path segment of what the browser sent,
 * without control characters, quotes, slashes or leading dots, at most 120 characters,
 * ending with the extension of the type the bytes really have.
 */
export function cleanFileName(raw: string | null | undefined, type: UploadType): string {
  const last = (raw ?? "").split(/[\\/]/).pop() ?? "";
  let name = last
    .normalize("NFC")
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f"*:<>?|;]/g, "")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+/, "")
    .trim();
  const ext = EXTENSIONS[type];
  const dot = name.lastIndexOf(".");
  const stem = (dot > 0 ? name.slice(0, dot) : name).trim().slice(0, 120 - ext.length);
  name = stem || "material";
  return `${name}${ext}`;
}

/**
 * `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266 / RFC 5987): an ASCII fallback
 * for old clients and the exact UTF-8 name for everyone else.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** A link material: only http and https addresses are ever offered. */
export function isWebLink(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && !!url.hostname;
  } catch {
    return false;
  }
}
