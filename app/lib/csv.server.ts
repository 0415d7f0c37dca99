// The one CSV writer. Every CSV Vigía serves goes through toCsv, so that every
// one of them is RFC 4180 (csv-stringify does the quoting), ends lines with CRLF,
// starts with a UTF-8 byte-order mark (without it Excel guesses a legacy encoding
// and prints "MichoacÃ¡n"), and cannot carry a live formula: case records,
// provisions and rationales are typed by people, and a cell such as
// =HYPERLINK("http://…") would run when a reader opens the file.
import { stringify } from "csv-stringify/sync";
import { textStream } from "./http.server.ts";
import { guardText } from "./csv-guard.ts";

export type CsvCell = string | number | null | undefined;

export interface CsvOptions {
  /**
   * "," by default. ";" for spreadsheets set to French or Spanish regional
   * settings, which use the comma as decimal separator and split on semicolons.
   */
  delimiter?: "," | ";";
}

const BOM = "\uFEFF";

/** Text a spreadsheet would run as a formula, prefixed with an apostrophe (app/lib/csv-guard.ts); numbers stay numbers, a missing value stays empty. */
export function guardCell(value: CsvCell): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  return guardText(value);
}

function stringifyRows(rows: CsvCell[][], { delimiter = "," }: CsvOptions): string {
  return stringify(
    rows.map((row) => row.map(guardCell)),
    {
      delimiter,
      record_delimiter: "\r\n",
      // csv-stringify quotes a field holding the delimiter, a quote or the whole
      // record delimiter; a lone CR or LF, or spaces at either end (which
      // spreadsheet programs trim), must be quoted too.
      quoted_match: /[\r\n]|^\s|\s$/,
    },
  );
}

/** One cell as it appears in a CSV line (quoted and guarded). */
export function csvCell(value: CsvCell, options: CsvOptions = {}): string {
  return stringifyRows([[value]], options).slice(0, -2);
}

/** The rows as a CSV document: byte-order mark, one CRLF-terminated line per row (an empty row is an empty line). */
export function toCsv(rows: CsvCell[][], options: CsvOptions = {}): string {
  return BOM + stringifyRows(rows, options);
}

/**
 * The same document as toCsv, written batch by batch as the batches arrive: an
 * export of many rows never holds them all in memory (the byte-order mark first,
 * then each batch's lines).
 */
export function csvStream(batches: AsyncIterable<CsvCell[][]>, options: CsvOptions = {}): ReadableStream<Uint8Array> {
  return textStream(
    (async function* () {
      yield BOM;
      for await (const rows of batches) if (rows.length) yield stringifyRows(rows, options);
    })(),
  );
}
