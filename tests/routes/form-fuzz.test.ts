// Property-based fuzzing of every form action (docs/decisions/107): each route in
// app/routes that exports an action is called in-process, signed in with the role
// it needs, with 1,000 forms made from a valid one by fast-check: any field
// dropped, repeated, replaced with arbitrary Unicode (lone surrogates, NUL, RTL
// marks, emoji), a huge string, a number, a date, or a file; unknown fields added;
// sent urlencoded or multipart. Bodies the server refuses before any action runs
// (JSON, text, broken multipart, over-size: decision 091) are proved by
// tests/e2e/http-hardening.test.ts, not here. Properties:
// - no answer is a 5xx and nothing but a Response is ever thrown;
// - after the runs, every record a form writes is one its schema accepts;
// - valid text is stored and read back exactly as typed.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { env } from "~/lib/env.server.ts";
import { hasControlCharacters, parseForm } from "~/lib/form.ts";
import { RULES_VERSION } from "~/domain/link-rules.ts";
import { RATIONALE_MAX, RATIONALE_MIN } from "~/domain/link-rationale.ts";
import { LINK_TYPES } from "~/domain/link-type.ts";
import { VERIFICATION_STATUSES } from "~/domain/taxonomy.ts";
import { previewGwImport } from "~/models/gw-import.server.ts";
import { incidentToFormValues, validateIncident, VERIFICATION_NOTE_MAX } from "~/models/incident.schema.ts";
import { getIncidentForStaff } from "~/models/incident.server.ts";
import { getInstrumentForm } from "~/models/instrument.server.ts";
import { instrumentSchema } from "~/models/instrument.schema.ts";
import { getMilestoneForm } from "~/models/milestone.server.ts";
import { milestoneSchema } from "~/models/milestone.schema.ts";
import { getProvisionForm } from "~/models/provision.server.ts";
import { provisionSchema } from "~/models/provision.schema.ts";
import { SOURCE_KINDS } from "~/models/source.schema.ts";
import { newUserSchema, ROLES } from "~/models/user.schema.ts";
import { hashPassword } from "~/lib/password.server.ts";
import { decryptField } from "~/lib/field-crypto.server.ts";
import { startSecondFactor } from "~/lib/session.server.ts";
import { confirmTotpEnrolment, startTotpEnrolment } from "~/models/user.server.ts";
import { generate } from "otplib";
import { GW_DATASET_TEST_URL } from "../mocks/gw-dataset.ts";
import { signInAs, signInAsUser, type TestSession } from "../setup/auth.ts";
import { gwCsv } from "../setup/gw-csv.ts";
import { makeIncident, validIncidentFields } from "../setup/incidents.ts";
import { BASE, postedEditForm, run, type Outcome } from "../setup/route.ts";

// 1,000 runs per action on SQLite; PostgreSQL (CI runs both) tries a smaller share of the same forms.
const RUNS = process.env.TEST_DB_KIND === "postgresql" ? 200 : 1000;
const ROUND_TRIPS = 100;

type Role = "anonymous" | "viewer" | "staff" | "admin";
type Value = string | string[] | File;
type Fields = Record<string, Value>;

interface Target {
  path: string;
  params?: Record<string, string>;
  /** A form the action accepts (or would, but for the state of the record) */
  fields: Fields;
  /** Other valid values of a field (the intents of one action, the choices of a select) */
  choices?: Record<string, string[]>;
  /** A cookie sent besides the session's (the second sign-in step's pending cookie) */
  cookie?: string;
}

interface Spec {
  role: Role;
  /** A fresh session per run, for an action that ends the session it is given */
  freshSession?: boolean;
  /** The session of an account of the spec's own, instead of the role's shared one */
  session?: () => Promise<TestSession>;
  /** What is posted in one run: made anew each run, so that a record used up by one run does not starve the rest */
  target: () => Promise<Target>;
}

const modules = import.meta.glob("../../app/routes/*.{ts,tsx}", { eager: true }) as Record<string, { action?: unknown }>;
const ACTION_FILES = Object.entries(modules)
  .filter(([, mod]) => typeof mod.action === "function")
  .map(([path]) => path.replace("../../app/routes/", ""))
  .sort();

