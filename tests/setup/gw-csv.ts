// Global Witness dataset files for tests: the reference Mexico file, and rows made to order.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { GW_COLUMNS, type GwColumn } from "~/domain/gw-dataset.ts";

export const MEXICO_CSV_PATH = resolve(import.meta.dirname, "../../seeds/reference/gw-mexico-cases-2012-2021.csv");
export const mexicoCsv = () => readFileSync(MEXICO_CSV_PATH, "utf8");

export type GwRowInput = Partial<Record<GwColumn, string>> & { id: string };

export function gwRow(row: GwRowInput): string {
  const full: Record<GwColumn, string> = {
    date: "2020-06-15",
    name: "",
    gender: "Male",
    age: "",
    person_characteristics: "",
    industry_driver: "Agribusiness",
    perpetrator_type: "Unspecified",
    continent: "Americas",
    country: "Honduras",
    country_numeric: "340",
    local_region: "",
    number_of_victims: "1",
    ...row,
  };
  return GW_COLUMNS.map((c) => {
    const v = full[c];
    return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }).join(",");
}

export function gwCsv(rows: (GwRowInput | string)[]): string {
  return [GW_COLUMNS.join(","), ...rows.map((r) => (typeof r === "string" ? r : gwRow(r)))].join("\n") + "\n";
}

/** The Mexico file with some of its rows changed (by id, column -> new text). */
export function mexicoCsvWith(changes: Record<string, Partial<Record<GwColumn, string>>>): string {
  const [header, ...lines] = mexicoCsv().trimEnd().split("\n");
  const cols = header.split(",");
  return (
    [
      header,
      ...lines.map((line) => {
        const cells = line.split(",");
        const change = changes[cells[0]];
        if (!change) return line;
        for (const [k, v] of Object.entries(change)) cells[cols.indexOf(k)] = v!;
        return cells.join(",");
      }),
    ].join("\n") + "\n"
  );
}
