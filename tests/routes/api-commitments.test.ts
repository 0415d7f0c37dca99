// The API's provisions and links: every answer validates against the OpenAPI
// document it serves; cursor pages give every provision and every link exactly
// once, also while links are added during the walk; the two layers and the link
// types as fields and filters; anonymous readers get links of published records
// only, accepted and suggested, without reviewers' names or rationales (decisions
// 081, 083, 098); signed-in readers get what their role sees on the pages.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { env } from "~/lib/env.server.ts";
import { decideLink, suggestLinksForIncident } from "~/models/link.server.ts";
import { loader as linksLoader } from "~/routes/api.v1.links.ts";
import { loader as provisionLoader } from "~/routes/api.v1.provisions.$code.ts";
import { loader as provisionsLoader } from "~/routes/api.v1.provisions._index.ts";
import { call, validated, walk } from "../setup/api.ts";
import { signInAs, type TestSession } from "../setup/auth.ts";
import { makeIncident, staffId } from "../setup/incidents.ts";

const ACCEPT_WORDS = "Cited in the community's complaint to the national contact point about the Zacualpan mine";
const REJECT_WORDS = "The attack happened far from any concession; the rule fired on the sector alone";

interface LinkRow {
  id: string;
  caseId: string;
  provisionCode: string;
  layer: string;
  linkType: string;
  method: string;
  rules: { code: string; description: string }[];
  reviewedBy?: string | null;
  rationale?: string | null;
}

let viewer: TestSession;
let staff: TestSession;
let staffName: string;
let gwCases: string[];
let spare: string[];
let unverified: string;
let accepted: { id: string; caseId: string; provisionCode: string };
let rejected: { id: string };

