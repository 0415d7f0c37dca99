// Calling the API's loaders as Remix does, and checking each answer against the
// OpenAPI document the API serves (JSON Schema 2020-12, ajv).
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { OPENAPI_DOCUMENT } from "~/models/openapi.ts";
import type { TestSession } from "./auth.ts";
import { BASE } from "./route.ts";

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
