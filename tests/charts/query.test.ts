import { describe, expect, it } from "vitest";
import { chartQueryString, chartQueryToParams, indigenousShareScope, lethalScope, miningScope, parseChartQuery, reconciliationScope } from "~/charts/query.ts";

describe("parseChartQuery", () => {
  it("reads the case-record filters and the choice of published value", () => {
    const { query, problems } = parseChartQuery(new URLSearchParams("from=2015&to=2021&sector=mining_extractives&state=OAX,GRO&figures=first"));
    expect(problems).toEqual([]);
    expect(query).toEqual({ filter: { yearFrom: 2015, yearTo: 2021, sectors: ["mining_extractives"], states: ["OAX", "GRO"] }, figures: "first" });
  });

  it("defaults to revised figures and no filter", () => {
    expect(parseChartQuery(new URLSearchParams(""))).toEqual({ query: { filter: {}, figures: "revised" }, problems: [] });
  });

  it("falls back to the unfiltered view when any filter is wrong, listing every problem", () => {
    const { query, problems } = parseChartQuery(new URLSearchParams("from=abc&to=2010&state=XX&sector=mining_extractives&figures=latest"));
    expect(query).toEqual({ filter: {}, figures: "revised" });
    expect(problems).toEqual([
      { param: "from", value: "abc", reason: "notYear" },
      { param: "state", value: "XX", reason: "unknownCode" },
      { param: "figures", value: "latest", reason: "unknownCode" },
    ]);
    const reversed = parseChartQuery(new URLSearchParams("from=2020&to=2012"));
    expect(reversed.problems.map((p) => p.reason)).toEqual(["yearOrder"]);
    expect(reversed.query.filter).toEqual({});
  });

  it("writes the query back in a stable order, language last, and reads it again the same", () => {
    const { query } = parseChartQuery(new URLSearchParams("sector=logging&from=2013&figures=first&state=OAX"));
    const params = chartQueryToParams(query, "es");
    expect(params.toString()).toBe("from=2013&state=OAX&sector=logging&figures=first&lng=es");
    expect(parseChartQuery(params).query).toEqual(query);
    expect(chartQueryString({ filter: {}, figures: "revised" })).toBe("");
    expect(chartQueryString({ filter: {}, figures: "revised" }, "fr")).toBe("?lng=fr");
  });
});

describe("chart scopes", () => {
  it("count only killed and disappeared where a chart compares with Global Witness", () => {
    expect(lethalScope({ sectors: ["logging"] })).toEqual({ sectors: ["logging"], outcomes: ["killed", "disappeared"] });
    expect(lethalScope({ outcomes: ["disappeared", "threat"] })).toEqual({ outcomes: ["disappeared"] });
    expect(lethalScope({ outcomes: ["threat"] })).toBeNull();
  });

  it("keep only the years, origin and verification for the reconciliation", () => {
    expect(
      reconciliationScope({ yearFrom: 2014, sectors: ["logging"], states: ["OAX"], origins: ["staff"], verification: ["verified"], outcomes: ["threat"] }),
    ).toEqual({ yearFrom: 2014, origins: ["staff"], verification: ["verified"], outcomes: ["killed", "disappeared"] });
  });

  it("drop the person filter for the Indigenous share and fix the sector for mining", () => {
    expect(indigenousShareScope({ characteristics: ["indigenous"], genders: ["female"] })).toEqual({
      genders: ["female"],
      outcomes: ["killed", "disappeared"],
    });
    expect(miningScope({ sectors: ["logging"], yearFrom: 2015 })).toEqual({ sectors: ["mining_extractives"], yearFrom: 2015 });
  });
});
