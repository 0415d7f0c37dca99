// The OpenAPI 3.1 description of the read-only API (/api/v1), served at
// /api/v1/openapi.json. Written as a typed object beside the code it describes;
// tests/routes/api.test.ts validates the real answers of every endpoint against
// these schemas (JSON Schema 2020-12), so the document cannot drift from the API.

type Schema = Record<string, unknown>;

const nullable = (type: string, extra: Schema = {}): Schema => ({ type: [type, "null"], ...extra });
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

const error: Schema = {
  type: "object",
  required: ["error"],
  additionalProperties: false,
  properties: {
    error: {
      type: "object",
      required: ["status", "message"],
      additionalProperties: false,
      properties: { status: { type: "integer" }, message: { type: "string" } },
    },
  },
};

const caseRecord: Schema = {
  type: "object",
  additionalProperties: false,
  required: [
    "id",
    "origin",
    "externalId",
    "occurredOn",
    "datePrecision",
    "year",
    "victimName",
    "nameWithheld",
    "gender",
    "age",
    "victimCount",
    "characteristics",
    "outcome",
    "sector",
    "perpetratorType",
    "countryCode",
    "stateCode",
    "regionRaw",
    "municipality",
    "companyName",
    "companyCountry",
    "description",
    "sources",
    "unmapped",
    "verificationStatus",
    "updatedAt",
  ],
  properties: {
    id: { type: "string", description: "Vigía's id; the order of the pages" },
    origin: { enum: ["gw_dataset", "staff"] },
    externalId: nullable("string", { description: "The Global Witness record id of an imported record" }),
    occurredOn: { type: "string", format: "date", description: "Read with datePrecision: a date known to the month starts on the 1st" },
    datePrecision: { enum: ["day", "month", "year"] },
    year: { type: "integer" },
    victimName: nullable("string", { description: "Null when unknown, or withheld from this reader" }),
    nameWithheld: { type: "boolean" },
    victimNamePublic: { type: "boolean", description: "Staff readers only" },
    gender: { type: "string" },
    age: nullable("integer"),
    victimCount: { type: "integer", minimum: 1 },
    characteristics: { type: "array", items: { type: "string" } },
    outcome: { type: "string" },
    sector: { type: "string" },
    perpetratorType: { type: "string" },
    countryCode: { type: "string", pattern: "^[A-Z]{2}$" },
    stateCode: nullable("string"),
    regionRaw: nullable("string", { description: "The region as the source wrote it" }),
    municipality: nullable("string"),
    companyName: nullable("string"),
    companyCountry: nullable("string"),
    description: nullable("string"),
    sources: {
      type: "array",
      items: { type: "object", required: ["title", "url"], additionalProperties: false, properties: { title: { type: "string" }, url: nullable("string") } },
    },
    unmapped: {
      type: ["object", "null"],
      description: "Category texts of the source that Vigía has no code for (their code is then other), as written",
      additionalProperties: false,
      properties: {
        gender: { type: "string" },
        industry_driver: { type: "string" },
        perpetrator_type: { type: "string" },
        person_characteristics: { type: "array", items: { type: "string" } },
      },
    },
    verificationStatus: { enum: ["reported", "verified", "disputed", "rejected"] },
    updatedAt: { type: "string", format: "date-time" },
  },
};

const sourceRef: Schema = {
  type: ["object", "null"],
  properties: { title: { type: "string" }, publisher: nullable("string"), publishedOn: nullable("string"), url: nullable("string") },
};

const figure: Schema = {
  type: "object",
  required: ["key", "periodStart", "periodEnd", "metric", "value", "atLeast", "status", "source"],
  properties: {
    key: { type: "string" },
    periodStart: { type: "integer" },
    periodEnd: { type: "integer" },
    metric: { type: "string" },
    subsetLabel: nullable("string"),
    value: nullable("number"),
    valueText: nullable("string"),
    atLeast: { type: "boolean", description: "The source says at least this many" },
    status: { enum: ["confirmed", "reported", "unconfirmed"] },
    note: nullable("string"),
    reportName: nullable("string"),
    revisedValue: nullable("number"),
    source: sourceRef,
    revisedSource: sourceRef,
  },
};

const milestone: Schema = {
  type: "object",
  required: ["key", "date", "label", "untranslated"],
  additionalProperties: false,
  properties: {
    key: { type: "string" },
    date: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
    label: { type: "string" },
    untranslated: { type: "boolean", description: "The English label stands in for a missing translation" },
  },
};

