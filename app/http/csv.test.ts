import Papa from "papaparse";
import { csvCell, toCsv } from "./csv";

describe("csvCell", () => {
  it.each<[string | number | null, string]>([
    ["Sí", "Sí"],
    [12, "12"],
    [-3, "-3"],
    [0.5, "0.5"],
    [null, ""],
    ['=HYPERLINK("http://evil")', '"\'=HYPERLINK(""http://evil"")"'],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", '"\'\r=1"'],
    ["a,b", '"a,b"'],
    ['di "hola"', '"di ""hola"""'],
    ["línea\nnueva", '"línea\nnueva"'],
    ["solo\rCR", '"solo\rCR"'],
    ["a;b", "a;b"],
  ])("%j → %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
  it("quotes the separator in use", () => {
    expect(csvCell("a;b", ";")).toBe('"a;b"');
  });
});

describe("toCsv", () => {
  it("starts with a BOM, ends rows in CRLF, and reads back cell for cell", () => {
    const csv = toCsv([
      ["Opción", "Total"],
      ["Abstención", 3],
      ["=cmd|' /C calc'!A0", -1],
      ['dos\r\nlíneas, y "comillas"', 0],
    ]);
    expect(csv.startsWith("\uFEFFOpción,Total\r\n")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1).trimEnd(), { newline: "\r\n" }).data;
    expect(parsed).toEqual([
      ["Opción", "Total"],
      ["Abstención", "3"],
      ["'=cmd|' /C calc'!A0", "-1"],
      ['dos\r\nlíneas, y "comillas"', "0"],
    ]);
  });
});
