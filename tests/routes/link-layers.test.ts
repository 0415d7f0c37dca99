// Typed links and staff identities on fixed data: a reviewer's type is stored,
// shown, filtered and exported; a suggestion proposes a type from the dates; no
// reviewer name or rationale ever reaches an anonymous reader, on any page or export.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { proposeLinkType } from "~/domain/link-type.ts";
import { suggestLinksForIncident } from "~/models/link.server.ts";
import { action, loader as linksLoader } from "~/routes/incidents_.$id_.links.tsx";
import { loader as detailLoader } from "~/routes/provisions.$code._index.tsx";
import { loader as casesLoader } from "~/routes/provisions.$code.cases.tsx";
import { loader as matrixLoader } from "~/routes/matrix.tsx";
import { loader as matrixCsv } from "~/routes/matrix[.]csv.ts";
import { loader as scorecardCsv } from "~/routes/provisions.$code.scorecard[.]csv.ts";
import { getAs, postForm, signInAs, type TestSession } from "../setup/auth.ts";

const RATIONALE = "Quoted in the ombudsman's complaint about the mine at Zapotitlán";
let staff: TestSession;
let staffName: string;
let incidentId: string;
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });
const body = (data: unknown) => JSON.stringify(data);

beforeAll(async () => {
  staff = await signInAs("staff");
  staffName = (await prisma.user.findFirstOrThrow({ where: { email: "staff@vigia.test" } })).name;
  const incident = await prisma.incident.findFirstOrThrow({
    where: { origin: "gw_dataset", sector: "mining_extractives", year: 2019 },
    orderBy: { externalId: "asc" },
  });
  incidentId = incident.id;
  await prisma.$transaction((tx) => suggestLinksForIncident(tx, incidentId));
  const target = await prisma.incidentProvisionLink.findFirstOrThrow({ where: { incidentId, provision: { code: "AP-I-MIN" } } });
  const answer = await action(
    args(
      postForm(
        `http://localhost/incidents/${incidentId}/links`,
        { intent: "accept", linkId: target.id, expectedStatus: "suggested", rationale: RATIONALE, linkType: "alleged_breach" },
        staff,
      ),
      { id: incidentId },
    ),
  );
  expect((answer as Response).status).toBe(302);
});

describe("link types", () => {
  it("are proposed from the case's date against the commitment's, unless a rule names one", () => {
    expect(proposeLinkType(["by-date"], "2019-05-01", "2025-09-18")).toBe("context");
    expect(proposeLinkType(["by-date"], "2025-09-18", "2025-09-18")).toBe("in_scope");
    expect(proposeLinkType(["by-date"], "2019-05-01", null)).toBe("in_scope");
    expect(proposeLinkType(["by-date", "authority_response"], "2019-05-01", "2025-09-18")).toBe("authority_response");
  });

  it("are proposed by suggestions: a 2019 case is context for the 2025 partnership's mining commitment", async () => {
    const link = await prisma.incidentProvisionLink.findFirstOrThrow({ where: { incidentId, provision: { code: "CSP-MIN-COMPLY" } } });
    const provision = await prisma.provision.findUniqueOrThrow({ where: { code: "CSP-MIN-COMPLY" } });
    expect(link.status).toBe("suggested");
    expect(link.linkType).toBe(provision.madeOn && provision.madeOn > new Date("2019-12-31") ? "context" : "in_scope");
  });

  it("are stored as the reviewer chose, audited, shown, filtered and exported", async () => {
    const stored = await prisma.incidentProvisionLink.findFirstOrThrow({ where: { incidentId, provision: { code: "AP-I-MIN" } } });
    expect(stored).toMatchObject({ status: "accepted", linkType: "alleged_breach" });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: stored.id, action: "link_accept" } });
    expect(JSON.stringify(audit)).toContain("alleged_breach");

    const page = (await detailLoader(args(getAs("http://localhost/provisions/AP-I-MIN?type=alleged_breach"), { code: "AP-I-MIN" }))) as any;
    expect(page.linkType).toBe("alleged_breach");
    expect(page.accepted.map((l: any) => l.incidentId)).toEqual([incidentId]);
    expect(page.accepted[0].linkType).toBe("alleged_breach");
    expect(page.suggested).toEqual([]);

    const cases = (await casesLoader(args(getAs("http://localhost/provisions/AP-I-MIN/cases?year=2019&type=alleged_breach"), { code: "AP-I-MIN" }))) as any;
    expect(cases.cases.map((c: any) => [c.id, c.linkType])).toEqual([[incidentId, "alleged_breach"]]);

    const matrix = (await matrixLoader(args(getAs("http://localhost/matrix?from=2019&to=2019&type=alleged_breach")))) as any;
    const min = matrix.data.rows.find((r: any) => r.code === "AP-I-MIN");
    expect([min.accepted[0], min.suggested[0]]).toEqual([1, 0]);
    const csv = await ((await matrixCsv(args(getAs("http://localhost/matrix.csv?from=2019&to=2019&type=alleged_breach")))) as Response).text();
    expect(csv).toContain("cited as an alleged breach");
    expect(csv).toMatch(/\r\nAP-I-MIN,[^\r\n]*,1,0,1,0\r\n/);
  });

  it("refuse an unknown type without saving", async () => {
    const target = await prisma.incidentProvisionLink.findFirstOrThrow({ where: { incidentId, provision: { code: "ESCAZU-ART9" } } });
    const answer = (await action(
      args(
        postForm(
          `http://localhost/incidents/${incidentId}/links`,
          { intent: "accept", linkId: target.id, expectedStatus: "suggested", rationale: "ok ok", linkType: "breach!" },
          staff,
        ),
        { id: incidentId },
      ),
    )) as any;
    expect(answer.init?.status).toBe(400);
    expect((await prisma.incidentProvisionLink.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("suggested");
  });
});

describe("staff identities (decision 021)", () => {
  it("never serve a reviewer's name or rationale to anonymous readers", async () => {
    const anonymous = [
      await linksLoader(args(getAs(`http://localhost/incidents/${incidentId}/links`), { id: incidentId })),
      await detailLoader(args(getAs("http://localhost/provisions/AP-I-MIN"), { code: "AP-I-MIN" })),
      await casesLoader(args(getAs("http://localhost/provisions/AP-I-MIN/cases?year=2019"), { code: "AP-I-MIN" })),
      await matrixLoader(args(getAs("http://localhost/matrix"))),
    ].map(body);
    const exports = [
      await ((await matrixCsv(args(getAs("http://localhost/matrix.csv")))) as Response).text(),
      await ((await scorecardCsv(args(getAs("http://localhost/provisions/AP-I-MIN/scorecard.csv"), { code: "AP-I-MIN" }))) as Response).text(),
    ];
    for (const text of [...anonymous, ...exports]) {
      expect(text).not.toContain(staffName);
      expect(text).not.toContain(RATIONALE);
    }
    // The accepted link itself is public, with its type.
    expect(anonymous[1]).toContain("alleged_breach");
  });

  it("serve them to signed-in readers", async () => {
    const signedIn = body(await linksLoader(args(getAs(`http://localhost/incidents/${incidentId}/links`, staff), { id: incidentId })));
    expect(signedIn).toContain(staffName);
    expect(signedIn).toContain(RATIONALE);
  });
});
