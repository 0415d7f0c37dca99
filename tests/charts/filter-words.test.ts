import { describe, expect, it } from "vitest";
import { describeFilter, yearsInWords } from "~/charts/filter-words.ts";
import { chartContext } from "./context.ts";

describe("describeFilter", () => {
  it("says what is counted when nothing is filtered", () => {
    expect(describeFilter({}, chartContext())).toBe("all years; all outcomes; Global Witness records and verified staff records");
  });

  it("names every active filter with translated labels and state names", () => {
    const filter = {
      yearFrom: 2015,
      yearTo: 2021,
      states: ["OAX", "unknown"],
      sectors: ["mining_extractives"],
      perpetrators: ["police", "private_military"],
      characteristics: ["indigenous"],
      genders: ["female"],
      outcomes: ["killed"],
      origins: ["gw_dataset"],
      verification: ["verified"],
    };
    expect(describeFilter(filter, chartContext())).toBe(
      "2015–2021; states: Oaxaca and State not identified; sector: Mining and extractives; perpetrator: Police and Private military actors; person: Indigenous peoples; gender: Female; outcome: Killed; origin: Global Witness dataset; verification: Verified",
    );
    expect(describeFilter(filter, chartContext("es"))).toContain("estados: Oaxaca y Estado no identificado; sector: Minería");
    expect(describeFilter(filter, chartContext("fr"))).toContain("États : Oaxaca et État non identifié ; secteur : Mines");
  });

  it("says which countries are counted when the reader chose other than Mexico, with the names the server made", () => {
    // Country names travel with the chart data (made on the server: browsers and Node name some countries differently).
    const names = (lng: "en" | "fr", countryNames: Record<string, string>) => ({ ...chartContext(lng), countryNames });
    expect(describeFilter({ countries: ["HN", "GT"] }, names("en", { HN: "Honduras", GT: "Guatemala" }))).toBe(
      "all years; countries: Honduras and Guatemala; all outcomes; Global Witness records and verified staff records",
    );
    expect(describeFilter({ countries: ["all"] }, chartContext("es"))).toContain("todos los años; todos los países;");
    expect(describeFilter({ countries: ["MX"] }, names("fr", { MX: "Mexique" }))).toContain("pays : Mexique");
    // Without a name from the server the code stands, never a name computed while rendering.
    expect(describeFilter({ countries: ["HN"] }, chartContext())).toContain("countries: HN;");
  });

  it("uses the span a time axis shows when given", () => {
    expect(describeFilter({}, chartContext(), { from: 2012, to: 2025 })).toMatch(/^2012–2025; /);
    expect(yearsInWords(2015, undefined, chartContext())).toBe("from 2015");
    expect(yearsInWords(undefined, 2018, chartContext("es"))).toBe("hasta 2018");
    expect(yearsInWords(2020, 2020, chartContext())).toBe("2020");
  });
});
