import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { suggestLinksForIncident } from "~/models/link.server.ts";
import { action, loader } from "~/routes/incidents_.$id_.links.tsx";
import { getAs, postForm, signInAs, type TestSession } from "../setup/auth.ts";

const args = (request: Request, id: string) => ({ request, params: { id }, context: {} });
/** An action's answer: a redirect Response, or data with a status (Remix's data()). */
function unwrap(result: unknown): { status: number; data: any; location?: string | null } {
  if (result instanceof Response) return { status: result.status, data: null, location: result.headers.get("Location") };
  const r = result as { type?: string; data?: any; init?: { status?: number } };
  if (r?.type === "DataWithResponseInit") return { status: r.init?.status ?? 200, data: r.data };
  return { status: 200, data: result };
}

let staff: TestSession;
let viewer: TestSession;
let incidentId: string;
const url = () => `http://localhost/incidents/${incidentId}/links`;

async function link(code: string) {
  return prisma.incidentProvisionLink.findFirstOrThrow({ where: { incidentId, provision: { code } } });
}

beforeAll(async () => {
  [staff, viewer] = await Promise.all([signInAs("staff"), signInAs("viewer")]);
  const incident = await prisma.incident.findFirstOrThrow({
    where: { origin: "gw_dataset", sector: "mining_extractives", perpetratorType: "police" },
    orderBy: { externalId: "asc" },
  });
  incidentId = incident.id;
  await prisma.$transaction((tx) => suggestLinksForIncident(tx, incidentId));
});

describe("the link review page", () => {
  it("shows staff the suggestions with their explanation and the provisions to link by hand", async () => {
    const data = (await loader(args(getAs(url(), staff), incidentId))) as any;
    expect(data.canReview).toBe(true);
    const min = data.links.find((l: any) => l.provision.code === "AP-I-MIN");
    expect(min).toMatchObject({ status: "suggested", method: "rule", rulesFired: ["sector-mining"], score: 1 });
    expect(data.provisionOptions).toHaveLength(26);
    expect(data.incident).toMatchObject({ sector: "mining_extractives", perpetratorType: "police" });
  });

  it("shows anonymous readers the suggestions with the rules that made them, marked as suggested, and no rejected link", async () => {
    const data = (await loader(args(getAs(url()), incidentId))) as any;
    expect(data.canReview).toBe(false);
    expect(data.signedIn).toBe(false);
    const suggested = data.links.filter((l: any) => l.status === "suggested");
    expect(suggested.length).toBeGreaterThan(0);
    expect(suggested.every((l: any) => l.rulesFired.length > 0 || l.matchedTerms.length > 0)).toBe(true);
    expect(data.links.some((l: any) => l.status === "rejected")).toBe(false);
    expect(data.provisionOptions).toBeNull();
  });

  it("answers 404 for an unknown case, and hides unverified staff cases from the public", async () => {
    await expect(loader(args(getAs("http://localhost/incidents/nope/links"), "nope"))).rejects.toMatchObject({ status: 404 });
    const draft = await prisma.incident.create({
      data: {
        origin: "staff",
        occurredOn: new Date("2026-01-02T00:00:00Z"),
        year: 2026,
        sector: "logging",
        perpetratorType: "hitmen",
        outcome: "threat",
        verificationStatus: "reported",
      },
    });
    await expect(loader(args(getAs(`http://localhost/incidents/${draft.id}/links`), draft.id))).rejects.toMatchObject({ status: 404 });
    expect(((await loader(args(getAs(`http://localhost/incidents/${draft.id}/links`, staff), draft.id))) as any).incident.id).toBe(draft.id);
  });
});

