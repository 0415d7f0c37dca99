import { describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { parseIncidentFilter, incidentFilterToParams } from "~/domain/incident-filter.ts";
import { countIncidentsBy, countIncidentsBySector, GW_CASE_RECORDS } from "~/models/incident.server.ts";

describe("case-record aggregates", () => {
  it("counts people by sector in SQL, keeping the unconfirmed sector", async () => {
    const rows = await countIncidentsBySector(GW_CASE_RECORDS);
    const by = Object.fromEntries(rows.map((r) => [r.key, r.people]));
    expect(by.mining_extractives).toBe(27);
    expect(by.unconfirmed).toBeGreaterThan(0);
    expect(rows.reduce((s, r) => s + r.people, 0)).toBe(154);
  });

  it("agrees with a direct count for every year", async () => {
    const rows = await countIncidentsBy("year", GW_CASE_RECORDS);
    for (const r of rows) {
      expect(await prisma.incident.count({ where: { year: Number(r.key), origin: "gw_dataset" } })).toBe(r.records);
    }
  });

  it("leaves out soft-deleted records and unverified staff records by default", async () => {
    const before = (await countIncidentsBySector({})).reduce((s, r) => s + r.records, 0);
    await prisma.incident.create({
      data: {
        origin: "staff",
        occurredOn: new Date("2025-10-02T00:00:00Z"),
        year: 2025,
        sector: "mining_extractives",
        perpetratorType: "unspecified",
        outcome: "killed",
        verificationStatus: "reported",
      },
    });
    const victim = await prisma.incident.findFirstOrThrow({ where: { origin: "gw_dataset" } });
    await prisma.incident.update({ where: { id: victim.id }, data: { deletedAt: new Date() } });
    const after = (await countIncidentsBySector({})).reduce((s, r) => s + r.records, 0);
    expect(after).toBe(before - 1);
    const withReported = (await countIncidentsBySector({ verification: ["reported", "verified"] })).reduce((s, r) => s + r.records, 0);
    expect(withReported).toBe(before);
  });

  it("filters by state including records whose state is unknown", async () => {
    const unknown = await countIncidentsBy("stateCode", { ...GW_CASE_RECORDS, states: ["unknown"] });
    expect(unknown).toHaveLength(1);
    expect(unknown[0].key).toBeNull();
    expect(unknown[0].records).toBe(await prisma.incident.count({ where: { stateCode: null, origin: "gw_dataset", deletedAt: null } }));
  });
});

describe("parseIncidentFilter", () => {
  it("reads every filter from the URL and writes it back the same", () => {
    const params = new URLSearchParams("from=2015&to=2021&state=OAX&state=GRO&sector=mining_extractives&characteristic=indigenous");
    const { filter, problems } = parseIncidentFilter(params);
    expect(problems).toEqual([]);
    expect(filter).toEqual({ yearFrom: 2015, yearTo: 2021, states: ["OAX", "GRO"], sectors: ["mining_extractives"], characteristics: ["indigenous"] });
    expect(parseIncidentFilter(incidentFilterToParams(filter)).filter).toEqual(filter);
  });

  it("explains bad filters instead of failing, and drops them", () => {
    const { filter, problems } = parseIncidentFilter(new URLSearchParams("from=abc&to=2010&state=XX&sector=mining_extractives"));
    expect(problems).toEqual([
      { param: "from", value: "abc", reason: "notYear" },
      { param: "state", value: "XX", reason: "unknownCode" },
    ]);
    expect(filter).toEqual({ yearTo: 2010, sectors: ["mining_extractives"] });
    expect(parseIncidentFilter(new URLSearchParams("from=2020&to=2012")).problems[0].reason).toBe("yearOrder");
  });
});
