// CSV that spreadsheet programs open correctly: RFC 4180 quoting, CRLF line
// ends, and a UTF-8 byte-order mark so that Excel reads "Michoacán" and
// "Ciudad de México" as written instead of guessing a legacy encoding.
export type CsvCell = string | number | null | undefined;

const BOM = "\uFEFF";

/** Text a spreadsheet would run as a formula is prefixed with an apostrophe (CSV injection); numbers are left alone. */
function guard(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : guard(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: CsvCell[][]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
