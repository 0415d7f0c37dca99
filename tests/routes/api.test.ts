// The read-only API: every endpoint's answers validate against the OpenAPI
// document it serves (JSON Schema 2020-12); cursor pages give every public case
// exactly once, also while records are added during the walk; ETag and 304;
// JSON errors; anonymous readers see published records in their public shape only.
import { beforeAll, describe, expect, it } from "vitest";
import { CHART_IDS } from "~/charts/registry.ts";
import { prisma } from "~/lib/db.server.ts";
import { env } from "~/lib/env.server.ts";
import { weakEtag } from "~/lib/http.server.ts";
import { chartSchemaName, OPENAPI_DOCUMENT } from "~/models/openapi.ts";
import { loader as notFoundLoader } from "~/routes/api.$.ts";
import { loader as casesLoader } from "~/routes/api.v1.cases.ts";
import { loader as casesCsvLoader } from "~/routes/api.v1.cases[.]csv.ts";
import { loader as chartLoader } from "~/routes/api.v1.charts.$id.ts";
import { loader as figuresLoader } from "~/routes/api.v1.figures.ts";
import { loader as milestonesLoader } from "~/routes/api.v1.milestones.ts";
import { loader as openapiLoader } from "~/routes/api.v1.openapi[.]json.ts";
import { call, openApiProblems, expectValid, validated, walk as walkRows } from "../setup/api.ts";
import { signInAs, type TestSession } from "../setup/auth.ts";
import { makeIncident } from "../setup/incidents.ts";

/** Every case id, following `next` from the first page. */
async function walk(path: string, session?: TestSession, during?: (page: number) => Promise<void>): Promise<string[]> {
  return (await walkRows<{ id: string }>(casesLoader, path, "/cases", { session, during })).map((r) => r.id);
}

let viewer: TestSession;
let staff: TestSession;
let unverified: string;
let withheld: string;

beforeAll(async () => {
  [viewer, staff] = [await signInAs("viewer"), await signInAs("staff")];
  unverified = await makeIncident();
  withheld = await makeIncident((v) => {
    v.victimName = "Nombre Protegido Ruiz";
    v.victimNamePublic = false;
  });
  await prisma.incident.update({ where: { id: withheld }, data: { verificationStatus: "verified" } });
});

const publicCount = () =>
  prisma.incident.count({ where: { deletedAt: null, countryCode: "MX", OR: [{ origin: "gw_dataset" }, { verificationStatus: "verified" }] } });

