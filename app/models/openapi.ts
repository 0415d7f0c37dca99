// The OpenAPI 3.1 description of the read-only API (/api/v1), served at
// /api/v1/openapi.json. Written as a typed object beside the code it describes;
// tests/routes/api.test.ts validates the real answers of every endpoint against
// these schemas (JSON Schema 2020-12), so the document cannot drift from the API.
// It lives among the models because it names their codes (link types, statuses,
// chart ids): a code added there is added here.
import type { ChartId } from "~/charts/registry.ts";
import { LINK_TYPES } from "~/domain/link-type.ts";
import { PROVISION_STATUSES } from "~/domain/taxonomy.ts";
import { LINK_METHODS, LINK_STATUSES } from "./link.server.ts";

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

const localizedText: Schema = {
  type: "object",
  required: ["text", "untranslated"],
  additionalProperties: false,
  properties: {
    text: { type: "string" },
    untranslated: { type: "boolean", description: "The English text stands in for a missing translation" },
  },
};

const provision: Schema = {
  type: "object",
  additionalProperties: false,
  required: ["code", "instrument", "pillar", "title", "summary", "status", "statusNote", "isGap", "madeOn", "source", "terms"],
  properties: {
    code: { type: "string" },
    instrument: {
      type: "object",
      required: ["code", "name", "kind"],
      additionalProperties: false,
      properties: { code: { type: "string" }, name: ref("LocalizedText"), kind: { type: "string" } },
    },
    pillar: { type: "string", description: "The pillar as the instrument names it" },
    title: ref("LocalizedText"),
    summary: ref("LocalizedText"),
    status: { enum: [...PROVISION_STATUSES], description: "How the text was confirmed: against the official text, a press summary, reported, unconfirmed" },
    statusNote: nullable("string"),
    isGap: { type: "boolean", description: "A commitment the instrument lacks (modelled because advocates argue from it)" },
    madeOn: nullable("string", { format: "date", description: "When the commitment was made, if known" }),
    source: {
      type: ["object", "null"],
      required: ["key", "title", "publisher", "publishedOn", "url"],
      additionalProperties: false,
      properties: {
        key: { type: "string" },
        title: { type: "string" },
        publisher: nullable("string"),
        publishedOn: nullable("string"),
        url: nullable("string"),
      },
    },
    terms: {
      type: "object",
      description: "The terms the text signal looks for in case descriptions",
      required: ["en", "es"],
      additionalProperties: false,
      properties: { en: { type: "array", items: { type: "string" } }, es: { type: "array", items: { type: "string" } } },
    },
  },
};

const link: Schema = {
  type: "object",
  additionalProperties: false,
  required: ["id", "caseId", "provisionCode", "layer", "linkType", "method", "rules", "matchedTerms", "score", "reviewedAt", "createdAt"],
  properties: {
    id: { type: "string", description: "The link's id; the order of the pages" },
    caseId: { type: "string", description: "The case record (/api/v1/cases)" },
    provisionCode: { type: "string", description: "The provision (/api/v1/provisions/{code})" },
    layer: {
      enum: [...LINK_STATUSES],
      description:
        "accepted: a person accepted it, a finding that scorecards count; suggested: proposed by the rules or the text signal, not yet reviewed, never counted as a finding; rejected: signed-in readers only",
    },
    linkType: { enum: [...LINK_TYPES], description: "How the case bears on the provision (proposed by a suggestion, set by the reviewer)" },
    method: { enum: [...LINK_METHODS], description: "Made by a rule, by the text signal, or by a person" },
    rules: {
      type: "array",
      description: "The rules that fired, with their description in the reader's language",
      items: {
        type: "object",
        required: ["code", "description"],
        additionalProperties: false,
        properties: { code: { type: "string" }, description: { type: "string" } },
      },
    },
    matchedTerms: {
      type: "array",
      description: "The provision's terms found in the case's text, and the words found",
      items: {
        type: "object",
        required: ["term", "lang", "found"],
        additionalProperties: false,
        properties: { term: { type: "string" }, lang: { enum: ["en", "es"] }, found: { type: "array", items: { type: "string" } } },
      },
    },
    score: nullable("number"),
    reviewedAt: nullable("string", { format: "date-time" }),
    createdAt: { type: "string", format: "date-time" },
    reviewedBy: nullable("string", { description: "The reviewer's name: signed-in readers only (absent otherwise)" }),
    rationale: nullable("string", { description: "The reviewer's words: signed-in readers only (absent otherwise)" }),
  },
};

