import { describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { readCaseRows, seed, splitStatus } from "../../seeds/seed.ts";

async function counts() {
  return {
    sources: await prisma.source.count(),
    figures: await prisma.publishedFigure.count(),
    incidents: await prisma.incident.count(),
    characteristics: await prisma.incidentCharacteristic.count(),
    instruments: await prisma.instrument.count(),
    provisions: await prisma.provision.count(),
    milestones: await prisma.milestone.count(),
    users: await prisma.user.count(),
  };
}

describe("seed", () => {
  it("loads the 154 Global Witness case rows for Mexico 2012–2021 with their ids", async () => {
    expect(await prisma.incident.count({ where: { origin: "gw_dataset" } })).toBe(154);
    const ids = readCaseRows().map((r) => r.id);
    const stored = await prisma.incident.findMany({ select: { externalId: true } });
    expect(stored.map((s) => s.externalId).sort()).toEqual([...ids].sort());
    const first = await prisma.incident.findUniqueOrThrow({
      where: { externalId: "recYEAwiVaLvDjov4" },
      include: { characteristics: true, sources: true },
    });
    expect(first).toMatchObject({
      victimName: "Bernardo Vásquez Sánchez",
      sector: "mining_extractives",
      perpetratorType: "hitmen",
      outcome: "killed",
      year: 2012,
      countryCode: "MX",
    });
    expect(first.characteristics.map((c) => c.code)).toEqual(["indigenous"]);
    expect(first.sources[0].title).toMatch(/Global Witness/);
  });

  it("keeps the counts Global Witness publishes for its dataset", async () => {
    expect(await prisma.incident.count({ where: { sector: "mining_extractives" } })).toBe(27);
    expect(await prisma.incident.count({ where: { year: 2021 } })).toBe(54);
    expect(await prisma.incident.count({ where: { characteristics: { some: { code: "indigenous" } } } })).toBe(79);
  });

  it("keeps the region as written when it names no state", async () => {
    const row = await prisma.incident.findFirstOrThrow({ where: { regionRaw: "San Salvador" } });
    expect(row.stateCode).toBeNull();
    expect(await prisma.incident.count({ where: { stateCode: "OAX" } })).toBe(43);
  });

  it("stores the headline figures as published, with sources and 'at least'", async () => {
    const total = await prisma.publishedFigure.findUniqueOrThrow({ where: { key: "mx-2012-2024-total" }, include: { source: true } });
    expect(total).toMatchObject({ value: 222, atLeast: true, periodStart: 2012, periodEnd: 2024, metric: "killed_or_disappeared" });
    expect(total.source.publisher).toMatch(/PBI|Peace Brigades/);
    const indigenous = await prisma.publishedFigure.findUniqueOrThrow({ where: { key: "mx-2012-2024-indigenous" }, include: { parent: true } });
    expect(indigenous).toMatchObject({ value: 110, atLeast: true, status: "unconfirmed" });
    expect(indigenous.parent?.key).toBe("mx-2012-2024-total");
    const sub = await prisma.publishedFigure.findMany({ where: { parent: { key: "mx-2012-2024-indigenous" } }, orderBy: { value: "asc" } });
    expect(sub.map((f) => f.value)).toEqual([15, 17]);
    const byKey = async (key: string) => (await prisma.publishedFigure.findUniqueOrThrow({ where: { key } })).value;
    expect(await byKey("mx-2012-2024-mining")).toBe(42);
    expect(await byKey("mx-2012-2024-police-pma")).toBe(28);
    expect(await byKey("mx-annual-2024")).toBe(18);
    expect(await byKey("mx-annual-2024-disappeared")).toBe(1);
    expect(await prisma.publishedFigure.count({ where: { periodStart: 2024, periodEnd: 2024, scope: "country", metric: "killed", parentId: null } })).toBe(1);
    expect(await byKey("mx-indigenous-population-share")).toBe(0.19);
  });

  it("keeps annual figures both as first reported and as revised, with report names", async () => {
    const y2012 = await prisma.publishedFigure.findUniqueOrThrow({ where: { key: "mx-annual-2012" }, include: { revisedSource: true } });
    expect(y2012).toMatchObject({ value: null, revisedValue: 10, status: "unconfirmed", reportName: "Deadly Environment (covers 2002-2013)" });
    expect(y2012.revisedSource?.kind).toBe("dataset");
    const ww2017 = await prisma.publishedFigure.findUniqueOrThrow({ where: { key: "ww-annual-2017" } });
    expect(ww2017).toMatchObject({ value: 207, revisedValue: 201, reportName: "At What Cost?" });
    const d2021 = await prisma.publishedFigure.findUniqueOrThrow({ where: { key: "mx-annual-2021-disappeared" }, include: { parent: true } });
    expect(d2021.value).toBe(19);
    expect(d2021.parent?.key).toBe("mx-annual-2021");
  });

  it("seeds instruments, provisions with their status and gaps, and milestones", async () => {
    expect(await prisma.provision.count()).toBe(26);
    const gap = await prisma.provision.findUniqueOrThrow({ where: { code: "CSP-GAP-HRD" } });
    expect(gap).toMatchObject({ isGap: true, status: "unconfirmed" });
    expect(gap.summaryEs && gap.summaryFr).toBeTruthy();
    expect(await prisma.provision.count({ where: { status: "unconfirmed" } })).toBeGreaterThan(0);
    const escazu = await prisma.milestone.findFirstOrThrow({ where: { date: new Date("2021-04-22T00:00:00Z") }, include: { instrument: true } });
    expect(escazu.instrument?.code).toBe("ESCAZU");
    expect(await prisma.milestone.count()).toBe(6);
  });

  it("changes nothing when run again", async () => {
    const before = await counts();
    const stamp = await prisma.incident.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true, updatedAt: true } });
    const report = await seed(prisma, { demoUsers: true });
    expect(Object.values(report).every((n) => n === 0)).toBe(true);
    expect(await counts()).toEqual(before);
    const after = await prisma.incident.findUniqueOrThrow({ where: { id: stamp.id }, select: { updatedAt: true } });
    expect(after.updatedAt).toEqual(stamp.updatedAt);
  });

  it("never overwrites a record someone corrected in the app", async () => {
    const row = await prisma.incident.findFirstOrThrow({ where: { externalId: "recDbhANvghG4t1de" } });
    await prisma.incident.update({ where: { id: row.id }, data: { stateCode: "OAX", municipality: "San José del Progreso" } });
    await seed(prisma);
    expect(await prisma.incident.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ stateCode: "OAX", municipality: "San José del Progreso" });
  });

  it("has one demo user per role in the test database, with hashed passwords", async () => {
    const users = await prisma.user.findMany({ orderBy: { role: "asc" } });
    expect(users.map((u) => u.role)).toEqual(["admin", "staff", "viewer"]);
    for (const u of users) expect(u.passwordHash).toMatch(/^\$argon2id\$/);
  });
});

describe("splitStatus", () => {
  it("separates the status word from its qualifier", () => {
    expect(splitStatus("confirmed (press summary of plan text)")).toEqual({ status: "confirmed", note: "press summary of plan text" });
    expect(splitStatus("reported")).toEqual({ status: "reported", note: null });
    expect(splitStatus("something else").status).toBe("unconfirmed");
  });
});
