// The authorization matrix: every loader and action of every route in app/routes,
// tried as anonymous, viewer, staff and admin. Route files are listed from disk, so
// a new route that is not in the matrix fails this test. A denied attempt must
// answer 403 (or redirect to sign-in) and change nothing in the database. Every answer,
// allowed or refused, is checked against the cache rule too (see attempt).
import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { env } from "~/lib/env.server.ts";
import { cachedResponse } from "~/lib/http.server.ts";
import { RULES_VERSION } from "~/domain/link-rules.ts";
import { getInstrumentForm } from "~/models/instrument.server.ts";
import { getGwImportJob, previewGwImport } from "~/models/gw-import.server.ts";
import { getLinkSuggestionJob } from "~/models/link-job.server.ts";
import { getMilestoneForm } from "~/models/milestone.server.ts";
import { getProvisionForm } from "~/models/provision.server.ts";
import { signInAs, type TestSession } from "../setup/auth.ts";
import { makeIncident, validIncidentFields } from "../setup/incidents.ts";
import { gwCsv } from "../setup/gw-csv.ts";
import { GW_DATASET_TEST_URL } from "../mocks/gw-dataset.ts";
import { BASE, isDenied, postedEditForm, run, type Outcome } from "../setup/route.ts";
import { getAs, postForm } from "../setup/auth.ts";

type Who = "anonymous" | "viewer" | "staff" | "admin";
const WHO: Who[] = ["anonymous", "viewer", "staff", "admin"];
const RANK: Record<Who, number> = { anonymous: 0, viewer: 1, staff: 2, admin: 3 };

interface Fixture {
  live: string;
  deleted: string;
  user: string;
  /** A deactivated user, to reactivate */
  inactive: string;
  /** A published case record (Global Witness), whose links anyone may read */
  published: string;
  /** A provision of its own (no links yet), and its edit form as the page fills it in */
  provision: string;
  provisionId: string;
  provisionForm: EditForm;
  instrument: string;
  instrumentForm: EditForm;
  milestone: string;
  milestoneForm: EditForm;
  /** A link suggested for `live` (to another provision), to accept or reject */
  link: string;
  /** A bulk suggestion run whose server failed, to resume */
  job: string;
  /** A previewed Global Witness import of one new row, to confirm or discard */
  importJob: string;
}

type EditForm = { values: Record<string, string | boolean | string[]>; version: number };

interface Attempt {
  /** What is tried, for the test name */
  name: string;
  method: "GET" | "POST";
  /** Lowest role allowed ("anonymous" = public) */
  min: Who;
  path: (f: Fixture) => string;
  params?: (f: Fixture) => Record<string, string>;
  fields?: (f: Fixture) => Record<string, string | string[]>;
  /**
   * Signed-in roles below `min` that get 404 instead of 403: for them the record
   * does not exist (a deleted case is not revealed to viewers).
   */
  notFoundBelow?: boolean;
  /** Status an allowed attempt answers when it is not a success (the 404 page) */
  allowedStatus?: number;
  /** Waits for background work an allowed attempt started, so that it cannot change the database under the next attempt. */
  settle?: (outcome: Outcome) => Promise<void>;
  /** A read that is recorded: an allowed attempt writes exactly one audit event of this action, and nothing else */
  audited?: "case_export";
}

const ROUTES_DIR = resolve(import.meta.dirname, "../../app/routes");
const modules = import.meta.glob("../../app/routes/*.{ts,tsx}", { eager: true }) as Record<string, { loader?: any; action?: any }>;

const id = (f: Fixture) => ({ id: f.live });
const code = (f: Fixture) => ({ code: f.provision });
const random = () => Math.random().toString(36).slice(2, 10);

const STOPPED = "The server stopped";

/** A bulk suggestion run started or resumed by an allowed attempt: wait until it has finished. */
async function runFinished(outcome: Outcome): Promise<void> {
  const jobId = outcome.location?.match(/^\/provisions\/suggest\/(\w+)$/)?.[1];
  expect(jobId, `a run's progress page: ${outcome.location}`).toBeTruthy();
  for (let i = 0; i < 1200; i++) {
    const job = await getLinkSuggestionJob(jobId!);
    if (job?.status === "done") return;
    // A resumed run stays "failed" (with the fixture's error) until it has started again.
    if (job?.status === "failed") expect(job.error, "the run failed").toBe(STOPPED);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`run ${jobId} did not finish`);
}

/** An import confirmed by an allowed attempt: wait until it has finished. */
async function importFinished(outcome: Outcome): Promise<void> {
  const jobId = outcome.location?.match(/^\/admin\/import\/(\w+)$/)?.[1];
  expect(jobId, `an import's page: ${outcome.location}`).toBeTruthy();
  for (let i = 0; i < 1200; i++) {
    const job = await getGwImportJob(jobId!);
    if (job?.status === "done") return;
    expect(job?.status, job?.error ?? "").not.toBe("failed");
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`import ${jobId} did not finish`);
}