let sessions: Record<Exclude<Role, "anonymous">, TestSession>;
/** A viewer of its own, whose password the fuzzing may change */
let passwordUser: { id: string; password: string };
let liveIncident: string;
let provisionCode: string;
let provisionId: string;
let instrumentCode: string;
let milestoneKey: string;
let targetUser: string;
let doneJob: string;
/** A staff member of its own whose second factor the fuzzing turns on and off, and its password */
let twoFactorUser: { id: string; password: string };
/** An account with a second factor on, whose sign-in the second step finishes */
let codeUser: { id: string; secret: string };
let counter = 0;
const next = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

beforeAll(async () => {
  env().gwDatasetUrl = GW_DATASET_TEST_URL;
  // Sign-in limits are tried in tests/routes/rate-limits.test.ts; here the actions behind them are fuzzed.
  process.env.RATE_LIMIT_SIGN_IN_ADDRESS = "1000000/1m";
  process.env.RATE_LIMIT_SIGN_IN_ACCOUNT = "1000000/1m";
  sessions = { viewer: await signInAs("viewer"), staff: await signInAs("staff"), admin: await signInAs("admin") };
  const password = "the-fuzzed-viewer-password-1";
  passwordUser = {
    id: (
      await prisma.user.create({
        data: { email: "fuzz-viewer@vigia.test", name: "Fuzz", role: "viewer", passwordHash: await hashPassword(password), active: true },
      })
    ).id,
    password,
  };
  liveIncident = await makeIncident();
  const instrument = await prisma.instrument.create({ data: { code: "FUZZ-I", name: "Fuzz instrument", kind: "law" } });
  instrumentCode = instrument.code;
  const provision = await prisma.provision.create({
    data: { code: "FUZZ-P", instrumentId: instrument.id, pillar: "Fuzz", title: "Fuzz provision", summary: "A provision to fuzz.", status: "reported" },
  });
  provisionCode = provision.code;
  provisionId = provision.id;
  milestoneKey = (await prisma.milestone.create({ data: { key: "fuzz-m", date: new Date("2026-01-15T00:00:00Z"), label: "Fuzz milestone" } })).key;
  targetUser = (await prisma.user.create({ data: { email: "fuzz-target@vigia.test", name: "Target", role: "viewer", passwordHash: "x", active: true } })).id;
  const twoFactorPassword = "the-fuzzed-staff-password-1";
  twoFactorUser = {
    id: (
      await prisma.user.create({
        data: { email: "fuzz-2fa@vigia.test", name: "Fuzz 2FA", role: "staff", passwordHash: await hashPassword(twoFactorPassword), active: true },
      })
    ).id,
    password: twoFactorPassword,
  };
  const codeUserId = (
    await prisma.user.create({
      data: { email: "fuzz-code@vigia.test", name: "Fuzz code", role: "staff", passwordHash: await hashPassword("the-fuzzed-code-password-1"), active: true },
    })
  ).id;
  await startTotpEnrolment(codeUserId);
  const secret = decryptField((await prisma.user.findUniqueOrThrow({ where: { id: codeUserId }, select: { totpSecret: true } })).totpSecret)!;
  const enrolled = await confirmTotpEnrolment(codeUserId, await generate({ secret }), "no-session-open");
  if (!enrolled.ok) throw new Error("fixture enrolment refused");
  codeUser = { id: codeUserId, secret };
  doneJob = (await prisma.linkSuggestionJob.create({ data: { status: "done", rulesVersion: RULES_VERSION, total: 0 } })).id;
});

afterAll(async () => {
  delete process.env.RATE_LIMIT_SIGN_IN_ADDRESS;
  delete process.env.RATE_LIMIT_SIGN_IN_ACCOUNT;
});

const SOURCE_CHOICES = { sourceKey: ["", "__new__"], newSourceKind: ["", ...SOURCE_KINDS] };