// ---------- The data behind each chart (app/charts/registry.ts, loaded by app/models/chart-data.server.ts) ----------

const count: Schema = { type: ["integer", "null"], minimum: 0, description: "People; null when withheld (a small count, for anonymous readers)" };
const yearSpan: Schema = {
  type: "object",
  required: ["from", "to"],
  additionalProperties: false,
  properties: { from: { type: "integer" }, to: { type: "integer" } },
};
const figureChoice: Schema = { enum: ["revised", "first"], description: "Published figures as revised, or as first reported" };
const scope: Schema = {
  type: ["object", "null"],
  description: "The case records the chart counts, as a filter (codes as in the query); null when the filters leave nothing it can count",
  additionalProperties: false,
  properties: {
    yearFrom: { type: "integer" },
    yearTo: { type: "integer" },
    ...Object.fromEntries(
      ["countries", "states", "sectors", "perpetrators", "characteristics", "genders", "outcomes", "origins", "verification"].map((k) => [
        k,
        { type: "array", items: { type: "string" } },
      ]),
    ),
  },
};
const coverage: Schema = {
  type: "array",
  description: "The first and last year of the case records counted, per origin",
  items: {
    type: "object",
    required: ["origin", "from", "to"],
    additionalProperties: false,
    properties: {
      origin: { type: "string" },
      from: { type: "integer" },
      to: { type: "integer" },
      importedOn: {
        type: ["string", "null"],
        format: "date",
        description: "gw_dataset only: the day an import of the Global Witness dataset last created or changed records (null: none has)",
      },
    },
  },
};
const yearCounts: Schema = {
  type: "array",
  items: { type: "object", required: ["year", "people"], additionalProperties: false, properties: { year: { type: "integer" }, people: count } },
};
const keyCounts: Schema = {
  type: "array",
  items: {
    type: "object",
    required: ["key", "people"],
    additionalProperties: false,
    properties: { key: nullable("string", { description: "A code; null for unknown" }), people: count },
  },
};
const annualFigures: Schema = {
  type: "array",
  description: "Published annual figures as their sources printed them",
  items: {
    type: "object",
    required: ["year", "scope", "metric", "value", "revisedValue", "reportName"],
    additionalProperties: false,
    properties: {
      year: { type: "integer" },
      scope: { enum: ["country", "worldwide"] },
      metric: { type: "string" },
      value: nullable("number"),
      revisedValue: nullable("number"),
      reportName: nullable("string"),
    },
  },
};
const chartMilestones: Schema = { type: "array", items: ref("Milestone") };
const publishedValue: Schema = {
  type: ["object", "null"],
  required: ["value", "atLeast", "periodStart", "periodEnd"],
  additionalProperties: false,
  properties: { value: nullable("number"), atLeast: { type: "boolean" }, periodStart: { type: "integer" }, periodEnd: { type: "integer" } },
};

/** A chart's data: what every chart has (asOf; country names and the small-count threshold when they apply) and its own fields. */
function chartData(description: string, own: Record<string, Schema>): Schema {
  return {
    type: "object",
    description,
    additionalProperties: false,
    required: ["asOf", ...Object.keys(own)],
    properties: {
      asOf: nullable("string", { description: "The newest date among the sources and records behind the chart (YYYY, YYYY-MM or YYYY-MM-DD)" }),
      countryNames: { type: "object", additionalProperties: { type: "string" }, description: "Names of the countries the filters name" },
      smallCountThreshold: { type: "integer", description: "Counts below it were withheld (null) for this anonymous reader" },
      ...own,
    },
  };
}

const publishedBesideCases = (description: string) =>
  chartData(description, { span: yearSpan, coverage, figures: figureChoice, scope, published: annualFigures, cases: yearCounts, milestones: chartMilestones });
const breakdownOf = (what: string) => chartData(`People in the case records by ${what}`, { scope, coverage, counts: keyCounts });