/** Every route file and what each role may do with it. */
const MATRIX: Record<string, Attempt[]> = {
  "_index.tsx": [{ name: "read the overview", method: "GET", min: "anonymous", path: () => "/" }],
  "$.tsx": [{ name: "open an unknown address", method: "GET", min: "anonymous", path: () => "/no-such-page", allowedStatus: 404 }],
  "healthz.ts": [{ name: "health check", method: "GET", min: "anonymous", path: () => "/healthz" }],
  "language.ts": [
    { name: "switch language", method: "POST", min: "anonymous", path: () => "/language", fields: () => ({ lng: "es", redirectTo: "/" }) },
    { name: "GET /language", method: "GET", min: "anonymous", path: () => "/language" },
  ],
  "account.password.tsx": [
    { name: "open change password", method: "GET", min: "viewer", path: () => "/account/password" },
    // Refused by the form (the two new passwords differ): reaching the form is what is checked, not changing a demo password.
    {
      name: "change password",
      method: "POST",
      min: "viewer",
      path: () => "/account/password",
      fields: () => ({ currentPassword: "x", newPassword: "a-new-password-here", confirmPassword: "different" }),
      allowedStatus: 400,
    },
  ],
  "login.tsx": [
    { name: "open sign-in", method: "GET", min: "anonymous", path: () => "/login" },
    { name: "sign in", method: "POST", min: "anonymous", path: () => "/login", fields: () => ({ email: "viewer@vigia.test", password: "vigia-viewer-demo" }) },
  ],
  "login_.code.tsx": [
    { name: "open the second step", method: "GET", min: "anonymous", path: () => "/login/code" },
    // Nothing waiting (no second-step cookie): the form answers that the sign-in must start again.
    { name: "send a code", method: "POST", min: "anonymous", path: () => "/login/code", fields: () => ({ code: "123456" }), allowedStatus: 400 },
  ],
  "account.two-factor.tsx": [
    { name: "open two-step sign-in", method: "GET", min: "staff", path: () => "/account/two-factor" },
    { name: "start enrolling an authenticator", method: "POST", min: "staff", path: () => "/account/two-factor", fields: () => ({ intent: "start" }) },
  ],
  "logout.ts": [
    { name: "GET /logout", method: "GET", min: "anonymous", path: () => "/logout" },
    // Signing out is tried last for each role (it ends the session); see below.
  ],
  "incidents._index.tsx": [
    { name: "list cases", method: "GET", min: "viewer", path: () => "/incidents?state=GRO&sort=date_asc" },
    { name: "list deleted cases", method: "GET", min: "staff", path: () => "/incidents?view=deleted" },
  ],
  "incidents[.]csv.ts": [
    { name: "export the case list as CSV", method: "GET", min: "viewer", path: () => "/incidents.csv?state=GRO&sep=semicolon", audited: "case_export" },
  ],
  "incidents[.]json.ts": [
    { name: "export the case list as JSON", method: "GET", min: "viewer", path: () => "/incidents.json?state=GRO", audited: "case_export" },
  ],
  // The read-only API: public where dashboards are, files for signed-in readers; its 404 answers anyone.
  "api.v1.cases.ts": [{ name: "page through cases by API", method: "GET", min: "anonymous", path: () => "/api/v1/cases?limit=5&q=jose" }],
  "api.v1.cases[.]csv.ts": [
    { name: "download cases as CSV by API", method: "GET", min: "viewer", path: () => "/api/v1/cases.csv?state=GRO", audited: "case_export" },
  ],
  "api.v1.charts.$id.ts": [
    {
      name: "read a chart's aggregates by API",
      method: "GET",
      min: "anonymous",
      path: () => "/api/v1/charts/sector-breakdown",
      params: () => ({ id: "sector-breakdown" }),
    },
  ],
  "api.v1.figures.ts": [{ name: "read published figures by API", method: "GET", min: "anonymous", path: () => "/api/v1/figures" }],
  "api.v1.links.ts": [{ name: "page through links by API", method: "GET", min: "anonymous", path: (f) => `/api/v1/links?case=${f.published}&limit=5` }],
  "api.v1.provisions._index.ts": [{ name: "page through provisions by API", method: "GET", min: "anonymous", path: () => "/api/v1/provisions?limit=5" }],
  "api.v1.provisions.$code.ts": [
    {
      name: "read a provision by API",
      method: "GET",
      min: "anonymous",
      path: (f) => `/api/v1/provisions/${f.provision}`,
      params: (f) => ({ code: f.provision }),
    },
  ],
  "api.v1.milestones.ts": [{ name: "read milestones by API", method: "GET", min: "anonymous", path: () => "/api/v1/milestones" }],
  "api.v1.openapi[.]json.ts": [{ name: "read the API's description", method: "GET", min: "anonymous", path: () => "/api/v1/openapi.json" }],
  "api.$.ts": [{ name: "ask the API for nothing there", method: "GET", min: "anonymous", path: () => "/api/v2/x", allowedStatus: 404 }],
  "incidents.new.tsx": [
    { name: "open the incident form", method: "GET", min: "staff", path: () => "/incidents/new" },
    { name: "log an incident", method: "POST", min: "staff", path: () => "/incidents/new", fields: () => validIncidentFields({ stateCode: "ZAC" }) },
  ],
  "incidents.$id._index.tsx": [
    { name: "read a case", method: "GET", min: "viewer", path: (f) => `/incidents/${f.live}`, params: id },
    {
      name: "read a deleted case",
      method: "GET",
      min: "staff",
      path: (f) => `/incidents/${f.deleted}`,
      params: (f) => ({ id: f.deleted }),
      notFoundBelow: true,
    },
    {
      name: "verify a case",
      method: "POST",
      min: "staff",
      path: (f) => `/incidents/${f.live}`,
      params: id,
      fields: () => ({ intent: "verify", status: "verified", note: "Checked", version: "1" }),
    },
    { name: "delete a case", method: "POST", min: "staff", path: (f) => `/incidents/${f.live}`, params: id, fields: () => ({ intent: "delete" }) },
    {
      name: "restore a case",
      method: "POST",
      min: "staff",
      path: (f) => `/incidents/${f.deleted}`,
      params: (f) => ({ id: f.deleted }),
      fields: () => ({ intent: "restore" }),
    },
  ],
  "incidents.$id.edit.tsx": [
    { name: "open the edit form", method: "GET", min: "staff", path: (f) => `/incidents/${f.live}/edit`, params: id },
    {
      name: "edit a case",
      method: "POST",
      min: "staff",
      path: (f) => `/incidents/${f.live}/edit`,
      params: id,
      fields: () => validIncidentFields({ version: "1", stateCode: "SON" }),
    },
  ],
  "incidents.$id.purge.tsx": [
    { name: "open the purge confirmation", method: "GET", min: "admin", path: (f) => `/incidents/${f.deleted}/purge`, params: (f) => ({ id: f.deleted }) },
    {
      name: "purge a case",
      method: "POST",
      min: "admin",
      path: (f) => `/incidents/${f.deleted}/purge`,
      params: (f) => ({ id: f.deleted }),
      fields: () => ({ confirm: "yes" }),
    },
  ],
  "admin.users._index.tsx": [{ name: "list users", method: "GET", min: "admin", path: () => "/admin/users" }],
  "admin.users.new.tsx": [
    { name: "open the new-user form", method: "GET", min: "admin", path: () => "/admin/users/new" },
    {
      name: "create a user",
      method: "POST",
      min: "admin",
      path: () => "/admin/users/new",
      fields: () => ({ email: `new-${Math.random().toString(36).slice(2)}@vigia.test`, name: "Nueva", role: "staff", password: "una-contraseña-larga-1" }),
    },
  ],
  "admin.users.$id.tsx": [
    { name: "open a user", method: "GET", min: "admin", path: (f) => `/admin/users/${f.user}`, params: (f) => ({ id: f.user }) },
    {
      name: "change a role",
      method: "POST",
      min: "admin",
      path: (f) => `/admin/users/${f.user}`,
      params: (f) => ({ id: f.user }),
      fields: () => ({ intent: "role", role: "admin" }),
    },
    {
      name: "deactivate a user",
      method: "POST",
      min: "admin",
      path: (f) => `/admin/users/${f.user}`,
      params: (f) => ({ id: f.user }),
      fields: () => ({ intent: "deactivate" }),
    },
    {
      name: "reactivate a user",
      method: "POST",
      min: "admin",
      path: (f) => `/admin/users/${f.inactive}`,
      params: (f) => ({ id: f.inactive }),
      fields: () => ({ intent: "reactivate" }),
    },
    {
      name: "revoke a user's sessions",
      method: "POST",
      min: "admin",
      path: (f) => `/admin/users/${f.user}`,
      params: (f) => ({ id: f.user }),
      fields: () => ({ intent: "revoke" }),
    },
    // The target has no second factor: the form answers that there is nothing to remove (tested with one in tests/routes/two-factor.test.ts).
    {
      name: "remove a user's second factor",
      method: "POST",
      min: "admin",
      path: (f) => `/admin/users/${f.user}`,
      params: (f) => ({ id: f.user }),
      fields: () => ({ intent: "removeSecondFactor" }),
      allowedStatus: 400,
    },
  ],
  "audit.tsx": [{ name: "read the audit log", method: "GET", min: "admin", path: () => "/audit?action=create" }],
  "admin.import._index.tsx": [
    { name: "open the dataset import", method: "GET", min: "admin", path: () => "/admin/import" },
    // The configured address is answered by msw (tests/mocks/gw-dataset.ts); an upload is tried in tests/routes/gw-import.test.ts.
    { name: "fetch the dataset for a preview", method: "POST", min: "admin", path: () => "/admin/import", fields: () => ({ intent: "fetch" }) },
  ],
  "admin.import.$id.tsx": [
    { name: "read an import's preview", method: "GET", min: "admin", path: (f) => `/admin/import/${f.importJob}`, params: (f) => ({ id: f.importJob }) },
    {
      name: "confirm an import",
      method: "POST",
      min: "admin",
      path: (f) => `/admin/import/${f.importJob}`,
      params: (f) => ({ id: f.importJob }),
      fields: () => ({ intent: "confirm" }),
      settle: importFinished,
    },
    {
      name: "discard an import",
      method: "POST",
      min: "admin",
      path: (f) => `/admin/import/${f.importJob}`,
      params: (f) => ({ id: f.importJob }),
      fields: () => ({ intent: "discard" }),
    },
  ],

  // Trends and chart exports: public dashboards.
  "trends.tsx": [{ name: "explore trends", method: "GET", min: "anonymous", path: () => "/trends?sector=mining_extractives&from=2015&to=2020" }],
  "charts._index.tsx": [{ name: "list the charts", method: "GET", min: "anonymous", path: () => "/charts?from=2015&lng=fr" }],
  "charts.$id[.]png.ts": [
    { name: "export a chart as PNG", method: "GET", min: "anonymous", path: () => "/charts/annual-trend.png?lng=es", params: () => ({ id: "annual-trend" }) },
  ],
  "charts.$id[.]csv.ts": [
    {
      name: "export a chart as CSV",
      method: "GET",
      min: "anonymous",
      path: () => "/charts/state-map.csv?sector=mining_extractives",
      params: () => ({ id: "state-map" }),
    },
  ],
  "embed.$id.tsx": [
    { name: "embed a chart", method: "GET", min: "anonymous", path: () => "/embed/sector-breakdown?from=2018", params: () => ({ id: "sector-breakdown" }) },
  ],

  // Commitments: public pages and exports; staff edit them; admins run the rules over every case.
  "matrix.tsx": [
    { name: "read the accountability matrix", method: "GET", min: "anonymous", path: () => "/matrix?sector=mining_extractives&status=both&from=2012&to=2021" },
  ],
  "matrix[.]csv.ts": [{ name: "export the matrix as CSV", method: "GET", min: "anonymous", path: () => "/matrix.csv?from=2019&to=2021" }],
  "matrix[.]png.ts": [{ name: "export the matrix as PNG", method: "GET", min: "anonymous", path: () => "/matrix.png?from=2019&to=2021&lng=fr" }],
  "provisions._index.tsx": [{ name: "list the provisions", method: "GET", min: "anonymous", path: () => "/provisions" }],
  "provisions.$code._index.tsx": [
    { name: "read a provision", method: "GET", min: "anonymous", path: () => "/provisions/AP-I-MIN", params: () => ({ code: "AP-I-MIN" }) },
  ],
  "provisions.$code.cases.tsx": [
    {
      name: "list a provision's case records",
      method: "GET",
      min: "anonymous",
      path: () => "/provisions/AP-I-MIN/cases?year=2021&sector=mining_extractives&status=both",
      params: () => ({ code: "AP-I-MIN" }),
    },
  ],
  "provisions.$code.scorecard.tsx": [
    {
      name: "read a scorecard",
      method: "GET",
      min: "anonymous",
      path: () => "/provisions/AP-I-MIN/scorecard?milestone=escazu-in-force-mx&months=6",
      params: () => ({ code: "AP-I-MIN" }),
    },
  ],
  "provisions.$code.scorecard[.]csv.ts": [
    {
      name: "export a scorecard as CSV",
      method: "GET",
      min: "anonymous",
      path: () => "/provisions/AP-I-MIN/scorecard.csv",
      params: () => ({ code: "AP-I-MIN" }),
    },
  ],
  "provisions.$code.scorecard[.]png.ts": [
    {
      name: "export a scorecard as PNG",
      method: "GET",
      min: "anonymous",
      path: () => "/provisions/AP-I-MIN/scorecard.png?lng=es",
      params: () => ({ code: "AP-I-MIN" }),
    },
  ],
  "provisions.new.tsx": [
    { name: "open the provision form", method: "GET", min: "staff", path: () => "/provisions/new?instrument=CSP-AP" },
    {
      name: "add a provision",
      method: "POST",
      min: "staff",
      path: () => "/provisions/new",
      fields: () => ({
        code: `fx-new-${random()}`,
        instrumentCode: "CSP-AP",
        pillar: "II. Mobility, Inclusivity and Well-being",
        title: "Support for community radio",
        summary: "A commitment written for the authorization matrix.",
        status: "reported",
        madeOn: "2025-09-18",
        termsEn: "community radio",
        termsEs: "radio comunitaria",
        position: "50",
        sourceKey: "__new__",
        newSourceTitle: "A source typed in the form",
        newSourceUrl: "https://example.org/source",
        newSourceKind: "article",
      }),
    },
  ],
  "provisions.$code.edit.tsx": [
    { name: "open a provision's edit form", method: "GET", min: "staff", path: (f) => `/provisions/${f.provision}/edit`, params: code },
    {
      name: "edit a provision",
      method: "POST",
      min: "staff",
      path: (f) => `/provisions/${f.provision}/edit`,
      params: code,
      fields: (f) => ({ ...postedEditForm(f.provisionForm), statusNote: "Checked against the plan text" }),
    },
  ],
  "provisions.instruments.new.tsx": [
    { name: "open the instrument form", method: "GET", min: "staff", path: () => "/provisions/instruments/new" },
    {
      name: "add an instrument",
      method: "POST",
      min: "staff",
      path: () => "/provisions/instruments/new",
      fields: () => ({ code: `fx-law-${random()}`, name: "A test law", nameEs: "Una ley de prueba", kind: "law", position: "20", sourceKey: "" }),
    },
  ],
  "provisions.instruments.$code.edit.tsx": [
    {
      name: "open an instrument's edit form",
      method: "GET",
      min: "staff",
      path: (f) => `/provisions/instruments/${f.instrument}/edit`,
      params: (f) => ({ code: f.instrument }),
    },
    {
      name: "edit an instrument",
      method: "POST",
      min: "staff",
      path: (f) => `/provisions/instruments/${f.instrument}/edit`,
      params: (f) => ({ code: f.instrument }),
      fields: (f) => ({ ...postedEditForm(f.instrumentForm), nameFr: "Une loi d'essai" }),
    },
  ],
  "provisions.milestones._index.tsx": [{ name: "list the milestones", method: "GET", min: "anonymous", path: () => "/provisions/milestones?lng=es" }],
  "provisions.milestones.new.tsx": [
    { name: "open the milestone form", method: "GET", min: "staff", path: () => "/provisions/milestones/new" },
    {
      name: "add a milestone",
      method: "POST",
      min: "staff",
      path: () => "/provisions/milestones/new",
      fields: () => ({ key: `fx-meeting-${random()}`, date: "2026-05-04", label: "Follow-up meeting", instrumentCode: "CSP-AP", note: "", sourceKey: "" }),
    },
  ],
  "provisions.milestones.$key.edit.tsx": [
    {
      name: "open a milestone's edit form",
      method: "GET",
      min: "staff",
      path: (f) => `/provisions/milestones/${f.milestone}/edit`,
      params: (f) => ({ key: f.milestone }),
    },
    {
      name: "edit a milestone",
      method: "POST",
      min: "staff",
      path: (f) => `/provisions/milestones/${f.milestone}/edit`,
      params: (f) => ({ key: f.milestone }),
      fields: (f) => ({ ...postedEditForm(f.milestoneForm), labelEs: "Reunión de seguimiento" }),
    },
  ],
  "provisions.review.tsx": [
    { name: "list cases awaiting link review", method: "GET", min: "staff", path: () => "/provisions/review?sector=mining_extractives" },
  ],
  "provisions.rules.tsx": [
    { name: "read the link rules", method: "GET", min: "anonymous", path: () => "/provisions/rules" },
    { name: "start a bulk suggestion run", method: "POST", min: "admin", path: () => "/provisions/rules", fields: () => ({}), settle: runFinished },
  ],
  "provisions.suggest.$id.tsx": [
    { name: "watch a bulk run", method: "GET", min: "staff", path: (f) => `/provisions/suggest/${f.job}`, params: (f) => ({ id: f.job }) },
    {
      name: "resume a failed bulk run",
      method: "POST",
      min: "admin",
      path: (f) => `/provisions/suggest/${f.job}`,
      params: (f) => ({ id: f.job }),
      fields: () => ({}),
      settle: runFinished,
    },
  ],
  "incidents_.$id_.links.tsx": [
    { name: "read a case's links", method: "GET", min: "anonymous", path: (f) => `/incidents/${f.published}/links`, params: (f) => ({ id: f.published }) },
    {
      name: "accept a suggested link",
      method: "POST",
      min: "staff",
      path: (f) => `/incidents/${f.live}/links`,
      params: id,
      fields: (f) => ({
        intent: "accept",
        linkId: f.link,
        expectedStatus: "suggested",
        rationale: "Threatened over the commitment's subject",
        redirectTo: `/incidents/${f.live}`,
      }),
    },
    {
      name: "reject a suggested link",
      method: "POST",
      min: "staff",
      path: (f) => `/incidents/${f.live}/links`,
      params: id,
      fields: (f) => ({ intent: "reject", linkId: f.link, expectedStatus: "suggested", rationale: "No bearing on this commitment" }),
    },
    {
      name: "link a provision by hand",
      method: "POST",
      min: "staff",
      path: (f) => `/incidents/${f.live}/links`,
      params: id,
      fields: (f) => ({ intent: "link", provisionId: f.provisionId, rationale: "Named in the community's complaint" }),
    },
  ],
};