/** The links a reader may see, counted in SQL: the layers given, of live case records in the scope given. */
async function expectedLinkIds(layers: string[], publishedOnly: boolean): Promise<string[]> {
  const rows = await prisma.incidentProvisionLink.findMany({
    where: {
      status: { in: layers },
      incident: publishedOnly ? { deletedAt: null, OR: [{ origin: "gw_dataset" }, { verificationStatus: "verified" }] } : { deletedAt: null },
    },
    select: { id: true },
  });
  return rows.map((r) => r.id).sort();
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
const sorted = (values: string[]) => [...values].sort();

beforeAll(async () => {
  [viewer, staff] = [await signInAs("viewer"), await signInAs("staff")];
  const reviewer = await staffId();
  staffName = (await prisma.user.findUniqueOrThrow({ where: { id: reviewer } })).name;
  const mining = await prisma.incident.findMany({
    where: { origin: "gw_dataset", sector: "mining_extractives" },
    orderBy: { externalId: "asc" },
    select: { id: true },
    take: 24,
  });
  gwCases = mining.slice(0, 12).map((r) => r.id);
  spare = mining.slice(12).map((r) => r.id);
  for (const id of gwCases) await prisma.$transaction((tx) => suggestLinksForIncident(tx, id));
  // A staff record not yet verified, with suggestions of its own: staff see its links, nobody else does.
  unverified = await makeIncident((v) => {
    v.sector = "mining_extractives";
    v.company = { name: "Minera Canadiense S.A.", country: "CA" };
  });
  const [first, second] = await prisma.incidentProvisionLink.findMany({
    where: { incidentId: { in: gwCases }, status: "suggested" },
    orderBy: { id: "asc" },
    take: 2,
    include: { provision: { select: { code: true } } },
  });
  const accept = await decideLink({
    linkId: first.id,
    decision: "accepted",
    rationale: ACCEPT_WORDS,
    actorId: reviewer,
    expectedStatus: "suggested",
    linkType: "alleged_breach",
  });
  const reject = await decideLink({ linkId: second.id, decision: "rejected", rationale: REJECT_WORDS, actorId: reviewer, expectedStatus: "suggested" });
  expect(accept.ok && reject.ok).toBe(true);
  accepted = { id: first.id, caseId: first.incidentId, provisionCode: first.provision.code };
  rejected = { id: second.id };
});

describe("API: links", () => {
  it("gives anonymous readers every accepted and suggested link of published records exactly once, without staff identities or words", async () => {
    expect(await prisma.incidentProvisionLink.count({ where: { incidentId: unverified } })).toBeGreaterThan(0);
    const rows = await walk<LinkRow>(linksLoader, "/api/v1/links?limit=7", "/links");
    expect(rows.length).toBeGreaterThan(14);
    expect(new Set(ids(rows)).size).toBe(rows.length);
    expect(sorted(ids(rows))).toEqual(await expectedLinkIds(["accepted", "suggested"], true));
    expect(rows.some((r) => r.caseId === unverified)).toBe(false);
    expect(ids(rows)).not.toContain(rejected.id);
    for (const r of rows) {
      expect(r).not.toHaveProperty("reviewedBy");
      expect(r).not.toHaveProperty("rationale");
    }
    const text = JSON.stringify(rows);
    expect(text).not.toContain(ACCEPT_WORDS);
    expect(text).not.toContain(REJECT_WORDS);
    expect(text).not.toContain(staffName);
    // Each suggestion shows the rules that fired, described, as the pages do.
    const suggestion = rows.find((r) => r.layer === "suggested" && r.method === "rule")!;
    expect(suggestion.rules.length).toBeGreaterThan(0);
    for (const rule of suggestion.rules) expect(rule.description).not.toBe(rule.code);
    expect(rows.find((r) => r.id === accepted.id)).toMatchObject({ layer: "accepted", linkType: "alleged_breach" });
  });

  it("gives a viewer rejected suggestions, reviewers' names and rationales, for published records only; staff also unverified records", async () => {
    const seen = await walk<LinkRow>(linksLoader, "/api/v1/links?limit=50", "/links", { session: viewer });
    expect(sorted(ids(seen))).toEqual(await expectedLinkIds(["accepted", "suggested", "rejected"], true));
    expect(seen.find((r) => r.id === accepted.id)).toMatchObject({ reviewedBy: staffName, rationale: ACCEPT_WORDS });
    expect(seen.find((r) => r.id === rejected.id)).toMatchObject({ layer: "rejected", reviewedBy: staffName, rationale: REJECT_WORDS });
    expect(seen.some((r) => r.caseId === unverified)).toBe(false);
    for (const r of seen) expect(Object.keys(r)).toEqual(expect.arrayContaining(["reviewedBy", "rationale"]));
    const staffRows = await walk<LinkRow>(linksLoader, "/api/v1/links?limit=100", "/links", { session: staff });
    expect(sorted(ids(staffRows))).toEqual(await expectedLinkIds(["accepted", "suggested", "rejected"], false));
    expect(staffRows.some((r) => r.caseId === unverified)).toBe(true);
  });

  it("filters by provision, case, layer and type, and says 400 for a bad filter, 403 for rejected links without an account", async () => {
    const one = await validated(await call(linksLoader, `/api/v1/links?provision=${accepted.provisionCode}&layer=accepted&type=alleged_breach`), "/links");
    expect(ids(one.data)).toEqual([accepted.id]);
    const ofCase = await validated(await call(linksLoader, `/api/v1/links?case=${accepted.caseId}&limit=500`), "/links");
    expect(ofCase.data.length).toBeGreaterThan(1);
    expect(new Set(one.data.concat(ofCase.data).map((r: LinkRow) => r.caseId))).toEqual(new Set([accepted.caseId]));
    const suggested = await walk<LinkRow>(linksLoader, "/api/v1/links?layer=suggested&limit=500", "/links");
    expect(sorted(ids(suggested))).toEqual(await expectedLinkIds(["suggested"], true));
    const both = await walk<LinkRow>(linksLoader, `/api/v1/links?layer=accepted,suggested&provision=${accepted.provisionCode},ESCAZU-ART9`, "/links");
    expect(new Set(both.map((r) => r.provisionCode))).toEqual(new Set([accepted.provisionCode, "ESCAZU-ART9"]));
    const context = await walk<LinkRow>(linksLoader, "/api/v1/links?type=context&type=in_scope&limit=500", "/links");
    expect(context.every((r) => r.linkType === "context" || r.linkType === "in_scope")).toBe(true);
    expect(ids(context)).not.toContain(accepted.id);
    const viewerRejected = await validated(await call(linksLoader, "/api/v1/links?layer=rejected", { session: viewer }), "/links");
    expect(ids(viewerRejected.data)).toEqual([rejected.id]);

    for (const bad of ["provision=NOPE-1", "layer=maybe", "type=breach", "case=../x", "limit=0", "limit=501", "after=../x"]) {
      const res = await call(linksLoader, `/api/v1/links?${bad}`);
      expect((await validated(res, "/links")).error.status, bad).toBe(400);
    }
    const closed = await validated(await call(linksLoader, "/api/v1/links?layer=rejected"), "/links");
    expect(closed.error.status).toBe(403);
  });

  it("gives every link that existed at the start exactly once while links are added during the walk", async () => {
    const before = await expectedLinkIds(["accepted", "suggested"], true);
    const more = [...spare];
    const rows = await walk<LinkRow>(linksLoader, "/api/v1/links?limit=5", "/links", {
      during: async () => {
        const id = more.shift();
        if (id) await prisma.$transaction((tx) => suggestLinksForIncident(tx, id));
      },
    });
    expect(more.length).toBeLessThan(spare.length);
    expect(new Set(ids(rows)).size).toBe(rows.length);
    const seen = new Set(ids(rows));
    expect(before.filter((id) => !seen.has(id))).toEqual([]);
    expect(rows.length).toBeGreaterThanOrEqual(before.length);
  });

  it("sends an ETag and 304 for a public page, and nothing to keep for a signed-in reader", async () => {
    const first = await call(linksLoader, "/api/v1/links?limit=3");
    expect(first.headers.get("Cache-Control")).toBe("public, max-age=60");
    const etag = first.headers.get("ETag")!;
    const again = await call(linksLoader, "/api/v1/links?limit=3", { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const signedIn = await call(linksLoader, "/api/v1/links?limit=3", { session: viewer });
    expect(signedIn.headers.get("Cache-Control")).toBe("private, no-store");
    expect(signedIn.headers.get("ETag")).toBeNull();
  });
});

describe("API: provisions", () => {
  it("pages through every provision exactly once, as the pages show them, also while one is added", async () => {
    const all = await prisma.provision.findMany({ select: { code: true } });
    let added = false;
    const rows = await walk<{ code: string; instrument: { code: string } }>(provisionsLoader, "/api/v1/provisions?limit=4", "/provisions", {
      during: async () => {
        if (added) return;
        added = true;
        const instrument = await prisma.instrument.findFirstOrThrow({ select: { id: true } });
        await prisma.provision.create({
          data: { code: "API-TEST-ADDED", instrumentId: instrument.id, pillar: "Test", title: "Added during the walk", summary: "Test", status: "unconfirmed" },
        });
      },
    });
    const codes = rows.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.filter((c) => c !== "API-TEST-ADDED").sort()).toEqual(all.map((p) => p.code).sort());
  });

  it("filters by instrument, pillar, status and gap, in the reader's language; 400 for a bad filter", async () => {
    const sample = await prisma.provision.findUniqueOrThrow({ where: { code: "ESCAZU-ART9" }, include: { instrument: true } });
    const byInstrument = await walk<any>(provisionsLoader, `/api/v1/provisions?instrument=${sample.instrument.code}`, "/provisions");
    expect(byInstrument.map((p) => p.code).sort()).toEqual(
      (await prisma.provision.findMany({ where: { instrumentId: sample.instrumentId }, select: { code: true } })).map((p) => p.code).sort(),
    );
    expect(byInstrument.every((p) => p.instrument.code === sample.instrument.code)).toBe(true);
    const pillar = await walk<any>(provisionsLoader, `/api/v1/provisions?pillar=${encodeURIComponent(sample.pillar)}`, "/provisions");
    expect(pillar.length).toBeGreaterThan(0);
    expect(pillar.every((p) => p.pillar === sample.pillar)).toBe(true);
    const gaps = await walk<any>(provisionsLoader, "/api/v1/provisions?gap=true", "/provisions");
    expect(gaps.map((p) => p.code).sort()).toEqual(
      (await prisma.provision.findMany({ where: { isGap: true }, select: { code: true } })).map((p) => p.code).sort(),
    );
    expect(gaps.map((p) => p.code)).toContain("CSP-GAP-HRD");
    const confirmed = await walk<any>(provisionsLoader, "/api/v1/provisions?status=confirmed,reported", "/provisions");
    expect(confirmed.every((p) => p.status === "confirmed" || p.status === "reported")).toBe(true);
    expect(confirmed.length).toBe(await prisma.provision.count({ where: { status: { in: ["confirmed", "reported"] } } }));
    for (const bad of ["instrument=NOPE", "status=maybe", "gap=yes", "limit=x", "after=%2F"]) {
      expect((await validated(await call(provisionsLoader, `/api/v1/provisions?${bad}`), "/provisions")).error.status, bad).toBe(400);
    }
  });

  it("gives one provision by code (404 for none), in the reader's language, with ETag and 304", async () => {
    const es = await validated(
      await call(provisionLoader, "/api/v1/provisions/ESCAZU-ART9", { params: { code: "ESCAZU-ART9" }, headers: { "Accept-Language": "es" } }),
      "/provisions/{code}",
    );
    const stored = await prisma.provision.findUniqueOrThrow({ where: { code: "ESCAZU-ART9" } });
    expect(es.code).toBe("ESCAZU-ART9");
    expect(es.title).toEqual(stored.titleEs ? { text: stored.titleEs, untranslated: false } : { text: stored.title, untranslated: true });
    const first = await call(provisionLoader, "/api/v1/provisions/ESCAZU-ART9", { params: { code: "ESCAZU-ART9" } });
    const etag = first.headers.get("ETag")!;
    expect(
      (await call(provisionLoader, "/api/v1/provisions/ESCAZU-ART9", { params: { code: "ESCAZU-ART9" }, headers: { "If-None-Match": etag } })).status,
    ).toBe(304);
    const missing = await validated(await call(provisionLoader, "/api/v1/provisions/NOPE", { params: { code: "NOPE" } }), "/provisions/{code}");
    expect(missing.error.status).toBe(404);
  });

  it("is closed to anonymous readers when dashboards are not public", async () => {
    env().publicDashboards = false;
    try {
      expect((await validated(await call(provisionsLoader, "/api/v1/provisions"), "/provisions")).error.status).toBe(401);
      expect((await validated(await call(linksLoader, "/api/v1/links"), "/links")).error.status).toBe(401);
      expect((await call(linksLoader, "/api/v1/links?limit=1", { session: viewer })).status).toBe(200);
    } finally {
      env().publicDashboards = true;
    }
  });
});