/** One schema per chart id (a chart added to the registry fails the type check until it is described here). */
const CHART_DATA: Record<ChartId, Schema> = {
  "mexico-annual": publishedBesideCases("Mexico per year: published figures beside people killed or disappeared in the case records"),
  "killed-disappeared": chartData("People killed and disappeared per year in the case records", {
    span: yearSpan,
    scope,
    coverage,
    counts: {
      type: "array",
      items: {
        type: "object",
        required: ["year", "outcome", "people"],
        additionalProperties: false,
        properties: { year: { type: "integer" }, outcome: { type: "string" }, people: count },
      },
    },
    milestones: chartMilestones,
  }),
  "sector-breakdown": breakdownOf("sector (industry driver)"),
  "indigenous-share": chartData("The Indigenous share: published figures beside the case records", {
    scope,
    coverage,
    publishedIndigenous: publishedValue,
    publishedTotal: publishedValue,
    populationShare: { ...publishedValue, description: "Indigenous share of the population, as a fraction" },
    cases: {
      type: "object",
      required: ["indigenous", "total"],
      additionalProperties: false,
      properties: { indigenous: count, total: count },
    },
  }),
  "perpetrator-breakdown": breakdownOf("perpetrator type"),
  "state-breakdown": breakdownOf("Mexican state"),
  "state-map": breakdownOf("Mexican state (the map)"),
  "mining-by-year": chartData("People in mining and extractives case records per year, beside the published figure", {
    span: yearSpan,
    scope,
    coverage,
    counts: yearCounts,
    milestones: chartMilestones,
    publishedMining: publishedValue,
  }),
  reconciliation: publishedBesideCases("Published figures and case records side by side per year, for reconciliation"),
  "annual-trend": chartData("Published annual figures, Mexico and worldwide", {
    span: yearSpan,
    figures: figureChoice,
    published: annualFigures,
    milestones: chartMilestones,
  }),
};

/** The component name of a chart's answer: Chart_mexico-annual. */
export const chartSchemaName = (id: string) => `Chart_${id}`;

const chartAnswers: Record<string, Schema> = Object.fromEntries(
  Object.entries(CHART_DATA).map(([id, data]) => [
    chartSchemaName(id),
    {
      type: "object",
      required: ["id", "query", "data"],
      additionalProperties: false,
      properties: { id: { const: id }, query: { type: "string", description: "The filters applied, as a query string" }, data },
    },
  ]),
);

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
const page = (item: string) => ({
  type: "object",
  required: ["data"],
  additionalProperties: false,
  properties: {
    data: { type: "array", items: ref(item) },
    next: { type: "string", format: "uri", description: "The next page's address; absent on the last page" },
  },
});
const pageParams = [
  { name: "limit", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 500, default: 100 } },
  { name: "after", in: "query", required: false, description: "Cursor: take it from `next`", schema: { type: "string" } },
];
const codes = (name: string, description: string, values?: readonly string[]) => ({
  name,
  in: "query",
  required: false,
  description: `${description}; several repeated or separated by commas`,
  schema: values ? { type: "string", examples: [...values] } : { type: "string" },
});
const closed = errorResponse("Dashboards are not public on this deployment: sign in");
const tooMany = {
  description: "Too many requests from this address (RATE_LIMIT_API_ADDRESS): wait as Retry-After says",
  headers: { "Retry-After": { description: "Seconds to wait", schema: { type: "integer" } } },
  content: json(ref("Error")),
};