/**
 * Aggregate dashboards and their exports: public unless the deployment sets
 * PUBLIC_DASHBOARDS=0, then for signed-in viewers (requireDashboardReader).
 */
const DASHBOARDS = [
  "_index.tsx",
  "trends.tsx",
  "charts._index.tsx",
  "charts.$id[.]png.ts",
  "charts.$id[.]csv.ts",
  "embed.$id.tsx",
  "matrix.tsx",
  "matrix[.]csv.ts",
  "matrix[.]png.ts",
  "provisions._index.tsx",
  "provisions.$code._index.tsx",
  "provisions.$code.cases.tsx",
  "provisions.$code.scorecard.tsx",
  "provisions.$code.scorecard[.]csv.ts",
  "provisions.$code.scorecard[.]png.ts",
  "provisions.milestones._index.tsx",
  "provisions.rules.tsx",
  "incidents_.$id_.links.tsx",
];
/** Open to everyone whatever the deployment says: signing in and out, the language, health, the 404 page. */
const OPEN_TO_ALL = ["$.tsx", "healthz.ts", "language.ts", "login.tsx", "login_.code.tsx", "logout.ts", "api.v1.openapi[.]json.ts", "api.$.ts"];
/** The API's public endpoints: like dashboards, but an anonymous reader is answered 401 (JSON) when they are not public. */
const API_PUBLIC = [
  "api.v1.cases.ts",
  "api.v1.charts.$id.ts",
  "api.v1.figures.ts",
  "api.v1.milestones.ts",
  "api.v1.links.ts",
  "api.v1.provisions._index.ts",
  "api.v1.provisions.$code.ts",
];

