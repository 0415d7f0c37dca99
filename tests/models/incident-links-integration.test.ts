// Logging or editing a case suggests its links to commitments in the same
// transaction, and an edit never undoes a person's decision.
import { describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { validateIncident } from "~/models/incident.schema.ts";
import { updateIncident } from "~/models/incident.server.ts";
import { makeIncident, staffId, validIncidentValues } from "../setup/incidents.ts";

async function linksOf(incidentId: string) {
  const rows = await prisma.incidentProvisionLink.findMany({ where: { incidentId }, include: { provision: { select: { code: true } } } });
  return new Map(rows.map((r) => [r.provision.code, r]));
}

describe("links suggested when a case is logged or edited", () => {
  it("a new mining case with a Canadian company gets the mining and Canadian-remedy provisions, with the rules named", async () => {
    const id = await makeIncident((v) => {
      v.sector = "mining_extractives";
      v.company = { name: "Minera del Norte", country: "CA" };
      v.description = "Amenazas contra la comunidad indígena que se opone a la concesión minera.";
    });
    const links = await linksOf(id);
    for (const code of ["AP-I-MIN", "CSP-MIN-COMPLY", "CA-CORE", "CA-NCP-OECD", "ESCAZU-ART9", "MX-LEY-2012"]) {
      expect(links.get(code)?.status, code).toBe("suggested");
    }
    expect(JSON.parse(links.get("AP-I-MIN")!.rulesFired!)).toContain("sector-mining");
    expect(JSON.parse(links.get("AP-I-MIN")!.matchedTerms!).length).toBeGreaterThan(0);
  });

  it("an edit re-explains suggestions from the new facts and keeps accepted links as decided", async () => {
    const id = await makeIncident((v) => {
      v.sector = "mining_extractives";
      v.company = { name: "", country: "" };
    });
    const before = await linksOf(id);
    expect(before.get("AP-I-MIN")?.status).toBe("suggested");
    await prisma.incidentProvisionLink.update({ where: { id: before.get("ESCAZU-ART9")!.id }, data: { status: "accepted", rationale: "Checked by hand" } });

    const edited = validateIncident(
      validIncidentValues((v) => {
        v.sector = "agribusiness";
        v.perpetratorType = "police";
      }),
    );
    if (!edited.ok) throw new Error("fixture invalid");
    const current = await prisma.incident.findUniqueOrThrow({ where: { id } });
    expect((await updateIncident(id, current.version, edited.data, await staffId())).ok).toBe(true);

    const after = await linksOf(id);
    expect(after.get("AP-I-MIN"), "a mining suggestion nothing supports any more is withdrawn").toBeUndefined();
    expect(after.get("AP-III-SECDIAL")?.status).toBe("suggested");
    expect(after.get("ESCAZU-ART9")).toMatchObject({ status: "accepted", rationale: "Checked by hand" });
  });
});
