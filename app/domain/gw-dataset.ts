// The Global Witness dataset of lethal attacks as Vigía reads it: its CSV
// (seeds/reference/gw-dataset-format.json), every row checked and mapped to
// Vigía's codes. The one mapping for the seed and every import. Pure: no
// database; the import engine (app/models/gw-import.server.ts) decides what to write.
import { parse } from "csv-parse/sync";
import { unguardText } from "~/lib/csv-guard.ts";
import type { GwUnmapped } from "./gw-unmapped.ts";
import { iso31661 } from "iso-3166";
import {
  GW_CHARACTERISTIC,
  GW_GENDER,
  GW_PERPETRATOR,
  GW_SECTOR,
  stateFromRegion,
  type Characteristic,
  type Gender,
  type PerpetratorType,
  type Sector,
} from "./taxonomy.ts";

export const GW_COLUMNS = [
  "id",
  "date",
  "name",
  "gender",
  "age",
  "person_characteristics",
  "industry_driver",
  "perpetrator_type",
  "continent",
  "country",
  "country_numeric",
  "local_region",
  "number_of_victims",
] as const;
export type GwColumn = (typeof GW_COLUMNS)[number];
export type GwRow = Record<GwColumn, string>;
export type { GwUnmapped } from "./gw-unmapped.ts";

/** Why a row cannot be imported; each has a translated explanation (admin.import.reasons). */
export const GW_ROW_PROBLEMS = [
  "columnCount",
  "encoding",
  "malformed",
  "missingId",
  "duplicateId",
  "badDate",
  "badAge",
  "badVictims",
  "unknownCountry",
] as const;
export type GwRowProblem = (typeof GW_ROW_PROBLEMS)[number];

export interface GwInvalidRow {
  /** Line of the file where the row starts (the header is line 1) */
  line: number;
  /** The row's Global Witness id, when it has one */
  id: string | null;
  reason: GwRowProblem;
  /** The offending value or a count, as found in the file */
  detail: string | null;
}

/** Why a whole file is refused (nothing of it is imported). */
export const GW_FILE_PROBLEMS = ["empty", "header", "malformed", "truncated"] as const;
export type GwFileProblem = (typeof GW_FILE_PROBLEMS)[number];

/** What one dataset row says about a case, in Vigía's codes. The values an import writes and compares. */
export interface GwIncidentValues {
  externalId: string;
  /** YYYY-MM-DD */
  occurredOn: string;
  datePrecision: "day";
  year: number;
  victimName: string | null;
  gender: Gender;
  age: number | null;
  characteristics: Characteristic[];
  sector: Sector;
  perpetratorType: PerpetratorType;
  /** The dataset records killings (disappearances are not flagged apart) */
  outcome: "killed";
  victimCount: number;
  countryCode: string;
  stateCode: string | null;
  regionRaw: string | null;
  unmapped: GwUnmapped | null;
}

export interface GwRecord {
  line: number;
  values: GwIncidentValues;
}

export type GwParseResult =
  { ok: true; records: GwRecord[]; invalid: GwInvalidRow[]; rows: number } | { ok: false; problem: GwFileProblem; line: number | null; detail: string | null };

/** The fields an import compares and shows side by side, in reading order. */
export const GW_FIELDS = [
  "occurredOn",
  "victimName",
  "gender",
  "age",
  "characteristics",
  "sector",
  "perpetratorType",
  "outcome",
  "victimCount",
  "countryCode",
  "stateCode",
  "regionRaw",
  "unmapped",
] as const satisfies readonly (keyof GwIncidentValues)[];
export type GwField = (typeof GW_FIELDS)[number];

// ---------- Category texts -> codes ----------