/** Signing out: every role may (it only ends one's own session); tried with a throwaway session. */
const LOGOUT: Attempt = { name: "sign out", method: "POST", min: "anonymous", path: () => "/logout", fields: () => ({}) };

let sessions: Record<Exclude<Who, "anonymous">, TestSession>;

beforeAll(async () => {
  env().gwDatasetUrl = GW_DATASET_TEST_URL;
  sessions = { viewer: await signInAs("viewer"), staff: await signInAs("staff"), admin: await signInAs("admin") };
});

async function fixture(): Promise<Fixture> {
  const live = await makeIncident();
  const deleted = await makeIncident(undefined, { deleted: true });
  const user = (
    await prisma.user.create({
      data: { email: `target-${Math.random().toString(36).slice(2)}@vigia.test`, name: "Target", role: "viewer", passwordHash: "x", active: true },
    })
  ).id;
  // A live session for the target, so that revoking or deactivating has something to end.
  await prisma.session.create({ data: { id: `s-${user}`, userId: user, expiresAt: new Date(Date.now() + 3_600_000) } });
  const inactive = (
    await prisma.user.create({
      data: { email: `off-${Math.random().toString(36).slice(2)}@vigia.test`, name: "Off", role: "viewer", passwordHash: "x", active: false },
    })
  ).id;
  const published = (await prisma.incident.findFirstOrThrow({ where: { origin: "gw_dataset", deletedAt: null }, orderBy: { id: "asc" }, select: { id: true } }))
    .id;
  // Commitments of its own, so that an edit or a link never depends on an earlier attempt.
  const suffix = random().toUpperCase();
  const instrument = await prisma.instrument.create({ data: { code: `FX-I-${suffix}`, name: "Fixture instrument", kind: "law" } });
  const provision = await prisma.provision.create({
    data: {
      code: `FX-P-${suffix}`,
      instrumentId: instrument.id,
      pillar: "Fixtures",
      title: "Fixture provision",
      summary: "A provision made for one attempt.",
      status: "reported",
    },
  });
  const milestone = await prisma.milestone.create({
    data: { key: `fx-m-${suffix.toLowerCase()}`, date: new Date("2026-01-15T00:00:00Z"), label: "Fixture milestone" },
  });
  const other = await prisma.provision.findFirstOrThrow({
    where: { code: { not: provision.code }, links: { none: { incidentId: live } } },
    orderBy: { code: "asc" },
  });
  const link = await prisma.incidentProvisionLink.create({
    data: { incidentId: live, provisionId: other.id, method: "rule", rulesFired: JSON.stringify(["defender-mexico"]), score: 1, status: "suggested" },
  });
  const job = await prisma.linkSuggestionJob.create({ data: { status: "failed", rulesVersion: RULES_VERSION, total: 1, error: STOPPED } });
  const preview = await previewGwImport({ csv: gwCsv([{ id: `fx-gw-${suffix}` }]), origin: "upload", sourceName: "fixture.csv", actorId: null });
  if (!preview.ok) throw new Error(`fixture import refused: ${preview.refusal.problem}`);
  const [provisionForm, instrumentForm, milestoneForm] = await Promise.all([
    getProvisionForm(provision.code),
    getInstrumentForm(instrument.code),
    getMilestoneForm(milestone.key),
  ]);
  return {
    live,
    deleted,
    user,
    inactive,
    published,
    provision: provision.code,
    provisionId: provision.id,
    provisionForm: provisionForm!,
    instrument: instrument.code,
    instrumentForm: instrumentForm!,
    milestone: milestone.key,
    milestoneForm: milestoneForm!,
    link: link.id,
    job: job.id,
    importJob: preview.job.id,
  };
}