/** Every route with an action, and what a run posts to it. */
const SPECS: Record<string, Spec> = {
  "account.two-factor.tsx": {
    role: "staff",
    session: () => signInAsUser(twoFactorUser.id),
    target: async () => ({
      path: "/account/two-factor",
      fields: { intent: "start", code: "123456", password: twoFactorUser.password },
      choices: { intent: ["start", "cancel", "confirm", "regenerate", "disable"] },
    }),
  },
  "login_.code.tsx": {
    role: "anonymous",
    target: async () => {
      const pending = await startSecondFactor(new Request(`${BASE}/login`), codeUser.id);
      return {
        path: "/login/code",
        fields: { code: await generate({ secret: codeUser.secret }), redirectTo: "/incidents" },
        cookie: pending.split(";")[0],
      };
    },
  },
  "account.password.tsx": {
    role: "viewer",
    target: async () => {
      const fresh = `a-new-password-${next()}`;
      return { path: "/account/password", fields: { currentPassword: passwordUser.password, newPassword: fresh, confirmPassword: fresh } };
    },
  },
  "admin.import._index.tsx": {
    role: "admin",
    target: async () => ({
      path: "/admin/import",
      fields: { intent: "upload", file: new File([gwCsv([{ id: `fz-${next()}` }])], "fuzz.csv", { type: "text/csv" }) },
      choices: { intent: ["upload", "fetch"] },
    }),
  },
  "admin.import.$id.tsx": {
    role: "admin",
    target: async () => {
      const preview = await previewGwImport({ csv: gwCsv([{ id: `fz-${next()}` }]), origin: "upload", sourceName: "fuzz.csv", actorId: null });
      if (!preview.ok) throw new Error(`fixture import refused: ${preview.refusal.problem}`);
      const id = preview.job.id;
      // Confirming starts an import in the background: rare, so that the runs do not wait on imports.
      return { path: `/admin/import/${id}`, params: { id }, fields: { intent: "discard" }, choices: { intent: ["discard", "discard", "discard", "confirm"] } };
    },
  },
  "admin.users.$id.tsx": {
    role: "admin",
    target: async () => ({
      path: `/admin/users/${targetUser}`,
      params: { id: targetUser },
      fields: { intent: "role", role: "staff", password: `temporary-password-${next()}` },
      choices: { intent: ["role", "deactivate", "reactivate", "unlock", "reset", "removeSecondFactor", "revoke"], role: [...ROLES] },
    }),
  },
  "admin.users.new.tsx": {
    role: "admin",
    target: async () => ({
      path: "/admin/users/new",
      fields: { email: `new-${next()}@vigia.test`, name: "Nueva Persona", role: "viewer", password: "una-contraseña-larga-1" },
      choices: { role: [...ROLES] },
    }),
  },
  "incidents.$id._index.tsx": {
    role: "staff",
    target: async () => {
      const version = (await prisma.incident.findUniqueOrThrow({ where: { id: liveIncident }, select: { version: true } })).version;
      return {
        path: `/incidents/${liveIncident}`,
        params: { id: liveIncident },
        fields: { intent: "verify", status: "verified", note: "Checked with two sources", version: String(version) },
        choices: { intent: ["verify", "delete", "restore"], status: ["verified", "reported", "disputed", "rejected"] },
      };
    },
  },
  "incidents.$id.edit.tsx": {
    role: "staff",
    target: async () => {
      const version = (await prisma.incident.findUniqueOrThrow({ where: { id: liveIncident }, select: { version: true } })).version;
      return {
        path: `/incidents/${liveIncident}/edit`,
        params: { id: liveIncident },
        fields: validIncidentFields({ version: String(version) }),
        choices: { intent: ["save", "addSource", "removeSource-0"] },
      };
    },
  },
  "incidents.$id.purge.tsx": {
    role: "admin",
    target: async () => {
      const id = await makeIncident(undefined, { deleted: true });
      return { path: `/incidents/${id}/purge`, params: { id }, fields: { confirm: "yes" } };
    },
  },
  "incidents.new.tsx": {
    role: "staff",
    target: async () => ({ path: "/incidents/new", fields: validIncidentFields({ saveAnyway: "1" }) }),
  },
  "incidents_.$id_.links.tsx": {
    role: "staff",
    target: async () => {
      // A case of its own each run, with a suggestion to decide on.
      const incident = await makeIncident();
      const other = await prisma.provision.findFirstOrThrow({ where: { id: { not: provisionId } }, orderBy: { code: "asc" } });
      const link = await prisma.incidentProvisionLink.upsert({
        where: { incidentId_provisionId: { incidentId: incident, provisionId: other.id } },
        create: { incidentId: incident, provisionId: other.id, method: "rule", status: "suggested" },
        update: { status: "suggested" },
      });
      return {
        path: `/incidents/${incident}/links`,
        params: { id: incident },
        fields: {
          intent: "accept",
          linkId: link.id,
          provisionId: provisionId,
          expectedStatus: "suggested",
          rationale: "Named in the community's complaint",
          linkType: "",
          redirectTo: `/incidents/${incident}`,
        },
        choices: { intent: ["accept", "reject", "link"], expectedStatus: ["suggested", "accepted", "rejected"], linkType: ["", ...LINK_TYPES] },
      };
    },
  },
  "language.ts": {
    role: "viewer",
    target: async () => ({ path: "/language", fields: { lng: "es", redirectTo: "/trends?from=2015" }, choices: { lng: ["en", "es", "fr"] } }),
  },
  "login.tsx": {
    role: "anonymous",
    target: async () => ({
      path: "/login",
      fields: { email: "viewer@vigia.test", password: "vigia-viewer-demo", redirectTo: "/incidents" },
      choices: { email: ["viewer@vigia.test", "VIEWER@vigia.test ", "nobody@vigia.test"] },
    }),
  },
  "logout.ts": {
    role: "viewer",
    freshSession: true,
    target: async () => ({ path: "/logout", fields: {} }),
  },
  "provisions.$code.edit.tsx": {
    role: "staff",
    target: async () => {
      const form = (await getProvisionForm(provisionCode))!;
      return {
        path: `/provisions/${provisionCode}/edit`,
        params: { code: provisionCode },
        fields: { ...postedEditForm(form), statusNote: "Checked against the plan" },
        choices: { status: ["confirmed", "reported", "unconfirmed"], ...SOURCE_CHOICES },
      };
    },
  },
  "provisions.instruments.$code.edit.tsx": {
    role: "staff",
    target: async () => {
      const form = (await getInstrumentForm(instrumentCode))!;
      return {
        path: `/provisions/instruments/${instrumentCode}/edit`,
        params: { code: instrumentCode },
        fields: { ...postedEditForm(form), nameFr: "Une loi d'essai" },
        choices: SOURCE_CHOICES,
      };
    },
  },
  "provisions.instruments.new.tsx": {
    role: "staff",
    target: async () => ({
      path: "/provisions/instruments/new",
      fields: { code: `FZ-${next().toUpperCase()}`, name: "A test law", nameEs: "Una ley de prueba", kind: "law", position: "20", sourceKey: "" },
      choices: SOURCE_CHOICES,
    }),
  },
  "provisions.milestones.$key.edit.tsx": {
    role: "staff",
    target: async () => {
      const form = (await getMilestoneForm(milestoneKey))!;
      return {
        path: `/provisions/milestones/${milestoneKey}/edit`,
        params: { key: milestoneKey },
        fields: { ...postedEditForm(form), labelEs: "Reunión de seguimiento" },
        choices: { instrumentCode: ["", "CSP-AP", instrumentCode], ...SOURCE_CHOICES },
      };
    },
  },
  "provisions.milestones.new.tsx": {
    role: "staff",
    target: async () => ({
      path: "/provisions/milestones/new",
      fields: { key: `fz-${next()}`, date: "2026-05-04", label: "Follow-up meeting", instrumentCode: "CSP-AP", note: "", sourceKey: "" },
      choices: { instrumentCode: ["", "CSP-AP", "NO-SUCH"], ...SOURCE_CHOICES },
    }),
  },
  "provisions.new.tsx": {
    role: "staff",
    target: async () => ({
      path: "/provisions/new",
      fields: {
        code: `FZ-${next().toUpperCase()}`,
        instrumentCode: "CSP-AP",
        pillar: "II. Mobility, Inclusivity and Well-being",
        title: "Support for community radio",
        summary: "A commitment written for the fuzzing.",
        status: "reported",
        madeOn: "2025-09-18",
        termsEn: "community radio",
        termsEs: "radio comunitaria",
        position: "50",
        sourceKey: "__new__",
        newSourceTitle: "A source typed in the form",
        newSourceUrl: "https://example.org/source",
        newSourceKind: "article",
      },
      choices: { isGap: ["on", ""], instrumentCode: ["CSP-AP", instrumentCode, "NO-SUCH"], ...SOURCE_CHOICES },
    }),
  },
  "provisions.rules.tsx": {
    role: "admin",
    target: async () => ({ path: "/provisions/rules", fields: {} }),
  },
  "provisions.suggest.$id.tsx": {
    role: "admin",
    target: async () => ({ path: `/provisions/suggest/${doneJob}`, params: { id: doneJob }, fields: {} }),
  },
};

