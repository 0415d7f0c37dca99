import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { guardText, unguardText } from "~/lib/csv-guard.ts";
import { csvCell, toCsv } from "~/lib/csv.server.ts";

describe("CSV", () => {
  it("starts with a UTF-8 byte-order mark and ends every line with CRLF", () => {
    const csv = toCsv([
      ["Estado", "Personas"],
      ["Michoacán", 9],
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe("Estado,Personas\r\nMichoacán,9\r\n");
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it("quotes commas, quotes, line breaks and edge spaces", () => {
    expect(csvCell('Published, "revised"')).toBe('"Published, ""revised"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(" padded")).toBe('" padded"');
    expect(csvCell("plain")).toBe("plain");
  });

  it("writes empty cells for missing values and keeps negative numbers as numbers", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(-31)).toBe("-31");
    expect(csvCell(49.5)).toBe("49.5");
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("-1+2")).toBe("'-1+2");
    expect(csvCell("@SUM")).toBe("'@SUM");
  });
});

describe("CSV written by csv-stringify", () => {
  const read = (csv: string, delimiter = ",") => parse(csv, { bom: true, delimiter, relax_column_count: true }) as string[][];

  it("guards every formula start, also after leading whitespace, and leaves numbers alone", () => {
    for (const payload of ['=HYPERLINK("http://evil","x")', "+1", "-1+2", "@SUM(1)", "\t=1", "\r=1", "  =1+1", "\u00a0@A1", "\n+1", "＝1+1"]) {
      const cell = read(toCsv([[payload]]))[0][0];
      expect(cell, JSON.stringify(payload)).toBe(`'${payload}`);
    }
    expect(toCsv([[-1, 0, 2.5]]).slice(1)).toBe("-1,0,2.5\r\n");
    expect(toCsv([[NaN, Infinity]]).slice(1)).toBe(",\r\n");
    expect(csvCell("a = b")).toBe("a = b");
    expect(csvCell("2024-09-18")).toBe("2024-09-18");
  });

  it("quotes a lone line feed or carriage return, not only CRLF", () => {
    expect(toCsv([["a\nb", "c\rd", "e"]]).slice(1)).toBe('"a\nb","c\rd",e\r\n');
    expect(read(toCsv([["a\nb", "c\rd", "e"]]))).toEqual([["a\nb", "c\rd", "e"]]);
  });

  it("writes an empty row as an empty line, between header lines and a table", () => {
    expect(toCsv([["Title"], [], ["a", "b"]]).slice(1)).toBe("Title\r\n\r\na,b\r\n");
  });

  it("splits on semicolons when asked, quoting semicolons and leaving commas", () => {
    const csv = toCsv(
      [
        ["Estado", "Nota"],
        ["Michoacán", "uno; dos, tres"],
        ["Oaxaca", 1.5],
      ],
      { delimiter: ";" },
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('Estado;Nota\r\nMichoacán;"uno; dos, tres"\r\nOaxaca;1.5\r\n');
    expect(read(csv, ";")).toEqual([
      ["Estado", "Nota"],
      ["Michoacán", "uno; dos, tres"],
      ["Oaxaca", "1.5"],
    ]);
    expect(csvCell("=1", { delimiter: ";" })).toBe("'=1");
  });

  it("round-trips accents, Indigenous-language names and non-Latin scripts through csv-parse", () => {
    const rows = [
      ["Ciudad de México", "Ñuu Savi (mixteco)", "Œuvre « québécoise »"],
      ["Tlahuitoltepec", "Bëë’ Ayuujk", "Заявление"],
      ["日本語の本文", "مرحبا", '"comillas", comas\r\ny saltos'],
    ];
    const csv = toCsv(rows);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(read(new TextDecoder().decode(new TextEncoder().encode(csv)))).toEqual(rows);
    expect(read(toCsv(rows, { delimiter: ";" }), ";")).toEqual(rows);
  });

  it("reads back exactly what it guarded, apostrophes of the text included", () => {
    expect(guardText("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(guardText(" =1")).toBe("' =1");
    expect(guardText("\uFF1D1")).toBe("'\uFF1D1");
    // An apostrophe the text itself begins with, before a formula, is kept apart from the guard.
    expect(guardText("'=1")).toBe("''=1");
    expect(unguardText("''=1")).toBe("'=1");
    // Plain text and an apostrophe before plain text are left alone both ways.
    for (const plain of ["Ejido", "'Ndrangheta", "''", "'"]) {
      expect(guardText(plain)).toBe(plain);
      expect(unguardText(plain)).toBe(plain);
    }
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("'", "=", "+", "-", "@", " ", "\t", "\r", "a", "1", "\uFF1D") }),
        (text) => unguardText(guardText(text)) === text,
      ),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(fc.string(), (text) => unguardText(guardText(text)) === text));
  });
});