/** "Sector could not be confirmed*", " mining &  Extractives" -> one key: case, spacing and GW's footnote star do not matter. */
function foldCategory(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\*+\s*$/, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

function folded<T>(map: Record<string, T>): Map<string, T> {
  return new Map(Object.entries(map).map(([text, code]) => [foldCategory(text), code]));
}

const SECTOR_BY_TEXT = folded(GW_SECTOR);
const PERPETRATOR_BY_TEXT = folded(GW_PERPETRATOR);
const CHARACTERISTIC_BY_TEXT = folded(GW_CHARACTERISTIC);
const GENDER_BY_TEXT = folded<Gender>({ ...GW_GENDER, Unknown: "unknown", "Not known": "unknown", "N/A": "unknown" });

export interface Mapped<T> {
  code: T;
  /** The text as written when Vigía has no code for it (the code is then "other") */
  unknown: string | null;
}

/** An empty sector is one Global Witness could not confirm; a text Vigía does not know is "other", kept as written. */
export function mapGwSector(text: string): Mapped<Sector> {
  const key = foldCategory(text);
  if (!key) return { code: "unconfirmed", unknown: null };
  const code = SECTOR_BY_TEXT.get(key);
  return code ? { code, unknown: null } : { code: "other", unknown: text.trim() };
}

/** An empty perpetrator is unspecified; a text Vigía does not know is "other", kept as written. */
export function mapGwPerpetrator(text: string): Mapped<PerpetratorType> {
  const key = foldCategory(text);
  if (!key) return { code: "unspecified", unknown: null };
  const code = PERPETRATOR_BY_TEXT.get(key);
  return code ? { code, unknown: null } : { code: "other", unknown: text.trim() };
}

export function mapGwGender(text: string): Mapped<Gender> {
  const key = foldCategory(text);
  if (!key) return { code: "unknown", unknown: null };
  const code = GENDER_BY_TEXT.get(key);
  return code ? { code, unknown: null } : { code: "other", unknown: text.trim() };
}

/** Several characteristics per person, separated by ";" or ","; unknown ones become "other" and are kept as written. */
export function mapGwCharacteristics(text: string): { codes: Characteristic[]; unknown: string[] } {
  const codes = new Set<Characteristic>();
  const unknown: string[] = [];
  for (const part of text.split(/[;,]/)) {
    const key = foldCategory(part);
    if (!key) continue;
    const code = CHARACTERISTIC_BY_TEXT.get(key);
    if (code) codes.add(code);
    else {
      codes.add("other");
      if (!unknown.includes(part.trim())) unknown.push(part.trim());
    }
  }
  return { codes: [...codes].sort(), unknown };
}

// ---------- Countries ----------

const COUNTRY_BY_NUMERIC = new Map(iso31661.map((c) => [c.numeric, c.alpha2]));
const foldName = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, " ")
    .trim();
const COUNTRY_BY_NAME = new Map<string, string>([
  ...iso31661.map((c) => [foldName(c.name), c.alpha2] as [string, string]),
  ...iso31661.map((c) => [foldName(c.alpha3), c.alpha2] as [string, string]),
  // Names the dataset uses that differ from ISO 3166's own
  ...(
    [
      ["DRC", "CD"],
      ["Democratic Republic of Congo", "CD"],
      ["Democratic Republic of the Congo", "CD"],
      ["Republic of Congo", "CG"],
      ["Congo", "CG"],
      ["Bolivia", "BO"],
      ["Venezuela", "VE"],
      ["Tanzania", "TZ"],
      ["Iran", "IR"],
      ["Russia", "RU"],
      ["Vietnam", "VN"],
      ["Laos", "LA"],
      ["Syria", "SY"],
      ["Palestine", "PS"],
      ["South Korea", "KR"],
      ["United Kingdom", "GB"],
      ["United States", "US"],
      ["United States of America", "US"],
      ["Ivory Coast", "CI"],
      ["Cote d'Ivoire", "CI"],
      ["Taiwan", "TW"],
      ["Micronesia", "FM"],
      ["Moldova", "MD"],
    ] as const
  ).map(([name, code]) => [foldName(name), code] as [string, string]),
]);

/** ISO 3166-1 alpha-2 code of a row's country: by its numeric code, else by its name; null when neither is known. */
export function gwCountryCode(numeric: string, name: string): string | null {
  const digits = numeric.trim();
  if (/^\d{1,3}$/.test(digits)) {
    const code = COUNTRY_BY_NUMERIC.get(digits.padStart(3, "0"));
    if (code) return code;
  }
  return COUNTRY_BY_NAME.get(foldName(name)) ?? null;
}

// ---------- Rows ----------

