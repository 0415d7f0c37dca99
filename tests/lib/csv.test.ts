import { describe, expect, it } from "vitest";
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
