// The SQL aggregates behind the trends charts, checked against direct counts.
import { describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import {
  countIncidentsByYearAndOutcome,
  countIncidentsWithCharacteristic,
  getIncidentOrigins,
  getIncidentYearBounds,
  GW_CASE_RECORDS,
} from "~/models/incident.server.ts";
import { getAnnualFigureYearBounds } from "~/models/published-figure.server.ts";
import { getSourcePublishedOn, SOURCE_KEYS } from "~/models/source.server.ts";
import { GW_DATASET_SOURCE_KEY } from "../../seeds/seed.ts";

describe("aggregates for the trends charts", () => {
  it("count people per year and outcome", async () => {
    const rows = await countIncidentsByYearAndOutcome(GW_CASE_RECORDS);
    expect(rows.every((r) => r.outcome === "killed")).toBe(true);
    expect(rows.find((r) => r.year === 2021)).toEqual({ year: 2021, outcome: "killed", people: 54 });
    expect(rows.reduce((s, r) => s + r.people, 0)).toBe(154);
  });

  it("count the people with a characteristic among those in scope", async () => {
    const { withCharacteristic, total } = await countIncidentsWithCharacteristic(GW_CASE_RECORDS, "indigenous");
    expect(total).toBe(154);
    const direct = await prisma.incident.count({ where: { origin: "gw_dataset", characteristics: { some: { code: "indigenous" } } } });
    expect(withCharacteristic).toBe(direct);
    expect(withCharacteristic).toBeGreaterThan(0);
    const scoped = await countIncidentsWithCharacteristic({ ...GW_CASE_RECORDS, states: ["OAX"] }, "indigenous");
    expect(scoped.total).toBe(43);
    expect(scoped.withCharacteristic).toBeLessThanOrEqual(43);
  });

  it("give the years covered by case records and by annual published figures", async () => {
    expect(await getIncidentYearBounds()).toEqual({ min: 2012, max: 2021 });
    expect(await getAnnualFigureYearBounds()).toEqual({ min: 2012, max: 2024 });
  });

  it("say when the records in scope last changed, per origin", async () => {
    const rows = await getIncidentOrigins(GW_CASE_RECORDS);
    expect(rows.map((r) => [r.origin, r.from, r.to])).toEqual([["gw_dataset", 2012, 2021]]);
    expect(rows[0].lastChanged).toBeInstanceOf(Date);
  });

  it("find the Global Witness dataset's source under the key the seed gives it", async () => {
    expect(SOURCE_KEYS.gwDataset).toBe(GW_DATASET_SOURCE_KEY);
    expect(await getSourcePublishedOn(SOURCE_KEYS.gwDataset)).toBe("2022-09-22");
    expect(await getSourcePublishedOn("no-such-source")).toBeNull();
  });
});
