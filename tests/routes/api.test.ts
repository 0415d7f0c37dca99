// The read-only API: every endpoint's answers validate against the OpenAPI
// document it serves (JSON Schema 2020-12); cursor pages give every public case
// exactly once, also while records are added during the walk; ETag and 304;
// JSON errors; anonymous readers see published records in their public shape only.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { CHART_IDS } from "~/charts/registry.ts";
import { prisma } from "~/lib/db.server.ts";
import { env } from "~/lib/env.server.ts";
import { OPENAPI_DOCUMENT } from "~/lib/openapi.ts";
import { loader as notFoundLoader } from "~/routes/api.$.ts";
import { loader as casesLoader } from "~/routes/api.v1.cases.ts";
import { loader as casesCsvLoader } from "~/routes/api.v1.cases[.]csv.ts";
import { loader as chartLoader } from "~/routes/api.v1.charts.$id.ts";
import { loader as figuresLoader } from "~/routes/api.v1.figures.ts";
import { loader as milestonesLoader } from "~/routes/api.v1.milestones.ts";
import { loader as openapiLoader } from "~/routes/api.v1.openapi[.]json.ts";
import { signInAs, type TestSession } from "../setup/auth.ts";
import { makeIncident } from "../setup/incidents.ts";
import { BASE } from "../setup/route.ts";

type Loader = (args: any) => Promise<unknown>;

async function call(loader: Loader, path: string, options: { session?: TestSession; headers?: Record<string, string>; params?: Record<string, string> } = {}) {
  const headers = { ...(options.session ? { Cookie: options.session.cookie } : {}), ...options.headers };
  const res = (await loader({ request: new Request(BASE + path, { headers }), params: options.params ?? {}, context: {} })) as Response;
  return res;
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: "vigia", components: OPENAPI_DOCUMENT.components });
const resolveRefs = (schema: unknown): unknown => JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"vigia#/components/'));

/** Validates a JSON answer against the document's schema for that path, method (GET) and status. */
async function validated(res: Response, path: keyof typeof OPENAPI_DOCUMENT.paths): Promise<any> {
  const responses = OPENAPI_DOCUMENT.paths[path].get.responses as Record<string, { content?: Record<string, { schema: unknown }> }>;
  const documented = responses[String(res.status)];
  expect(documented, `${path} documents status ${res.status}`).toBeDefined();
  const body = await res.json();
  const schema = documented.content?.["application/json"]?.schema;
  expect(schema, `${path} ${res.status} has a JSON schema`).toBeDefined();
  const validate = ajv.compile(resolveRefs(schema) as object);
  expect(validate(body), `${path} ${res.status}: ${JSON.stringify(validate.errors)}`).toBe(true);
  return body;
}

/** Every case id, following `next` from the first page. */
async function walk(path: string, session?: TestSession, during?: (page: number) => Promise<void>): Promise<string[]> {
  const ids: string[] = [];
  let next: string | undefined = BASE + path;
  for (let page = 0; next; page++) {
    const res = await call(casesLoader, next.slice(BASE.length), { session });
    expect(res.status).toBe(200);
    const body = await validated(res, "/cases");
    ids.push(...body.data.map((r: { id: string }) => r.id));
    next = body.next;
    await during?.(page);
  }
  return ids;
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
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers.get("Cache-Control")).toBe("public, max-age=60");
    const again = await call(figuresLoader, "/api/v1/figures", { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const signedIn = await call(casesLoader, "/api/v1/cases?limit=5", { session: viewer });
    expect(signedIn.headers.get("Cache-Control")).toBe("private, no-store");
    const cases = await call(casesLoader, "/api/v1/cases?limit=5");
    expect((await call(casesLoader, "/api/v1/cases?limit=5", { headers: { "If-None-Match": cases.headers.get("ETag")! } })).status).toBe(304);
  });

  it("validates every endpoint's answers against the document it serves", async () => {
    const served = await (await call(openapiLoader, "/api/v1/openapi.json")).json();
    expect(served).toEqual(JSON.parse(JSON.stringify(OPENAPI_DOCUMENT)));
    expect(served.openapi).toBe("3.1.0");
    await validated(await call(figuresLoader, "/api/v1/figures"), "/figures");
    const milestones = await validated(await call(milestonesLoader, "/api/v1/milestones", { headers: { "Accept-Language": "es" } }), "/milestones");
    expect(milestones.data.length).toBeGreaterThan(0);
    for (const id of CHART_IDS) {
      const body = await validated(await call(chartLoader, `/api/v1/charts/${id}?from=2012&to=2021`, { params: { id } }), "/charts/{id}");
      expect(body.id).toBe(id);
    }
    const csv = await call(casesCsvLoader, "/api/v1/cases.csv?origin=gw_dataset&from=2020", { session: viewer });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect((await csv.text()).split("\r\n")[0]).toMatch(/^id,date,name,/);
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