export const OPENAPI_DOCUMENT = {
  openapi: "3.1.0",
  jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
  info: {
    title: "Vigía read-only API",
    version: "1.0.0",
    description:
      "Case records of attacks on land and environmental defenders, published figures, milestones, provisions of the commitments, " +
      "the links between case records and provisions, and the aggregates behind every chart. " +
      "Without a session: only where the deployment makes dashboards public (PUBLIC_DASHBOARDS), and then only published case records " +
      "(Global Witness records and verified staff records) in their public shape, and their accepted and suggested links without reviewers' names or rationales. " +
      "A session cookie from signing in gives a reader's own view.",
  },
  servers: [{ url: "/api/v1" }],
  paths: {
    "/cases": {
      get: {
        summary: "Case records, a page at a time",
        description: "Pages are in id order; follow `next` (absent on the last page) to read every matching record exactly once, even while records are added.",
        parameters: [...filterParams, q, ...pageParams],
        responses: {
          "200": ok("One page", page("Case")),
          "304": notModified,
          "400": errorResponse("A bad filter, limit or cursor"),
          "401": closed,
          "403": errorResponse("Unpublished records asked for without an account"),
          "429": tooMany,
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
          "429": tooMany,
        },
      },
    },
    "/figures": {
      get: {
        summary: "Published figures as their sources printed them",
        responses: { "200": ok("Every figure", list("Figure")), "304": notModified, "401": closed, "429": tooMany },
      },
    },
    "/milestones": {
      get: {
        summary: "Dated events that annotate the time charts",
        responses: { "200": ok("Every milestone", list("Milestone")), "304": notModified, "401": closed, "429": tooMany },
      },
    },
    "/provisions": {
      get: {
        summary: "Provisions of the instruments (and the gaps), a page at a time",
        description:
          "As the provisions pages show them, in the reader's language (Accept-Language or the language cookie). Pages are in id order; follow `next` to read every provision exactly once.",
        parameters: [
          codes("instrument", "Instrument codes"),
          { name: "pillar", in: "query", required: false, description: "A pillar as the instrument names it (repeat for several)", schema: { type: "string" } },
          codes("status", "Confirmation statuses", PROVISION_STATUSES),
          {
            name: "gap",
            in: "query",
            required: false,
            description: "true: only the commitments found missing; false: only those made",
            schema: { enum: ["true", "false"] },
          },
          ...pageParams,
        ],
        responses: {
          "200": ok("One page", page("Provision")),
          "304": notModified,
          "400": errorResponse("An unknown instrument or status, a bad gap, limit or cursor"),
          "401": closed,
          "429": tooMany,
        },
      },
    },
    "/provisions/{code}": {
      get: {
        summary: "One provision",
        parameters: [{ name: "code", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": ok("The provision", ref("Provision")),
          "304": notModified,
          "401": closed,
          "404": errorResponse("No such provision"),
          "429": tooMany,
        },
      },
    },
    "/links": {
      get: {
        summary: "Links between case records and provisions, a page at a time",
        description:
          "Two layers, never to be added together: accepted links (findings) and suggestions not yet reviewed, each with the rules that fired and the terms that matched. " +
          "Without a session: links of published case records only, accepted and suggested, without reviewers' names or rationales. " +
          "Signed in: also rejected suggestions, reviewers' names and rationales; staff also see links of unverified case records. " +
          "Pages are in id order; follow `next` to read every link exactly once, even while links are added.",
        parameters: [
          codes("provision", "Provision codes"),
          codes("case", "Case record ids"),
          codes("layer", "accepted, suggested (rejected: signed-in readers only); both of the first two by default", LINK_STATUSES),
          codes("type", "Link types", LINK_TYPES),
          ...pageParams,
        ],
        responses: {
          "200": ok("One page", page("Link")),
          "304": notModified,
          "400": errorResponse("An unknown provision, layer or type, a bad case id, limit or cursor"),
          "401": closed,
          "403": errorResponse("Rejected suggestions asked for without an account"),
          "429": tooMany,
        },
      },
    },
    "/charts/{id}": {
      get: {
        summary: "The aggregates behind a chart",
        description:
          "Each chart id answers with its own data shape (the components Chart_<id>), the same data the chart, its table, PNG and CSV are drawn from.",
        parameters: [{ name: "id", in: "path", required: true, schema: { enum: Object.keys(CHART_DATA) } }, ...filterParams],
        responses: {
          "200": ok("The chart's data as the chart is drawn from it", {
            oneOf: Object.keys(CHART_DATA).map((id) => ref(chartSchemaName(id))),
            discriminator: {
              propertyName: "id",
              mapping: Object.fromEntries(Object.keys(CHART_DATA).map((id) => [id, `#/components/schemas/${chartSchemaName(id)}`])),
            },
          }),
          "304": notModified,
          "400": errorResponse("A bad filter"),
          "401": closed,
          "404": errorResponse("No such chart"),
          "429": tooMany,
        },
      },
    },
    "/openapi.json": { get: { summary: "This document", responses: { "200": { description: "OpenAPI 3.1", content: json({ type: "object" }) } } } },
  },
  components: {
    schemas: {
      Error: error,
      Case: caseRecord,
      Figure: figure,
      Milestone: milestone,
      LocalizedText: localizedText,
      Provision: provision,
      Link: link,
      ...chartAnswers,
    },
  },
} as const;
