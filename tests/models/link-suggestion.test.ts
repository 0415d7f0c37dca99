import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { createLinkSuggestionJob, runLinkSuggestionJob } from "~/models/link-job.server.ts";
import { decideLink, linkIncidentByHand, suggestLinksForIncident } from "~/models/link.server.ts";

const MINING = ["AP-I-MIN", "AP-I-RESPMIN", "CSP-MIN-COMPLY", "CA-MX-MOU-MIN-2017"];

async function provisionId(code: string) {
  return (await prisma.provision.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
}

async function linksOf(incidentId: string) {
  const rows = await prisma.incidentProvisionLink.findMany({ where: { incidentId }, include: { provision: { select: { code: true } } } });
  return new Map(rows.map((r) => [r.provision.code, r]));
}

async function runAll() {
  const { job } = await createLinkSuggestionJob(null);
  const done = await runLinkSuggestionJob(job.id);
  expect(done?.status).toBe("done");
  return done!;
}

async function staffId() {
  return (await prisma.user.findUniqueOrThrow({ where: { email: "staff@vigia.test" } })).id;
}

async function newIncident(data: Partial<Parameters<typeof prisma.incident.create>[0]["data"]> & { characteristics?: string[]; sourceTitles?: string[] }) {
  const { characteristics = [], sourceTitles = [], ...rest } = data;
  return prisma.incident.create({
    data: {
      origin: "staff",
      occurredOn: new Date("2026-02-10T00:00:00Z"),
      year: 2026,
      sector: "unconfirmed",
      perpetratorType: "unspecified",
      outcome: "threat",
      verificationStatus: "verified",
      ...rest,
      characteristics: { create: characteristics.map((code) => ({ code })) },
      sources: { create: sourceTitles.map((title, position) => ({ title, position })) },
    } as any,
  });
}

describe("bulk suggestions on the seeded Global Witness records", () => {
  let first: Awaited<ReturnType<typeof runAll>>;
  beforeAll(async () => {
    first = await runAll();
  });

  it("processes every case record and records the run", async () => {
    const total = await prisma.incident.count({ where: { deletedAt: null } });
    expect(first).toMatchObject({ processed: total, total, status: "done" });
    expect(first.created).toBe(await prisma.incidentProvisionLink.count());
  });

  it("suggests the mining provisions for every one of the 27 mining and extractives cases, naming the rule", async () => {
    const mining = await prisma.incident.findMany({ where: { origin: "gw_dataset", sector: "mining_extractives" }, select: { id: true } });
    expect(mining).toHaveLength(27);
    for (const { id } of mining) {
      const links = await linksOf(id);
      for (const code of MINING) {
        const link = links.get(code);
        expect(link, `${id} -> ${code}`).toBeDefined();
        expect(link!.status).toBe("suggested");
        expect(link!.method).toBe("rule");
        expect(JSON.parse(link!.rulesFired!)).toContain("sector-mining");
        expect(link!.score).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it("gives no mining provision to a case with no mining, no company and no state actor", async () => {
    const cases = await prisma.incident.findMany({
      where: {
        origin: "gw_dataset",
        sector: { not: "mining_extractives" },
        companyCountry: null,
        perpetratorType: { in: ["hitmen", "unspecified", "organised_crime", "landowners"] },
      },
      select: { id: true },
    });
    expect(cases.length).toBeGreaterThan(50);
    const mining = await prisma.incidentProvisionLink.count({
      where: { incidentId: { in: cases.map((c) => c.id) }, provision: { code: { in: [...MINING, "AP-III-SECDIAL", "CA-CORE"] } } },
    });
    expect(mining).toBe(0);
    // They still bear on the defender provisions.
    const escazu = await prisma.incidentProvisionLink.count({ where: { incidentId: { in: cases.map((c) => c.id) }, provision: { code: "ESCAZU-ART9" } } });
    expect(escazu).toBe(cases.length);
  });

  it("suggests the security dialogue for cases by police, armed forces or private military actors", async () => {
    const security = await prisma.incident.findMany({
      where: { origin: "gw_dataset", perpetratorType: { in: ["police", "armed_forces", "private_military", "private_security"] } },
      select: { id: true },
    });
    expect(security).toHaveLength(21);
    const links = await prisma.incidentProvisionLink.count({ where: { incidentId: { in: security.map((s) => s.id) }, provision: { code: "AP-III-SECDIAL" } } });
    expect(links).toBe(21);
  });

  it("keeps every decision, creates no duplicate, and changes nothing else when run again", async () => {
    const actorId = await staffId();
    const mining = await prisma.incident.findFirstOrThrow({ where: { origin: "gw_dataset", sector: "mining_extractives" }, orderBy: { externalId: "asc" } });
    const links = await linksOf(mining.id);
    const accepted = links.get("AP-I-MIN")!;
    const rejected = links.get("CA-MX-MOU-MIN-2017")!;
    expect(
      (await decideLink({ linkId: accepted.id, decision: "accepted", rationale: "Killed in a mining conflict", actorId, expectedStatus: "suggested" })).ok,
    ).toBe(true);
    expect(
      (
        await decideLink({
          linkId: rejected.id,
          decision: "rejected",
          rationale: "The memorandum predates nothing relevant here",
          actorId,
          expectedStatus: "suggested",
        })
      ).ok,
    ).toBe(true);
    const manual = await linkIncidentByHand({
      incidentId: mining.id,
      provisionId: await provisionId("CSP-GAP-HRD"),
      rationale: "No commitment covers him",
      actorId,
    });
    expect(manual.ok).toBe(true);

    const before = await prisma.incidentProvisionLink.findMany({ orderBy: { id: "asc" } });
    const second = await runAll();
    expect(second).toMatchObject({ created: 0, updated: 0, removed: 0 });
    const after = await prisma.incidentProvisionLink.findMany({ orderBy: { id: "asc" } });
    expect(after).toEqual(before);

    const now = await linksOf(mining.id);
    expect(now.get("AP-I-MIN")).toMatchObject({ status: "accepted", rationale: "Killed in a mining conflict", reviewedById: actorId });
    expect(now.get("CA-MX-MOU-MIN-2017")).toMatchObject({ status: "rejected" });
    expect(now.get("CSP-GAP-HRD")).toMatchObject({ status: "accepted", method: "person" });
    // One link per case and provision, everywhere.
    const pairs = await prisma.incidentProvisionLink.groupBy({ by: ["incidentId", "provisionId"], _count: { _all: true } });
    expect(pairs.every((p) => p._count._all === 1)).toBe(true);
  });
});

describe("suggestLinksForIncident, as the case form calls it", () => {
  it("uses the description and the source titles, in Spanish and English, on a new case", async () => {
    const incident = await newIncident({
      sector: "mining_extractives",
      perpetratorType: "private_security",
      companyName: "Minera Ejemplo S.A.",
      companyCountry: "CA",
      description: "Guardias de seguridad de la minera canadiense lo amenazaron por oponerse a las concesiones mineras en territorio de comunidades indígenas.",
      characteristics: ["indigenous"],
      sourceTitles: ["Community leader threatened near open-pit mines"],
    });
    const result = await prisma.$transaction((tx) => suggestLinksForIncident(tx, incident.id));
    const links = await linksOf(incident.id);
    expect(result.created).toBe(links.size);
    for (const code of ["CA-CORE", "CA-NCP-OECD", "CA-VAR", "CA-RBC-2022"]) expect(JSON.parse(links.get(code)!.rulesFired!)).toContain("company-canada");
    expect(JSON.parse(links.get("AP-III-SECDIAL")!.rulesFired!)).toEqual(["security-actor"]);
    expect(JSON.parse(links.get("AP-II-INCL")!.rulesFired!)).toEqual(["indigenous-land-conflict"]);
    const comply = links.get("CSP-MIN-COMPLY")!;
    const terms = JSON.parse(comply.matchedTerms!);
    expect(terms.map((t: any) => `${t.lang}:${t.term}`)).toEqual(expect.arrayContaining(["en:mine", "es:minera canadiense"]));
    expect(terms.find((t: any) => t.term === "mine").found).toEqual(["mines"]);
    const min = JSON.parse(links.get("AP-I-MIN")!.matchedTerms!);
    expect(min.find((t: any) => t.term === "concesión minera").found).toEqual(["concesiones mineras"]);
    expect(comply.score).toBeGreaterThan(1);
    const npa = JSON.parse(links.get("AP-IV-NPA")!.matchedTerms!);
    expect(npa.find((t: any) => t.term === "comunidad indígena").found).toEqual(["comunidades indígenas"]);
  });

  it("updates a suggestion's explanation after an edit, withdraws what no longer applies, and never touches decisions", async () => {
    const actorId = await staffId();
    const incident = await newIncident({ sector: "mining_extractives", perpetratorType: "police" });
    await prisma.$transaction((tx) => suggestLinksForIncident(tx, incident.id));
    let links = await linksOf(incident.id);
    expect(links.has("AP-I-RESPMIN") && links.has("AP-III-SECDIAL") && links.has("AP-I-MIN")).toBe(true);
    await decideLink({
      linkId: links.get("AP-I-MIN")!.id,
      decision: "accepted",
      rationale: "Mining conflict, confirmed by the community",
      actorId,
      expectedStatus: "suggested",
    });
    await decideLink({
      linkId: links.get("AP-III-SECDIAL")!.id,
      decision: "rejected",
      rationale: "Police were not involved after all",
      actorId,
      expectedStatus: "suggested",
    });

    // The case is corrected: not mining after all, police confirmed absent, text added.
    await prisma.incident.update({
      where: { id: incident.id },
      data: { sector: "logging", perpetratorType: "hitmen", description: "Defendía el bosque; la Guardia Nacional no intervino." },
    });
    const result = await prisma.$transaction((tx) => suggestLinksForIncident(tx, incident.id));
    links = await linksOf(incident.id);
    expect(links.has("AP-I-RESPMIN")).toBe(false); // undecided suggestion withdrawn
    expect(result.removed).toBeGreaterThanOrEqual(3);
    expect(links.get("AP-I-MIN")).toMatchObject({ status: "accepted", rationale: "Mining conflict, confirmed by the community" });
    // A rejected link stays rejected even though its text now matches.
    expect(links.get("AP-III-SECDIAL")).toMatchObject({ status: "rejected", rulesFired: JSON.stringify(["security-actor"]) });
    const npa = links.get("AP-IV-NPA")!;
    expect(npa).toMatchObject({ status: "suggested", method: "text" });
    expect(JSON.parse(npa.matchedTerms!).map((t: any) => t.term)).toEqual(["bosque"]);

    // A suggestion's explanation is refreshed when the text changes.
    await prisma.incident.update({ where: { id: incident.id }, data: { description: "Defendía el bosque y la reserva de la biosfera." } });
    const again = await prisma.$transaction((tx) => suggestLinksForIncident(tx, incident.id));
    expect(again.updated).toBeGreaterThanOrEqual(1);
    const refreshed = (await linksOf(incident.id)).get("AP-IV-NPA")!;
    expect(refreshed.id).toBe(npa.id);
    expect(JSON.parse(refreshed.matchedTerms!).map((t: any) => t.term)).toEqual(["reserva de la biosfera", "bosque"]);
    expect(refreshed.score).toBe(1.5);
  });

  it("does nothing for a deleted or unknown case", async () => {
    const incident = await newIncident({ sector: "mining_extractives", deletedAt: new Date() });
    expect(await prisma.$transaction((tx) => suggestLinksForIncident(tx, incident.id))).toEqual({ created: 0, updated: 0, removed: 0, keptDecisions: 0 });
    expect(await prisma.$transaction((tx) => suggestLinksForIncident(tx, "no-such-case"))).toMatchObject({ created: 0 });
  });

  it("rolls back with the transaction that calls it", async () => {
    const incident = await newIncident({ sector: "mining_extractives" });
    await expect(
      prisma.$transaction(async (tx) => {
        await suggestLinksForIncident(tx, incident.id);
        throw new Error("the case form failed to save");
      }),
    ).rejects.toThrow("the case form failed");
    expect(await prisma.incidentProvisionLink.count({ where: { incidentId: incident.id } })).toBe(0);
  });
});