// ---------- What fast-check makes ----------

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const special = fc.constantFrom(
  "\0",
  "a\0b",
  "\u202E\u2066evil\u2069",
  "\u200F\u200E",
  "\uFEFF",
  "👩🏽‍🌾🇲🇽",
  "\uD800",
  "x\uDFFFy",
  "\r\n",
  " ",
  "",
  "' OR 1=1 --",
  '"><script>alert(1)</script>',
  "%00",
  "../../etc/passwd",
  "__proto__",
  "constructor",
  "2026-02-30",
  "0000-00-00",
  "9999-12-31",
  "-1",
  "1e309",
  "NaN",
  "Infinity",
  "99999999999999999999999",
  "0x10",
  "null",
  "undefined",
  "[]",
  "{}",
  "true",
);
/** Any text: every Unicode unit (lone surrogates too), mixed with the characters above. */
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: fc.oneof(fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }), loneSurrogate, special), maxLength: 12 }).map((parts) => parts),
  special,
);
const huge = fc
  .tuple(fc.integer({ min: 2_000, max: 200_000 }), fc.constantFrom("a", "é", "👩🏽‍🌾", "\0", "\u202E", " ", "9", "\uD800"))
  .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)));
const number = fc.oneof(fc.integer().map(String), fc.double().map(String), fc.bigInt().map(String), fc.constantFrom("0", "-0", "1.5", "1e3"));
const date = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.date({ noInvalidDate: true }).map((d) => String(d.getTime())),
);
const wrongText = fc.oneof({ weight: 4, arbitrary: anyText }, { weight: 1, arbitrary: huge }, { weight: 2, arbitrary: number }, { weight: 1, arbitrary: date });
const file = fc
  .tuple(fc.uint8Array({ maxLength: 2000 }), fc.oneof(anyText, fc.constant("x.csv")))
  .map(([bytes, name]) => new File([new Uint8Array(bytes)], name, { type: "application/octet-stream" }));

