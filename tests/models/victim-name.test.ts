// The case pages and the commitments pages apply one rule to a victim's name
// (app/domain/victim-name.ts): the same case reads the same everywhere.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { getIncidentSummary, listIncidentsAwaitingReview } from "~/models/incident-summary.server.ts";
import { getIncidentPublic, listIncidents } from "~/models/incident.server.ts";
import { makeIncident } from "../setup/incidents.ts";

let withheld: string;
let unrecorded: string;

beforeAll(async () => {
  withheld = await makeIncident();
  unrecorded = await makeIncident();
  await prisma.incident.update({ where: { id: withheld }, data: { victimName: "Nombre Reservado", victimNamePublic: false, verificationStatus: "verified" } });
  await prisma.incident.update({ where: { id: unrecorded }, data: { victimName: null, victimNamePublic: false, verificationStatus: "verified" } });
});

async function everywhere(id: string, staff: boolean) {
  const list = await listIncidents({ filter: { origins: ["staff"] }, staff, size: 500 });
  const row = list.rows.find((r) => r.id === id)!;
  const summary = await getIncidentSummary(id, { includeUnpublished: staff, showWithheldNames: staff });
  const page = staff ? null : await getIncidentPublic(id);
  return [row, summary, page].filter(Boolean).map((r) => ({ victimName: r!.victimName, nameWithheld: r!.nameWithheld }));
}

describe("a victim's name, on every page that shows a case", () => {
  it("is withheld from readers and shown to staff, marked as withheld, on the case list, the case page and the commitments pages", async () => {
    for (const seen of await everywhere(withheld, false)) expect(seen).toEqual({ victimName: null, nameWithheld: true });
    for (const seen of await everywhere(withheld, true)) expect(seen).toEqual({ victimName: "Nombre Reservado", nameWithheld: true });
  });

  it("is unknown, not withheld, when none was recorded, on every page", async () => {
    for (const staff of [false, true]) for (const seen of await everywhere(unrecorded, staff)) expect(seen).toEqual({ victimName: null, nameWithheld: false });
  });

  it("is shown to staff in the review queue, which only staff open", async () => {
    await prisma.incidentProvisionLink.create({
      data: { incidentId: withheld, provisionId: (await prisma.provision.findFirstOrThrow()).id, method: "rule", status: "suggested" },
    });
    const queue = await listIncidentsAwaitingReview({ size: 500 });
    expect(queue.rows.find((r) => r.id === withheld)).toMatchObject({ victimName: "Nombre Reservado", nameWithheld: true });
  });
});