function validDate(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1900) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** Checks one row and maps it to Vigía's codes; the problem when it cannot be imported. */
export function gwIncidentValues(row: GwRow): { ok: true; values: GwIncidentValues } | { ok: false; reason: GwRowProblem; detail: string | null } {
  const id = row.id.trim();
  if (!id) return { ok: false, reason: "missingId", detail: null };
  const occurredOn = validDate(row.date);
  if (!occurredOn) return { ok: false, reason: "badDate", detail: row.date };
  const ageText = row.age.trim();
  if (ageText && (!/^\d{1,3}$/.test(ageText) || Number(ageText) > 120)) return { ok: false, reason: "badAge", detail: row.age };
  const victimsText = row.number_of_victims.trim();
  if (victimsText && (!/^\d{1,6}$/.test(victimsText) || Number(victimsText) < 1)) return { ok: false, reason: "badVictims", detail: row.number_of_victims };
  const countryCode = gwCountryCode(row.country_numeric, row.country);
  if (!countryCode) return { ok: false, reason: "unknownCountry", detail: [row.country, row.country_numeric].filter((s) => s.trim()).join(" / ") || null };

  const sector = mapGwSector(row.industry_driver);
  const perpetrator = mapGwPerpetrator(row.perpetrator_type);
  const gender = mapGwGender(row.gender);
  const characteristics = mapGwCharacteristics(row.person_characteristics);
  const unmapped: GwUnmapped = {};
  if (gender.unknown) unmapped.gender = gender.unknown;
  if (sector.unknown) unmapped.industry_driver = sector.unknown;
  if (perpetrator.unknown) unmapped.perpetrator_type = perpetrator.unknown;
  if (characteristics.unknown.length) unmapped.person_characteristics = characteristics.unknown;
  const region = row.local_region.trim();
  return {
    ok: true,
    values: {
      externalId: id,
      occurredOn,
      datePrecision: "day",
      year: Number(occurredOn.slice(0, 4)),
      victimName: row.name.trim() || null,
      gender: gender.code,
      age: ageText ? Number(ageText) : null,
      characteristics: characteristics.codes,
      sector: sector.code,
      perpetratorType: perpetrator.code,
      outcome: "killed",
      victimCount: victimsText ? Number(victimsText) : 1,
      countryCode,
      // Regions name Mexican states only for Mexico; elsewhere the text is kept as written.
      stateCode: countryCode === "MX" ? stateFromRegion(region) : null,
      regionRaw: region || null,
      unmapped: Object.keys(unmapped).length ? unmapped : null,
    },
  };
}

/** The values as one canonical text: two rows saying the same thing give the same text. */
export function canonicalGwValues(v: GwIncidentValues): string {
  const ordered: Record<string, unknown> = { externalId: v.externalId };
  for (const f of GW_FIELDS) ordered[f] = v[f];
  return JSON.stringify(ordered);
}

/** Field-by-field difference between two sets of values; empty when they say the same. */
export function diffGwValues(
  before: Pick<GwIncidentValues, GwField>,
  after: Pick<GwIncidentValues, GwField>,
): { field: GwField; before: unknown; after: unknown }[] {
  const out: { field: GwField; before: unknown; after: unknown }[] = [];
  for (const field of GW_FIELDS) {
    const a = before[field] ?? null;
    const b = after[field] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ field, before: a, after: b });
  }
  return out;
}

function decode(input: string | Uint8Array): { text: string; clean: boolean } {
  if (typeof input === "string") return { text: input, clean: !input.includes("\uFFFD") };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(input), clean: true };
  } catch {
    // Not UTF-8 throughout: decode what can be, and name every row with an undecodable byte.
    return { text: new TextDecoder("utf-8").decode(input), clean: false };
  }
}

const countLines = (s: string) => (s.match(/\r\n|\n|\r/g) ?? []).length;

/**
 * Reads a dataset file: the header must name every column (in any order, extra
 * columns ignored); each row is checked on its own, so that a bad row is
 * reported with its line and the others can still be imported. A file that
 * is not this dataset, or that ends in the middle of a row (a cut-off
 * download), is refused whole.
 */