/** How one field of the valid form is changed in a run. */
type Change =
  | { kind: "keep" }
  | { kind: "drop" }
  | { kind: "choice"; index: number }
  | { kind: "replace"; value: string }
  | { kind: "repeat"; values: string[] }
  | { kind: "file"; file: File };

const change: fc.Arbitrary<Change> = fc.oneof(
  { weight: 10, arbitrary: fc.constant<Change>({ kind: "keep" }) },
  { weight: 2, arbitrary: fc.constant<Change>({ kind: "drop" }) },
  { weight: 3, arbitrary: fc.nat().map<Change>((index) => ({ kind: "choice", index })) },
  { weight: 4, arbitrary: wrongText.map<Change>((value) => ({ kind: "replace", value })) },
  {
    weight: 2,
    arbitrary: fc.array(fc.oneof(wrongText, fc.constant("")), { minLength: 1, maxLength: 3 }).map<Change>((values) => ({ kind: "repeat", values })),
  },
  { weight: 1, arbitrary: file.map<Change>((f) => ({ kind: "file", file: f })) },
);

interface Mutation {
  /** One change per field name, applied in order (a field without one is kept) */
  changes: Change[];
  extra: [string, string][];
  /** Changes of the route's params (ids and codes in the address) */
  param: Change;
  csrf: Change;
  multipart: boolean;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  changes: fc.array(change, { minLength: 40, maxLength: 40 }),
  extra: fc.array(fc.tuple(fc.oneof(anyText, fc.constantFrom("version", "intent", "csrf", "__proto__", "role", "id")), wrongText), { maxLength: 4 }),
  param: fc.oneof(
    { weight: 12, arbitrary: fc.constant<Change>({ kind: "keep" }) },
    { weight: 1, arbitrary: wrongText.map<Change>((value) => ({ kind: "replace", value })) },
  ),
  csrf: fc.oneof(
    { weight: 30, arbitrary: fc.constant<Change>({ kind: "keep" }) },
    { weight: 1, arbitrary: fc.constant<Change>({ kind: "drop" }) },
    { weight: 1, arbitrary: wrongText.map<Change>((value) => ({ kind: "replace", value })) },
    { weight: 1, arbitrary: fc.constant<Change>({ kind: "repeat", values: [] }) },
  ),
  multipart: fc.boolean(),
});

function applyChange(name: string, value: Value | undefined, c: Change, choices: Record<string, string[]>): Value | undefined {
  switch (c.kind) {
    case "keep":
      return value;
    case "drop":
      return undefined;
    case "choice": {
      const options = choices[name];
      return options?.length ? options[c.index % options.length] : value;
    }
    case "replace":
      return c.value;
    case "repeat":
      return [...[value ?? []].flat().filter((v): v is string => typeof v === "string"), ...c.values];
    case "file":
      return c.file;
  }
}