describe("accepting and rejecting suggestions", () => {
  it("accepts with a rationale, records the reviewer and writes an audit event in the same step", async () => {
    const target = await link("AP-I-MIN");
    const result = unwrap(
      await action(
        args(
          postForm(
            url(),
            {
              intent: "accept",
              linkId: target.id,
              expectedStatus: "suggested",
              rationale: "Killed during a protest against a mine",
              redirectTo: "/provisions/AP-I-MIN",
            },
            staff,
          ),
          incidentId,
        ),
      ),
    );
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/provisions/AP-I-MIN?done=accepted#link-${target.id}`);
    const saved = await link("AP-I-MIN");
    expect(saved).toMatchObject({ status: "accepted", rationale: "Killed during a protest against a mine", reviewedById: staff.userId });
    expect(saved.reviewedAt).toBeInstanceOf(Date);
    const events = await prisma.auditEvent.findMany({ where: { entityType: "link", entityId: target.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "link_accept", actorId: staff.userId });
    // Only what changed: the case and the provision are the link's own (entityId), not changes.
    expect(JSON.parse(events[0].before!)).toEqual({ status: "suggested", rationale: null });
    expect(JSON.parse(events[0].after!)).toEqual({ status: "accepted", rationale: "Killed during a protest against a mine" });
  });

  it("rejects with a rationale, audited", async () => {
    const target = await link("CA-MX-MOU-MIN-2017");
    const result = unwrap(
      await action(
        args(
          postForm(url(), { intent: "reject", linkId: target.id, expectedStatus: "suggested", rationale: "No bilateral angle in this case" }, staff),
          incidentId,
        ),
      ),
    );
    expect(result.location).toBe(`/incidents/${incidentId}/links?done=rejected#link-${target.id}`);
    expect(await link("CA-MX-MOU-MIN-2017")).toMatchObject({ status: "rejected", rationale: "No bilateral angle in this case" });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: target.id } });
    expect(event.action).toBe("link_reject");
  });

  it("refuses a decision without a rationale and keeps what was typed", async () => {
    const target = await link("AP-I-RESPMIN");
    const result = unwrap(
      await action(args(postForm(url(), { intent: "accept", linkId: target.id, expectedStatus: "suggested", rationale: " x " }, staff), incidentId)),
    );
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({
      intent: "accept",
      linkId: target.id,
      errors: { rationale: { key: "rationaleRequired", values: { min: 3 } } },
      values: { rationale: " x " },
    });
    expect(await link("AP-I-RESPMIN")).toMatchObject({ status: "suggested" });
    expect(await prisma.auditEvent.count({ where: { entityId: target.id } })).toBe(0);
  });

  it("does not overwrite a decision someone made in the meantime", async () => {
    const target = await link("AP-I-MIN"); // accepted above
    const result = unwrap(
      await action(
        args(postForm(url(), { intent: "reject", linkId: target.id, expectedStatus: "suggested", rationale: "Seen as still suggested" }, staff), incidentId),
      ),
    );
    expect(result.status).toBe(409);
    expect(result.data.conflict).toBe("decidedMeanwhile");
    expect(await link("AP-I-MIN")).toMatchObject({ status: "accepted" });
  });

  it("lets staff reverse a decision, with a new rationale, audited", async () => {
    const target = await link("CA-MX-MOU-MIN-2017");
    const result = unwrap(
      await action(
        args(
          postForm(url(), { intent: "accept", linkId: target.id, expectedStatus: "rejected", rationale: "The company was part of the working group" }, staff),
          incidentId,
        ),
      ),
    );
    expect(result.status).toBe(302);
    expect(await link("CA-MX-MOU-MIN-2017")).toMatchObject({ status: "accepted", rationale: "The company was part of the working group" });
    const events = await prisma.auditEvent.findMany({ where: { entityId: target.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["link_reject", "link_accept"]);
  });

  it("does not accept a link of another case through this case's address", async () => {
    const other = await prisma.incident.findFirstOrThrow({ where: { origin: "gw_dataset", id: { not: incidentId }, sector: "mining_extractives" } });
    await prisma.$transaction((tx) => suggestLinksForIncident(tx, other.id));
    const foreign = await prisma.incidentProvisionLink.findFirstOrThrow({ where: { incidentId: other.id, status: "suggested" } });
    await expect(
      action(args(postForm(url(), { intent: "accept", linkId: foreign.id, expectedStatus: "suggested", rationale: "Wrong case" }, staff), incidentId)),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("refuses viewers, anonymous users and forms without the CSRF token", async () => {
    const target = await link("AP-I-RESPMIN");
    const fields = { intent: "accept", linkId: target.id, expectedStatus: "suggested", rationale: "Looks right" };
    await expect(action(args(postForm(url(), fields, viewer), incidentId))).rejects.toMatchObject({ status: 403 });
    await expect(action(args(postForm(url(), fields), incidentId))).rejects.toMatchObject({ status: 403 });
    const noCsrf = postForm(url(), fields, staff);
    const body = new URLSearchParams(await noCsrf.text());
    body.delete("csrf");
    await expect(action(args(new Request(url(), { method: "POST", body, headers: { Cookie: staff.cookie } }), incidentId))).rejects.toMatchObject({
      status: 403,
    });
    const crossSite = new Request(url(), {
      method: "POST",
      body: new URLSearchParams({ ...fields, csrf: staff.csrf }),
      headers: { Cookie: staff.cookie, Origin: "https://evil.example" },
    });
    await expect(action(args(crossSite, incidentId))).rejects.toMatchObject({ status: 403 });
    expect(await link("AP-I-RESPMIN")).toMatchObject({ status: "suggested" });
  });
});

describe("linking by hand", () => {
  it("links any provision, accepted at once, with the person as its method, audited", async () => {
    const gap = await prisma.provision.findUniqueOrThrow({ where: { code: "CSP-GAP-HRD" } });
    const result = unwrap(
      await action(
        args(postForm(url(), { intent: "link", provisionId: gap.id, rationale: "He was a community defender; no commitment covers him" }, staff), incidentId),
      ),
    );
    expect(result.status).toBe(302);
    const saved = await link("CSP-GAP-HRD");
    expect(saved).toMatchObject({ method: "person", status: "accepted", reviewedById: staff.userId, rulesFired: null });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: saved.id } });
    expect(event.action).toBe("link_create");
    expect(event.before).toBeNull();
    expect(JSON.parse(event.after!)).toMatchObject({ provisionCode: "CSP-GAP-HRD", method: "person", status: "accepted" });
  });

  it("refuses a second link to the same provision and a missing choice, keeping the rationale", async () => {
    const min = await prisma.provision.findUniqueOrThrow({ where: { code: "AP-I-MIN" } });
    const twice = unwrap(await action(args(postForm(url(), { intent: "link", provisionId: min.id, rationale: "Again" }, staff), incidentId)));
    expect(twice.status).toBe(409);
    expect(twice.data).toMatchObject({ intent: "link", conflict: "linkExists", values: { rationale: "Again", provisionId: min.id } });
    const none = unwrap(await action(args(postForm(url(), { intent: "link", provisionId: "", rationale: "Something I typed" }, staff), incidentId)));
    expect(none.status).toBe(400);
    expect(none.data).toMatchObject({ errors: { provisionId: { key: "provisionRequired" } }, values: { rationale: "Something I typed" } });
    expect(await prisma.incidentProvisionLink.count({ where: { incidentId, provisionId: min.id } })).toBe(1);
  });

  it("keeps hand-made and decided links when the rules run again", async () => {
    const before = await prisma.incidentProvisionLink.findMany({ where: { incidentId, status: { not: "suggested" } }, orderBy: { id: "asc" } });
    const result = await prisma.$transaction((tx) => suggestLinksForIncident(tx, incidentId));
    expect(result.created).toBe(0);
    expect(result.keptDecisions).toBe(before.length);
    expect(await prisma.incidentProvisionLink.findMany({ where: { incidentId, status: { not: "suggested" } }, orderBy: { id: "asc" } })).toEqual(before);
  });
});
