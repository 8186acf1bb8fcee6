/**
 * CSV for spreadsheets: one place that decides quoting and formula neutralization.
 * Excel reads the file as UTF-8 only with a BOM ("Sí", "Abstención"), and rows end in CRLF.
 */
export type CsvValue = string | number | null | undefined;

const BOM = "\uFEFF";

/**
 * One cell. Numbers stay numbers (a real -3 is not a formula); text starting with
 * = + - @ tab or CR gets a leading ' so a spreadsheet shows it instead of running it;
 * text with a separator, quote or line break is quoted.
 */
export function csvCell(value: CsvValue, separator = ","): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  const mustQuote = text.includes(separator) || /["\r\n]/.test(text);
  return mustQuote ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: BOM, cells joined by the separator, rows ended by CRLF. */
export function toCsv(rows: CsvValue[][], separator = ","): string {
  return (
    BOM + rows.map((r) => r.map((c) => csvCell(c, separator)).join(separator) + "\r\n").join("")
  );
}