export function parseGwCsv(input: string | Uint8Array): GwParseResult {
  const { text, clean } = decode(input);
  if (!text.replace(/^\uFEFF/, "").trim()) return { ok: false, problem: "empty", line: null, detail: null };
  const skipped = new Map<number, string>();
  let unclosedQuote: number | null = null;
  let parsed: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    parsed = parse(text, {
      bom: true,
      // Any line ending, even mixed in one file (csv-parse would otherwise keep to the first one it meets).
      record_delimiter: ["\r\n", "\n", "\r"],
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error: { code?: string; lines?: number; message?: string } | undefined) => {
        if (error?.code === "CSV_QUOTE_NOT_CLOSED") unclosedQuote = error.lines ?? 0;
        else if (error?.lines !== undefined && !skipped.has(error.lines)) skipped.set(error.lines, error.message ?? "");
      },
    }) as unknown as typeof parsed;
  } catch (error) {
    const e = error as { code?: string; lines?: number; message?: string };
    return { ok: false, problem: e.code === "CSV_QUOTE_NOT_CLOSED" ? "truncated" : "malformed", line: e.lines ?? null, detail: e.message ?? null };
  }
  // An opening quote never closed: the file was cut off inside a value.
  if (unclosedQuote !== null) return { ok: false, problem: "truncated", line: unclosedQuote, detail: null };
  if (!parsed.length) return { ok: false, problem: "empty", line: null, detail: null };
  const header = parsed[0].record.map((h) => h.trim().toLowerCase());
  const missing = GW_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) return { ok: false, problem: "header", line: 1, detail: missing.join(", ") };
  const index = Object.fromEntries(GW_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<GwColumn, number>;

  const records: GwRecord[] = [];
  const invalid: GwInvalidRow[] = [];
  const firstLine = new Map<string, number>();
  const body = parsed.slice(1);
  for (const [i, { record, info, raw }] of body.entries()) {
    const line = info.lines - countLines(raw.replace(/(\r\n|\n|\r)$/, ""));
    const id = record[index.id]?.trim() || null;
    const bad = (reason: GwRowProblem, detail: string | null) => invalid.push({ line, id, reason, detail });
    if (record.length !== header.length) {
      // The last row of a file that does not end with a line break, short of columns: a cut-off file.
      if (i === body.length - 1 && record.length < header.length && !/[\r\n]$/.test(text)) {
        return { ok: false, problem: "truncated", line, detail: `${record.length}/${header.length}` };
      }
      bad("columnCount", `${record.length}/${header.length}`);
      continue;
    }
    if (!clean && raw.includes("\uFFFD")) {
      bad("encoding", null);
      continue;
    }
    const row = Object.fromEntries(GW_COLUMNS.map((c) => [c, unguardText(record[index[c]] ?? "")])) as GwRow;
    const result = gwIncidentValues(row);
    if (!result.ok) {
      bad(result.reason, result.detail);
      continue;
    }
    const seen = firstLine.get(result.values.externalId);
    if (seen !== undefined) {
      bad("duplicateId", String(seen));
      continue;
    }
    firstLine.set(result.values.externalId, line);
    records.push({ line, values: result.values });
  }
  for (const [line, message] of skipped) invalid.push({ line, id: null, reason: "malformed", detail: message });
  invalid.sort((a, b) => a.line - b.line);
  return { ok: true, records, invalid, rows: records.length + invalid.length };
}

// ---------- Codes -> the dataset's texts (exports in the dataset's own layout) ----------

function textOf<T extends string>(map: Record<string, T>): Map<T, string> {
  return new Map(Object.entries(map).map(([text, code]) => [code, text]));
}

const SECTOR_TEXT = textOf(GW_SECTOR);
const PERPETRATOR_TEXT = textOf(GW_PERPETRATOR);
const CHARACTERISTIC_TEXT = textOf(GW_CHARACTERISTIC);
const GENDER_TEXT = textOf(GW_GENDER);
const COUNTRY_BY_CODE = new Map(iso31661.map((c) => [c.alpha2, c]));

/** What a case record says, in Vigía's codes, that the dataset's columns can hold. */
export interface GwExportable {
  externalId: string | null;
  occurredOn: Date;
  victimName: string | null;
  gender: string;
  age: number | null;
  characteristics: string[];
  sector: string;
  perpetratorType: string;
  victimCount: number;
  countryCode: string;
  stateCode: string | null;
  regionRaw: string | null;
  unmapped: GwUnmapped | null;
}

/**
 * A case record as a row of the dataset's CSV, the inverse of gwIncidentValues:
 * a Global Witness record exported this way and read back by parseGwCsv gives
 * the values it was imported with. A code of "other" gives back the text the
 * dataset wrote (kept as unmapped); the continent is left empty (Vigía does not keep it).
 */
export function gwRowOf(r: GwExportable, stateName: (code: string) => string): GwRow {
  const unmapped = r.unmapped ?? {};
  const other = (code: string, texts: Map<string, string>, kept: string | undefined) => (code === "other" && kept ? kept : (texts.get(code) ?? code));
  const characteristics = r.characteristics.flatMap((code) =>
    code === "other" && unmapped.person_characteristics?.length ? unmapped.person_characteristics : [CHARACTERISTIC_TEXT.get(code as Characteristic) ?? code],
  );
  const country = COUNTRY_BY_CODE.get(r.countryCode);
  return {
    id: r.externalId ?? "",
    date: r.occurredOn.toISOString().slice(0, 10),
    name: r.victimName ?? "",
    gender: r.gender === "unknown" ? "" : other(r.gender, GENDER_TEXT as Map<string, string>, unmapped.gender),
    age: r.age === null ? "" : String(r.age),
    person_characteristics: characteristics.join("; "),
    industry_driver: other(r.sector, SECTOR_TEXT as Map<string, string>, unmapped.industry_driver),
    perpetrator_type: other(r.perpetratorType, PERPETRATOR_TEXT as Map<string, string>, unmapped.perpetrator_type),
    continent: "",
    country: country?.name ?? r.countryCode,
    country_numeric: country?.numeric ?? "",
    local_region: r.regionRaw ?? (r.stateCode ? stateName(r.stateCode) : ""),
    number_of_victims: String(r.victimCount),
  };
}