/** Everything a denied attempt could have changed. */
/** The database as a text to compare; `except` leaves the audit events of one action out of the count. */
async function snapshot(except?: string): Promise<string> {
  const [incidents, users, sessionRows, instruments, provisions, milestones, links, jobs, importJobs, counts] = await Promise.all([
    prisma.incident.findMany({
      select: { id: true, version: true, deletedAt: true, verificationStatus: true, updatedAt: true, stateCode: true },
      orderBy: { id: "asc" },
    }),
    prisma.user.findMany({ select: { id: true, role: true, active: true, updatedAt: true }, orderBy: { id: "asc" } }),
    prisma.session.findMany({ select: { id: true, revokedAt: true, lastSeenAt: true }, orderBy: { id: "asc" } }),
    prisma.instrument.findMany({ select: { id: true, code: true, version: true, updatedAt: true }, orderBy: { id: "asc" } }),
    prisma.provision.findMany({ select: { id: true, code: true, version: true, updatedAt: true }, orderBy: { id: "asc" } }),
    prisma.milestone.findMany({ select: { id: true, key: true, version: true, updatedAt: true }, orderBy: { id: "asc" } }),
    prisma.incidentProvisionLink.findMany({ select: { id: true, status: true, updatedAt: true }, orderBy: { id: "asc" } }),
    prisma.linkSuggestionJob.findMany({ select: { id: true, status: true, processed: true, updatedAt: true }, orderBy: { id: "asc" } }),
    prisma.gwImportJob.findMany({ select: { id: true, status: true, processed: true, updatedAt: true }, orderBy: { id: "asc" } }),
    Promise.all([
      prisma.incidentSource.count(),
      prisma.incidentCharacteristic.count(),
      prisma.incidentConfidential.count(),
      prisma.auditEvent.count(except ? { where: { action: { not: except } } } : undefined),
      prisma.incidentProvisionLink.count(),
      prisma.source.count(),
    ]),
  ]);
  return JSON.stringify({ incidents, users, sessionRows, instruments, provisions, milestones, links, jobs, importJobs, counts });
}