/** The form of one run: the valid one changed, as urlencoded or multipart, with the session's cookie and token. */
function buildRequest(t: Target, m: Mutation, session: TestSession | undefined): { request: Request; params: Record<string, string> } {
  const fields: [string, Value][] = [];
  const names = Object.keys(t.fields);
  names.forEach((name, i) => {
    const v = applyChange(name, t.fields[name], m.changes[i % m.changes.length], t.choices ?? {});
    if (v !== undefined) fields.push([name, v]);
  });
  // Fields with choices but missing from the valid form (an optional checkbox) may appear.
  for (const name of Object.keys(t.choices ?? {}).filter((n) => !names.includes(n))) {
    const v = applyChange(name, undefined, m.changes[(names.length + name.length) % m.changes.length], t.choices ?? {});
    if (v !== undefined) fields.push([name, v]);
  }
  fields.push(...m.extra);
  if (session) {
    const csrf = applyChange("csrf", session.csrf, m.csrf, {});
    if (m.csrf.kind === "repeat") fields.push(["csrf", session.csrf], ["csrf", "forged"]);
    else if (csrf !== undefined) fields.push(["csrf", csrf]);
  }
  let body: FormData | URLSearchParams;
  if (m.multipart || fields.some(([, v]) => v instanceof File)) {
    const form = new FormData();
    for (const [k, v] of fields) for (const item of v instanceof File ? [v] : [v].flat()) form.append(k, item);
    body = form;
  } else {
    const params = new URLSearchParams();
    for (const [k, v] of fields) for (const item of [v].flat()) params.append(k, item as string);
    body = params;
  }
  // An address cannot carry a lone surrogate: the router hands the action the well-formed text.
  const params = { ...t.params };
  let path = t.path;
  if (m.param.kind === "replace" && t.params) {
    const replaced = new TextDecoder().decode(new TextEncoder().encode(m.param.value));
    for (const [k, v] of Object.entries(t.params)) {
      params[k] = replaced;
      path = path
        .split("/")
        .map((part) => (part === v ? encodeURIComponent(replaced) : part))
        .join("/");
    }
  }
  const cookie = [session?.cookie, t.cookie].filter(Boolean).join("; ");
  const request = new Request(BASE + path, { method: "POST", body, headers: { Origin: BASE, ...(cookie ? { Cookie: cookie } : {}) } });
  return { request, params };
}

async function sessionFor(spec: Spec): Promise<TestSession | undefined> {
  if (spec.role === "anonymous") return undefined;
  if (spec.session) return spec.session();
  if (spec.freshSession) return signInAs(spec.role);
  if (spec.role === "viewer" && spec === SPECS["account.password.tsx"]) return signInAsUser(passwordUser.id);
  return sessions[spec.role];
}

function expectNoServerError(outcome: Outcome, what: string) {
  expect(outcome.status, `${what}: ${JSON.stringify(outcome.data)?.slice(0, 300)}`).toBeLessThan(500);
}