describe("read-only API", () => {
  it("pages through every public case exactly once, anonymous, in the public shape", async () => {
    const ids = await walk("/api/v1/cases?limit=40");
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(await publicCount());
    expect(ids).not.toContain(unverified);
    const page = await (await call(casesLoader, "/api/v1/cases?origin=staff&limit=500")).json();
    const record = page.data.find((r: { id: string }) => r.id === withheld);
    expect(record).toMatchObject({ victimName: null, nameWithheld: true });
    expect(record).not.toHaveProperty("victimNamePublic");
    expect(JSON.stringify(page)).not.toContain("Nombre Protegido");
  });

  it("gives every record that existed at the start exactly once while records are added during the walk", async () => {
    const before = await publicCount();
    const added: string[] = [];
    const ids = await walk("/api/v1/cases?limit=25", undefined, async () => {
      const id = await makeIncident();
      await prisma.incident.update({ where: { id }, data: { verificationStatus: "verified" } });
      added.push(id);
    });
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !added.includes(id)).length).toBe(before);
  });

  it("combines filters and search, and shows staff their own view", async () => {
    const body = await validated(await call(casesLoader, "/api/v1/cases?origin=staff&verification=verified&q=protegido", { session: staff }), "/cases");
    expect(body.data.map((r: { id: string }) => r.id)).toEqual([withheld]);
    expect(body.data[0]).toMatchObject({ victimName: "Nombre Protegido Ruiz", victimNamePublic: false });
    const reported = await validated(await call(casesLoader, "/api/v1/cases?origin=staff&verification=reported&limit=500", { session: viewer }), "/cases");
    expect(reported.data.map((r: { id: string }) => r.id)).toContain(unverified);
  });

  it("answers errors as JSON with the right status", async () => {
    expect((await validated(await call(casesLoader, "/api/v1/cases?sector=nope"), "/cases")).error.status).toBe(400);
    expect((await call(casesLoader, "/api/v1/cases?limit=0")).status).toBe(400);
    expect((await call(casesLoader, "/api/v1/cases?after=../x")).status).toBe(400);
    expect((await validated(await call(casesLoader, "/api/v1/cases?verification=reported"), "/cases")).error.status).toBe(403);
    expect((await validated(await call(chartLoader, "/api/v1/charts/nope", { params: { id: "nope" } }), "/charts/{id}")).error.status).toBe(404);
    expect(
      (await validated(await call(chartLoader, "/api/v1/charts/annual-trend?from=x", { params: { id: "annual-trend" } }), "/charts/{id}")).error.status,
    ).toBe(400);
    const missing = await call(notFoundLoader, "/api/v2/cases");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { status: 404, message: expect.stringContaining("/api/v2/cases") } });
    expect((await validated(await call(casesCsvLoader, "/api/v1/cases.csv"), "/cases.csv")).error.status).toBe(401);
  });

  it("sends an ETag, and 304 without a body when the reader holds it; public answers cache, signed-in ones do not", async () => {
    const first = await call(figuresLoader, "/api/v1/figures");
    const etag = first.headers.get("ETag")!;
    // The one cache rule's weak tag of the body (decision 092): the server would give these bytes the same one.
    expect(etag).toMatch(/^W\/".+"$/);
    expect(etag).toBe(weakEtag(new Uint8Array(await first.clone().arrayBuffer())));
    expect(first.headers.get("Cache-Control")).toBe("public, max-age=60");
    const again = await call(figuresLoader, "/api/v1/figures", { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const signedIn = await call(casesLoader, "/api/v1/cases?limit=5", { session: viewer });
    expect(signedIn.headers.get("Cache-Control")).toBe("private, no-store");
    expect(signedIn.headers.get("ETag")).toBeNull();
    expect((await call(figuresLoader, "/api/v1/figures", { session: viewer, headers: { "If-None-Match": etag } })).status).toBe(200);
    const cases = await call(casesLoader, "/api/v1/cases?limit=5");
    expect((await call(casesLoader, "/api/v1/cases?limit=5", { headers: { "If-None-Match": cases.headers.get("ETag")! } })).status).toBe(304);
  });

  it("validates every endpoint's answers against the document it serves", async () => {
    const served = await (await call(openapiLoader, "/api/v1/openapi.json")).json();
    expect(served).toEqual(JSON.parse(JSON.stringify(OPENAPI_DOCUMENT)));
    expect(served.openapi).toBe("3.1.0");
    // The document itself is valid OpenAPI 3.1, each of its schemas valid JSON Schema 2020-12 ...
    expect(openApiProblems(served)).toEqual([]);
    // ... and the check would see a broken one.
    const broken = structuredClone(served);
    broken.paths["/cases"].get.parameters[0].in = "body";
    broken.components.schemas[Object.keys(broken.components.schemas)[0]].type = "nonsense";
    delete broken.info.version;
    const problems = openApiProblems(broken).join("\n");
    expect(problems).toMatch(/\/paths\/~1cases\/get\/parameters\/0/);
    expect(problems).toMatch(/\/components\/schemas\/.* is not a JSON Schema 2020-12/);
    expect(problems).toMatch(/\/info must have required property 'version'/);
    await validated(await call(figuresLoader, "/api/v1/figures"), "/figures");
    const milestones = await validated(await call(milestonesLoader, "/api/v1/milestones", { headers: { "Accept-Language": "es" } }), "/milestones");
    expect(milestones.data.length).toBeGreaterThan(0);
    const schemas = OPENAPI_DOCUMENT.components.schemas as Record<string, unknown>;
    for (const id of CHART_IDS) {
      // Each chart's answer against its own schema (not only the oneOf of all of them), anonymous and signed in, with and without filters.
      for (const [query, session] of [
        ["?from=2012&to=2021", undefined],
        ["?from=2018&sector=mining_extractives&country=all", undefined],
        ["", viewer],
      ] as const) {
        const body = await validated(await call(chartLoader, `/api/v1/charts/${id}${query}`, { params: { id }, session }), "/charts/{id}");
        expect(body.id).toBe(id);
        expectValid(body, schemas[chartSchemaName(id)], `chart ${id}${query}`);
      }
    }
    // The document names every chart id, and no other.
    expect(
      Object.keys(schemas)
        .filter((k) => k.startsWith("Chart_"))
        .sort(),
    ).toEqual(CHART_IDS.map(chartSchemaName).sort());
    const csv = await call(casesCsvLoader, "/api/v1/cases.csv?origin=gw_dataset&from=2020", { session: viewer });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect((await csv.text()).split("\r\n")[0]).toMatch(/^id,date,name,/);
  });

  it("answers 429 as JSON with Retry-After past the address's limit", async () => {
    const limits = env().rateLimits;
    const saved = limits.apiAddress;
    limits.apiAddress = { max: 2, windowMs: 60_000 };
    try {
      const context = { clientAddress: "203.0.113.9" };
      expect((await call(figuresLoader, "/api/v1/figures", { context })).status).toBe(200);
      expect((await call(figuresLoader, "/api/v1/figures", { context })).status).toBe(200);
      const refused = await call(casesLoader, "/api/v1/cases", { context });
      expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
      expect((await validated(refused, "/cases")).error.status).toBe(429);
      // Another address is counted apart.
      expect((await call(figuresLoader, "/api/v1/figures", { context: { clientAddress: "203.0.113.10" } })).status).toBe(200);
    } finally {
      limits.apiAddress = saved;
    }
  });

  it("is closed to anonymous readers when dashboards are not public", async () => {
    env().publicDashboards = false;
    try {
      expect((await validated(await call(casesLoader, "/api/v1/cases"), "/cases")).error.status).toBe(401);
      expect((await validated(await call(figuresLoader, "/api/v1/figures"), "/figures")).error.status).toBe(401);
      expect((await call(casesLoader, "/api/v1/cases?limit=1", { session: viewer })).status).toBe(200);
    } finally {
      env().publicDashboards = true;
    }
  });
});