/**
 * Tries one attempt and checks the cache rule of its answer (decision 092) as the
 * server sends it: the route's answer passed through cachedResponse, the function
 * the HTTP server applies to every Remix answer.
 * - anything to a signed-in reader, and every write: no-store;
 * - a page or file only signed-in readers may fetch: no-store for everyone, and an
 *   export of that kind says no-store itself (whoever asks, however it is served);
 * - a public page or file answered to an anonymous reader: cacheable, with an ETag;
 *   public dashboard files (CSV, PNG) may be kept by shared caches.
 */
async function attempt(file: string, a: Attempt, who: Who, f: Fixture, session?: TestSession): Promise<Outcome> {
  const mod = modules[`../../app/routes/${file}`];
  const url = BASE + a.path(f);
  const s = session ?? (who === "anonymous" ? undefined : sessions[who]);
  const request = a.method === "GET" ? getAs(url, s) : postForm(url, a.fields?.(f) ?? {}, s);
  const outcome = await run(a.method === "GET" ? mod.loader : mod.action, request, a.params?.(f) ?? {});
  const what = `${file}: ${a.name} (${a.method}) as ${who}, ${outcome.status}`;
  const own = outcome.response.headers.get("Cache-Control");
  const sent = await cachedResponse(request, outcome.response);
  const cacheControl = sent.headers.get("Cache-Control") ?? "";
  if (s || a.method !== "GET") expect(cacheControl, what).toMatch(/\bno-store\b/);
  if (a.method === "GET" && a.min !== "anonymous") {
    expect(cacheControl, what).toMatch(/\bno-store\b/);
    // An export (a resource route: a file, not a page) says so itself.
    if (file.endsWith(".ts") && outcome.status === 200) expect(own, what).toMatch(/\bno-store\b/);
  }
  // The health check answers how the server is now: never kept (it is a probe, not a page).
  if (!s && a.method === "GET" && a.min === "anonymous" && outcome.status === 200 && file !== "healthz.ts") {
    expect(cacheControl, what).not.toMatch(/no-store|private/);
    expect(sent.headers.get("ETag"), what).toMatch(/^W\/"[\w-]+"$/);
    if (/\[\.\](png|csv)\.ts$/.test(file) && env().publicDashboards) expect(cacheControl, what).toMatch(/\bpublic\b.*max-age=\d+/);
  }
  if (outcome.status !== 200) expect(sent.headers.get("ETag"), what).toBeNull();
  return outcome;
}