/** Waits for what the runs started in the background (bulk suggestion runs, confirmed imports). */
async function settle() {
  for (let i = 0; i < 2400; i++) {
    const busy =
      (await prisma.linkSuggestionJob.count({ where: { status: { in: ["queued", "running"] } } })) +
      (await prisma.gwImportJob.count({ where: { status: { in: ["queued", "running"] } } }));
    if (!busy) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("background work did not finish");
}

describe("every form action, fuzzed", () => {
  it("has a fuzz spec for every route that exports an action", () => {
    expect(ACTION_FILES.length).toBeGreaterThan(15);
    expect(Object.keys(SPECS).sort(), "each route with an action needs an entry in SPECS").toEqual(ACTION_FILES);
  });

  for (const file of Object.keys(SPECS).sort()) {
    it(`${file}: ${RUNS} fuzzed forms answer without a server error`, { timeout: 600_000 }, async () => {
      const spec = SPECS[file];
      const action = (modules[`../../app/routes/${file}`] as { action: Parameters<typeof run>[0] }).action;
      // The session of the password user is revoked when its password changes: sign in again each run.
      const passwordRuns = file === "account.password.tsx";
      await fc.assert(
        fc.asyncProperty(mutation, async (m) => {
          const session = passwordRuns ? await signInAsUser(passwordUser.id) : await sessionFor(spec);
          const target = await spec.target();
          const { request, params } = buildRequest(target, m, session);
          const outcome = await run(action, request, params);
          expectNoServerError(outcome, file);
          if (passwordRuns && outcome.status === 302) {
            // The password changed: the next runs must know it.
            passwordUser.password = String((target.fields.newPassword as string) ?? passwordUser.password);
          }
        }),
        { numRuns: RUNS },
      );
      await settle();
    });
  }

  it("leaves only records that their forms' schemas accept", async () => {
    await settle();
    const incidents = await prisma.incident.findMany({ where: { origin: "staff" }, select: { id: true } });
    expect(incidents.length).toBeGreaterThan(0);
    for (const { id } of incidents) {
      const stored = (await getIncidentForStaff(id))!;
      const checked = validateIncident(incidentToFormValues(stored));
      expect(checked.ok, `incident ${id}: ${JSON.stringify(checked.ok ? null : checked.errors)}`).toBe(true);
    }
    for (const { code } of await prisma.provision.findMany({ select: { code: true } })) {
      const form = (await getProvisionForm(code))!;
      const checked = parseForm(provisionSchema, form.values);
      expect(checked.ok, `provision ${code}: ${JSON.stringify(checked.ok ? null : checked.errors)}`).toBe(true);
    }
    for (const { code } of await prisma.instrument.findMany({ select: { code: true } })) {
      const form = (await getInstrumentForm(code))!;
      const checked = parseForm(instrumentSchema, form.values);
      expect(checked.ok, `instrument ${code}: ${JSON.stringify(checked.ok ? null : checked.errors)}`).toBe(true);
    }
    for (const { key } of await prisma.milestone.findMany({ select: { key: true } })) {
      const form = (await getMilestoneForm(key))!;
      const checked = parseForm(milestoneSchema, form.values);
      expect(checked.ok, `milestone ${key}: ${JSON.stringify(checked.ok ? null : checked.errors)}`).toBe(true);
    }
    for (const user of await prisma.user.findMany({ select: { email: true, name: true, role: true } })) {
      const checked = newUserSchema.safeParse({ email: user.email, name: user.name, role: user.role, password: "a-password-long-enough" });
      expect(checked.success, `user ${user.email}: ${checked.error?.message}`).toBe(true);
      expect(checked.data?.email).toBe(user.email);
    }
    for (const link of await prisma.incidentProvisionLink.findMany({ where: { method: "manual" } })) {
      expect(link.rationale?.length ?? 0, `link ${link.id}`).toBeGreaterThanOrEqual(RATIONALE_MIN);
      expect(link.rationale?.length ?? 0, `link ${link.id}`).toBeLessThanOrEqual(RATIONALE_MAX);
    }
    for (const link of await prisma.incidentProvisionLink.findMany({ where: { status: { not: "suggested" } } })) {
      expect(["accepted", "rejected"]).toContain(link.status);
      if (link.linkType) expect(LINK_TYPES as readonly string[]).toContain(link.linkType);
    }
    for (const source of await prisma.source.findMany()) {
      expect(source.title.trim().length, `source ${source.key}`).toBeGreaterThan(0);
      if (source.url) expect(source.url).toMatch(/^https?:\/\//);
    }
    for (const incident of await prisma.incident.findMany({ select: { id: true, verificationStatus: true, verificationNote: true } })) {
      expect(VERIFICATION_STATUSES as readonly string[], incident.id).toContain(incident.verificationStatus);
      expect(incident.verificationNote?.length ?? 0, incident.id).toBeLessThanOrEqual(VERIFICATION_NOTE_MAX);
      if (incident.verificationNote !== null) expect(incident.verificationNote.trim()).toBe(incident.verificationNote);
    }
  });
});

// ---------- Valid text comes back as typed ----------

/** Text a person can type that a form keeps as it is: any Unicode (emoji, RTL marks, accents), trimmed, no control characters (validation.controlCharacters). */
const typedText = (max: number) =>
  fc
    .string({
      unit: fc.oneof(fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }), fc.constantFrom("\u200F", "\u202E", "👩🏽‍🌾", "ñ", "é", "\t", "ß")),
      minLength: 1,
      maxLength: Math.min(max, 60),
    })
    .filter((v) => v.trim() === v && v.length > 0 && v.length <= max && !hasControlCharacters(v));

async function postValid(file: string, t: Target, session: TestSession): Promise<Outcome> {
  const action = (modules[`../../app/routes/${file}`] as { action: Parameters<typeof run>[0] }).action;
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(t.fields)) for (const item of [v].flat()) body.append(k, item as string);
  body.set("csrf", session.csrf);
  return run(action, new Request(BASE + t.path, { method: "POST", body, headers: { Origin: BASE, Cookie: session.cookie } }), t.params ?? {});
}

