import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { canonicalGwValues, diffGwValues, GW_COLUMNS, gwCountryCode, mapGwCharacteristics, mapGwSector, parseGwCsv } from "~/domain/gw-dataset.ts";

const MEXICO = readFileSync(resolve(import.meta.dirname, "../../seeds/reference/gw-mexico-cases-2012-2021.csv"));
const HEADER = GW_COLUMNS.join(",");

describe("parseGwCsv", () => {
  it("reads the 154 Mexico rows with no invalid row", () => {
    const result = parseGwCsv(MEXICO);
    if (!result.ok) throw new Error(result.problem);
    expect(result.records).toHaveLength(154);
    expect(result.invalid).toEqual([]);
    const row = result.records.find((r) => r.values.externalId === "recYEAwiVaLvDjov4")!;
    expect(row.line).toBe(3);
    expect(row.values).toMatchObject({
      occurredOn: "2012-03-15",
      victimName: "Bernardo Vásquez Sánchez",
      sector: "mining_extractives",
      perpetratorType: "hitmen",
      characteristics: ["indigenous"],
      countryCode: "MX",
      outcome: "killed",
      unmapped: null,
    });
  });

  it("reports each bad row with its line and reason, and keeps the good ones", () => {
    const text = [
      HEADER,
      "a1,2019-02-03,Ana,Female,30,Indigenous peoples,Logging,Police,Americas,Colombia,170,Cauca,1",
      ",2019-02-03,Sin id,Male,,,,,Americas,Colombia,170,,1",
      "a3,2019-02-30,Fecha,Male,,,,,Americas,Colombia,170,,1",
      "a4,2019-02-03,Corto,Male",
      "a5,03/02/2019,Formato,Male,,,,,Americas,Colombia,170,,1",
      "a1,2019-02-04,Repetido,Male,,,,,Americas,Colombia,170,,1",
      "a7,2019-02-03,Edad,Male,old,,,,Americas,Colombia,170,,1",
      'a8,2019-02-03,"Varias\nlíneas",Male,,,,,Americas,Atlantis,999,,1',
      "a9,2020-01-01,Bien,Male,,,Agribusiness,Hitmen,Americas,Brazil,076,Pará,1",
      "",
    ].join("\n");
    const result = parseGwCsv(text);
    if (!result.ok) throw new Error(result.problem);
    expect(result.records.map((r) => [r.line, r.values.externalId, r.values.countryCode])).toEqual([
      [2, "a1", "CO"],
      [11, "a9", "BR"],
    ]);
    expect(result.invalid.map((r) => [r.line, r.reason, r.id])).toEqual([
      [3, "missingId", null],
      [4, "badDate", "a3"],
      [5, "columnCount", "a4"],
      [6, "badDate", "a5"],
      [7, "duplicateId", "a1"],
      [8, "badAge", "a7"],
      [9, "unknownCountry", "a8"],
    ]);
    expect(result.invalid.find((r) => r.reason === "duplicateId")?.detail).toBe("2");
    expect(result.rows).toBe(9);
  });

  it("names rows with bytes that are not UTF-8, and reads the rest", () => {
    const good = Buffer.from(`${HEADER}\nb1,2018-05-06,José,Male,,,,,Americas,Mexico,484,Oaxaca,1\n`);
    const latin1 = Buffer.from("b2,2018-05-07,Jos\xe9,Male,,,,,Americas,Mexico,484,Oaxaca,1\n", "latin1");
    const result = parseGwCsv(Buffer.concat([good, latin1]));
    if (!result.ok) throw new Error(result.problem);
    expect(result.records.map((r) => r.values.victimName)).toEqual(["José"]);
    expect(result.invalid).toEqual([{ line: 3, id: "b2", reason: "encoding", detail: null }]);
  });

  it("refuses a file that is not the dataset, naming the missing columns", () => {
    expect(parseGwCsv("<html><body>Not found</body></html>")).toMatchObject({ ok: false, problem: "header", line: 1 });
    expect(parseGwCsv("id,date\n1,2020-01-01\n")).toMatchObject({ ok: false, problem: "header", detail: expect.stringContaining("name") });
    expect(parseGwCsv("")).toMatchObject({ ok: false, problem: "empty" });
  });

  it("refuses a file cut off in the middle of a row", () => {
    const whole = `${HEADER}\nc1,2018-05-06,José,Male,,,,,Americas,Mexico,484,Oaxaca,1\nc2,2018-05-07,Ma`;
    expect(parseGwCsv(whole)).toMatchObject({ ok: false, problem: "truncated", line: 3 });
    expect(parseGwCsv(`${HEADER}\nc1,2018-05-06,"José`)).toMatchObject({ ok: false, problem: "truncated" });
  });

  it("takes off the formula guard a CSV writer put on a cell", () => {
    const result = parseGwCsv(`${HEADER}\nd1,2018-05-06,'=Nombre,Male,,,,,Americas,Mexico,484,,1\n`);
    expect(result.ok && result.records[0].values.victimName).toBe("=Nombre");
  });
});