describe("authorization matrix", () => {
  it("covers every route file, and every loader and action in them", () => {
    const files = readdirSync(ROUTES_DIR)
      .filter((f) => /\.(ts|tsx)$/.test(f))
      .sort();
    expect(Object.keys(MATRIX).sort(), "each route file needs an entry in MATRIX").toEqual(files);
    for (const file of files) {
      const mod = modules[`../../app/routes/${file}`];
      const attempts = file === "logout.ts" ? [...MATRIX[file], LOGOUT] : MATRIX[file];
      if (mod.loader)
        expect(
          attempts.some((a) => a.method === "GET"),
          `${file}: its loader is not tried`,
        ).toBe(true);
      if (mod.action)
        expect(
          attempts.some((a) => a.method === "POST"),
          `${file}: its action is not tried`,
        ).toBe(true);
      for (const a of attempts) expect(a.method === "GET" ? mod.loader : mod.action, `${file}: ${a.name} has no handler`).toBeTypeOf("function");
    }
  });

  for (const [file, attempts] of Object.entries(MATRIX)) {
    for (const a of attempts) {
      // Cacheable answers are read whole for their ETag, as the server does: a PNG is drawn for each role.
      it(
        `${file}: ${a.name} (${a.method}) is allowed from ${a.min} up and refused below, changing nothing, cached only where the rule allows`,
        { timeout: 120_000 },
        async () => {
          for (const who of WHO) {
            const f = await fixture();
            if (RANK[who] < RANK[a.min]) {
              const before = await snapshot();
              const outcome = await attempt(file, a, who, f);
              const refused = isDenied(outcome) || (!!a.notFoundBelow && who !== "anonymous" && outcome.status === 404);
              expect(refused, `${who} should be refused: got ${outcome.status} ${outcome.location ?? ""}`).toBe(true);
              if (who === "anonymous" && a.method === "GET" && !file.startsWith("api.")) expect(outcome.location).toMatch(/^\/login\?redirectTo=/);
              expect(await snapshot(), `${who}'s refused attempt changed the database`).toBe(before);
            } else {
              const before = a.method === "GET" ? await snapshot(a.audited) : null;
              const recorded = a.audited ? await prisma.auditEvent.count({ where: { action: a.audited } }) : 0;
              const outcome = await attempt(file, a, who, f);
              expect(isDenied(outcome), `${who} should be allowed: got ${outcome.status} ${outcome.location ?? ""}`).toBe(false);
              // Allowed means it worked: a page, or a redirect after the change.
              if (a.allowedStatus) expect(outcome.status).toBe(a.allowedStatus);
              else expect(outcome.status, `${who}: ${JSON.stringify(outcome.data)?.slice(0, 300)}`).toBeLessThan(400);
              await a.settle?.(outcome);
              // Loaders only read, whoever asks.
              if (before !== null) expect(await snapshot(a.audited), `${who}'s reading changed the database`).toBe(before);
              if (a.audited) expect(await prisma.auditEvent.count({ where: { action: a.audited } }), `${who}'s reading is recorded once`).toBe(recorded + 1);
            }
          }
        },
      );
    }
  }

  it("lets every role sign itself out (a throwaway session each)", async () => {
    const f = await fixture();
    for (const who of WHO) {
      const session = who === "anonymous" ? undefined : await signInAs(who);
      const outcome = await attempt("logout.ts", LOGOUT, who, f, session);
      expect(outcome.status).toBe(302);
      expect(outcome.location).toBe("/");
    }
  });

  it("refuses every signed-in action without the session's CSRF token, changing nothing", async () => {
    for (const [file, attempts] of Object.entries(MATRIX)) {
      for (const a of attempts.filter((x) => x.method === "POST" && x.min !== "anonymous")) {
        const f = await fixture();
        const before = await snapshot();
        const mod = modules[`../../app/routes/${file}`];
        const body = new URLSearchParams();
        for (const [k, v] of Object.entries(a.fields?.(f) ?? {})) for (const item of [v].flat()) body.append(k, item);
        const request = new Request(BASE + a.path(f), { method: "POST", body, headers: { Cookie: sessions.admin.cookie, Origin: BASE } });
        const outcome = await run(mod.action, request, a.params?.(f) ?? {});
        expect(outcome.status, `${file}: ${a.name}`).toBe(403);
        expect(await snapshot()).toBe(before);
      }
    }
  });

  it("keeps the overview from anonymous visitors when the deployment says dashboards are not public", async () => {
    const mod = modules["../../app/routes/_index.tsx"];
    const config = env();
    config.publicDashboards = false;
    try {
      const anonymous = await run(mod.loader, getAs(`${BASE}/`));
      expect(anonymous.status).toBe(302);
      expect(anonymous.location).toMatch(/^\/login/);
      const viewer = await run(mod.loader, getAs(`${BASE}/`, sessions.viewer));
      expect(viewer.status).toBe(200);
    } finally {
      config.publicDashboards = true;
    }
  });

  it("classes every public page as a dashboard or as one of the few pages open to all", () => {
    const publicFiles = Object.entries(MATRIX)
      .filter(([, attempts]) => attempts.some((a) => a.method === "GET" && a.min === "anonymous"))
      .map(([file]) => file);
    for (const file of publicFiles)
      expect(DASHBOARDS.includes(file) || API_PUBLIC.includes(file) || OPEN_TO_ALL.includes(file), `${file}: a dashboard, or open to all?`).toBe(true);
    for (const file of DASHBOARDS) expect(publicFiles, `${file} is tried as a public page`).toContain(file);
  });

  it("keeps every dashboard and export from anonymous visitors when dashboards are not public, and serves viewers", { timeout: 180_000 }, async () => {
    const config = env();
    config.publicDashboards = false;
    try {
      const f = await fixture();
      for (const file of DASHBOARDS) {
        for (const a of MATRIX[file].filter((x) => x.method === "GET")) {
          const before = await snapshot();
          const anonymous = await attempt(file, a, "anonymous", f);
          expect(anonymous.status, `${file}: ${a.name} as anonymous`).toBe(302);
          expect(anonymous.location, `${file}: ${a.name} as anonymous`).toBe(`/login?redirectTo=${encodeURIComponent(a.path(f))}`);
          const viewer = await attempt(file, a, "viewer", f);
          expect(isDenied(viewer), `${file}: ${a.name} as viewer`).toBe(false);
          expect(viewer.status, `${file}: ${a.name} as viewer`).toBe(200);
          expect(await snapshot()).toBe(before);
        }
      }
      for (const file of API_PUBLIC) {
        for (const a of MATRIX[file]) {
          const anonymous = await attempt(file, a, "anonymous", f);
          expect(anonymous.status, `${file}: ${a.name} as anonymous`).toBe(401);
          const viewer = await attempt(file, a, "viewer", f);
          expect(viewer.status, `${file}: ${a.name} as viewer`).toBe(200);
        }
      }
    } finally {
      config.publicDashboards = true;
    }
  });
});