describe("valid text is stored and read back exactly as typed", () => {
  it("in a new provision", { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(typedText(120), typedText(200), typedText(2000), typedText(500), async (pillar, title, summary, statusNote) => {
        const t = await SPECS["provisions.new.tsx"].target();
        Object.assign(t.fields, { pillar, title, summary, statusNote, titleEs: title, summaryFr: summary, newSourceTitle: title });
        const outcome = await postValid("provisions.new.tsx", t, sessions.staff);
        expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
        const form = (await getProvisionForm(t.fields.code as string))!;
        expect(form.values).toMatchObject({ pillar, title, summary, statusNote, titleEs: title, summaryFr: summary });
        const source = await prisma.source.findFirstOrThrow({ where: { provisions: { some: { code: t.fields.code as string } } } });
        expect(source.title).toBe(title);
      }),
      { numRuns: ROUND_TRIPS },
    );
  });

  it("in a new instrument and a new milestone", { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(typedText(300), typedText(300), typedText(500), async (name, label, note) => {
        const i = await SPECS["provisions.instruments.new.tsx"].target();
        Object.assign(i.fields, { name, nameEs: label, nameFr: name });
        expect((await postValid("provisions.instruments.new.tsx", i, sessions.staff)).status).toBe(302);
        expect((await getInstrumentForm(i.fields.code as string))!.values).toMatchObject({ name, nameEs: label, nameFr: name });
        const m = await SPECS["provisions.milestones.new.tsx"].target();
        Object.assign(m.fields, { label, labelFr: name, note });
        expect((await postValid("provisions.milestones.new.tsx", m, sessions.staff)).status).toBe(302);
        expect((await getMilestoneForm(m.fields.key as string))!.values).toMatchObject({ label, labelFr: name, note });
      }),
      { numRuns: ROUND_TRIPS },
    );
  });

  it("in a logged case, its confidential fields and a link's rationale", { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(typedText(200), typedText(2000), typedText(500), typedText(RATIONALE_MAX), async (name, description, secret, rationale) => {
        // The schema counts characters (code points), not UTF-16 units.
        fc.pre([...rationale].length >= RATIONALE_MIN);
        const fields = validIncidentFields({
          victimName: name,
          municipality: name,
          description,
          witnesses: secret,
          contacts: secret,
          confidentialNotes: description,
          companyName: name,
          saveAnyway: "1",
        });
        let outcome = await postValid("incidents.new.tsx", { path: "/incidents/new", fields }, sessions.staff);
        // Similar cases are shown first; saving anyway needs each one acknowledged, as a person would.
        if (outcome.status === 200 && outcome.data?.duplicates?.length) {
          const acknowledged = outcome.data.duplicates.map((d: { id: string }) => d.id);
          outcome = await postValid("incidents.new.tsx", { path: "/incidents/new", fields: { ...fields, acknowledged } }, sessions.staff);
        }
        expect(outcome.status, JSON.stringify(outcome.data)?.slice(0, 500)).toBe(302);
        const id = outcome.location!.match(/^\/incidents\/(\w+)/)![1];
        const values = incidentToFormValues((await getIncidentForStaff(id))!);
        expect(values).toMatchObject({ victimName: name, municipality: name, description, company: { name } });
        expect(values.confidential).toMatchObject({ witnesses: secret, contacts: secret, confidentialNotes: description });
        const link = await postValid(
          "incidents_.$id_.links.tsx",
          { path: `/incidents/${id}/links`, params: { id }, fields: { intent: "link", provisionId, rationale } },
          sessions.staff,
        );
        expect(link.status, JSON.stringify(link.data)).toBe(302);
        const stored = await prisma.incidentProvisionLink.findFirstOrThrow({ where: { incidentId: id, provisionId } });
        expect(stored.rationale).toBe(rationale);
      }),
      { numRuns: ROUND_TRIPS },
    );
  });

  it("in a new user's name", { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(typedText(200), async (name) => {
        const t = await SPECS["admin.users.new.tsx"].target();
        t.fields.name = name;
        const outcome = await postValid("admin.users.new.tsx", t, sessions.admin);
        expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
        expect((await prisma.user.findUniqueOrThrow({ where: { email: t.fields.email as string } })).name).toBe(name);
      }),
      { numRuns: 30 },
    );
  });
});