const filterParams = ["from", "to", "country", "state", "sector", "perpetrator", "characteristic", "gender", "outcome", "origin", "verification"].map(
  (name) => ({
    name,
    in: "query",
    required: false,
    description:
      name === "from" || name === "to"
        ? "A year (four digits)"
        : "One or more codes, repeated or separated by commas (the same codes as the pages' filters); country=all for every country, Mexico by default",
    schema: { type: "string" },
  }),
);

const q = {
  name: "q",
  in: "query",
  required: false,
  description: "Search: every word in victim name, place or description; accents and case do not count",
  schema: { type: "string", maxLength: 200 },
};

const json = (schema: Schema) => ({ "application/json": { schema } });
const errorResponse = (description: string) => ({ description, content: json(ref("Error")) });
const cacheHeaders = {
  ETag: { description: "Send it back in If-None-Match: an unchanged answer is 304 without a body", schema: { type: "string" } },
  "Cache-Control": { description: "public, max-age=60 for anonymous readers; private, no-store for a signed-in reader", schema: { type: "string" } },
};
const ok = (description: string, schema: Schema) => ({ description, headers: cacheHeaders, content: json(schema) });
const notModified = { description: "Not modified (If-None-Match matched the ETag)" };
const list = (item: string) => ({ type: "object", required: ["data"], additionalProperties: false, properties: { data: { type: "array", items: ref(item) } } });

export const OPENAPI_DOCUMENT = {
  openapi: "3.1.0",
  jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
  info: {
    title: "Vigía read-only API",
    version: "1.0.0",
    description:
      "Case records of attacks on land and environmental defenders, published figures, milestones and the aggregates behind every chart. " +
      "Without a session: only where the deployment makes dashboards public (PUBLIC_DASHBOARDS), and then only published case records " +
      "(Global Witness records and verified staff records) in their public shape. A session cookie from signing in gives a reader's own view.",
  },
  servers: [{ url: "/api/v1" }],
  paths: {
    "/cases": {
      get: {
        summary: "Case records, a page at a time",
        description: "Pages are in id order; follow `next` (absent on the last page) to read every matching record exactly once, even while records are added.",
        parameters: [
          ...filterParams,
          q,
          { name: "limit", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 500, default: 100 } },
          { name: "after", in: "query", required: false, description: "Cursor: take it from `next`", schema: { type: "string" } },
        ],
        responses: {
          "200": ok("One page", {
            type: "object",
            required: ["data"],
            additionalProperties: false,
            properties: { data: { type: "array", items: ref("Case") }, next: { type: "string", format: "uri" } },
          }),
          "304": notModified,
          "400": errorResponse("A bad filter, limit or cursor"),
          "401": errorResponse("Dashboards are not public on this deployment: sign in"),
          "403": errorResponse("Unpublished records asked for without an account"),
          "429": errorResponse("Too many requests"),
        },
      },
    },
    "/cases.csv": {
      get: {
        summary: "Every matching case record as one CSV file (signed-in readers; audited)",
        parameters: [...filterParams, q, { name: "sep", in: "query", required: false, schema: { enum: ["semicolon"] } }],
        responses: {
          "200": {
            description: "RFC 4180, UTF-8 with a byte-order mark; the Global Witness columns first",
            content: { "text/csv": { schema: { type: "string" } } },
          },
          "400": errorResponse("A bad filter"),
          "401": errorResponse("Sign in first"),
          "429": errorResponse("Too many requests"),
        },
      },
    },
    "/figures": {
      get: {
        summary: "Published figures as their sources printed them",
        responses: {
          "200": ok("Every figure", list("Figure")),
          "304": notModified,
          "401": errorResponse("Dashboards are not public on this deployment: sign in"),
        },
      },
    },
    "/milestones": {
      get: {
        summary: "Dated events that annotate the time charts",
        responses: {
          "200": ok("Every milestone", list("Milestone")),
          "304": notModified,
          "401": errorResponse("Dashboards are not public on this deployment: sign in"),
        },
      },
    },
    "/charts/{id}": {
      get: {
        summary: "The aggregates behind a chart",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }, ...filterParams],
        responses: {
          "200": ok("The chart's data as the chart is drawn from it", {
            type: "object",
            required: ["id", "query", "data"],
            additionalProperties: false,
            properties: { id: { type: "string" }, query: { type: "string" }, data: { type: "object" } },
          }),
          "304": notModified,
          "400": errorResponse("A bad filter"),
          "401": errorResponse("Dashboards are not public on this deployment: sign in"),
          "404": errorResponse("No such chart"),
        },
      },
    },
    "/openapi.json": { get: { summary: "This document", responses: { "200": { description: "OpenAPI 3.1", content: json({ type: "object" }) } } } },
  },
  components: { schemas: { Error: error, Case: caseRecord, Figure: figure, Milestone: milestone } },
} as const;