describe("category texts", () => {
  it("maps Global Witness's texts whatever their case, spacing or footnote star", () => {
    expect(mapGwSector("Sector could not be confirmed*")).toEqual({ code: "unconfirmed", unknown: null });
    expect(mapGwSector("sector could not be confirmed")).toEqual({ code: "unconfirmed", unknown: null });
    expect(mapGwSector(" Mining &  Extractives ")).toEqual({ code: "mining_extractives", unknown: null });
    expect(mapGwSector("")).toEqual({ code: "unconfirmed", unknown: null });
  });

  it("keeps a text Vigía does not know as other, with the text, never dropped", () => {
    expect(mapGwSector("Tourism")).toEqual({ code: "other", unknown: "Tourism" });
    expect(mapGwCharacteristics("Indigenous peoples; Trade unionist")).toEqual({ codes: ["indigenous", "other"], unknown: ["Trade unionist"] });
    const result = parseGwCsv(`${HEADER}\ne1,2021-01-01,X,Non-binary,,Trade unionist,Tourism,Militia,Asia,Philippines,608,Mindanao,2\n`);
    if (!result.ok) throw new Error(result.problem);
    expect(result.records[0].values).toMatchObject({
      gender: "other",
      sector: "other",
      perpetratorType: "other",
      characteristics: ["other"],
      countryCode: "PH",
      stateCode: null,
      regionRaw: "Mindanao",
      victimCount: 2,
      unmapped: { gender: "Non-binary", industry_driver: "Tourism", perpetrator_type: "Militia", person_characteristics: ["Trade unionist"] },
    });
  });

  it("finds countries by ISO numeric code, else by name", () => {
    expect(gwCountryCode("484", "Mexico")).toBe("MX");
    expect(gwCountryCode("76", "")).toBe("BR");
    expect(gwCountryCode("", "DRC")).toBe("CD");
    expect(gwCountryCode("", "Honduras")).toBe("HN");
    expect(gwCountryCode("999", "Atlantis")).toBeNull();
  });
});

describe("comparing values", () => {
  it("gives the same text for the same values and lists the fields that differ", () => {
    const result = parseGwCsv(MEXICO);
    if (!result.ok) throw new Error(result.problem);
    const a = result.records[0].values;
    expect(canonicalGwValues({ ...a })).toBe(canonicalGwValues(a));
    const b = { ...a, age: 41, sector: "logging" as const };
    expect(diffGwValues(a, b)).toEqual([
      { field: "age", before: a.age, after: 41 },
      { field: "sector", before: a.sector, after: "logging" },
    ]);
  });
});

describe("the country filter", () => {
  it("reads codes and 'all', and treats Mexico alone as the default", async () => {
    const { parseIncidentFilter, filterCountries } = await import("~/domain/incident-filter.ts");
    const read = (q: string) => parseIncidentFilter(new URLSearchParams(q));
    expect(read("country=HN&country=GT").filter.countries).toEqual(["HN", "GT"]);
    expect(read("country=MX").filter.countries).toBeUndefined();
    expect(read("country=all&country=HN").filter.countries).toEqual(["all"]);
    expect(read("country=XX").problems).toEqual([{ param: "country", value: "XX", reason: "unknownCode" }]);
    expect(filterCountries({})).toEqual(["MX"]);
    expect(filterCountries({ countries: ["all"] })).toBeNull();
  });
});
