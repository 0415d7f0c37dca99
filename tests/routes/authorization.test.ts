// The authorization matrix: every loader and action of every route in app/routes,
// tried as anonymous, viewer, staff and admin. Route files are listed from disk, so
// a new route that is not in the matrix fails this test. A denied attempt must
// answer 403 (or redirect to sign-in) and change nothing in the database.
import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { env } from "~/lib/env.server.ts";
import { signInAs, type TestSession } from "../setup/auth.ts";
import { makeIncident, validIncidentFields } from "../setup/incidents.ts";
import { BASE, isDenied, run, type Outcome } from "../setup/route.ts";
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
}

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
}

const ROUTES_DIR = resolve(import.meta.dirname, "../../app/routes");
const modules = import.meta.glob("../../app/routes/*.{ts,tsx}", { eager: true }) as Record<string, { loader?: any; action?: any }>;

const id = (f: Fixture) => ({ id: f.live });

/** Every route file and what each role may do with it. */
const MATRIX: Record<string, Attempt[]> = {
  "_index.tsx": [{ name: "read the overview", method: "GET", min: "anonymous", path: () => "/" }],
  "$.tsx": [{ name: "open an unknown address", method: "GET", min: "anonymous", path: () => "/no-such-page", allowedStatus: 404 }],
  "healthz.ts": [{ name: "health check", method: "GET", min: "anonymous", path: () => "/healthz" }],
  "language.ts": [
    { name: "switch language", method: "POST", min: "anonymous", path: () => "/language", fields: () => ({ lng: "es", redirectTo: "/" }) },
    { name: "GET /language", method: "GET", min: "anonymous", path: () => "/language" },
  ],
  "login.tsx": [
    { name: "open sign-in", method: "GET", min: "anonymous", path: () => "/login" },
    { name: "sign in", method: "POST", min: "anonymous", path: () => "/login", fields: () => ({ email: "viewer@vigia.test", password: "vigia-viewer-demo" }) },
  ],
  "logout.ts": [
    { name: "GET /logout", method: "GET", min: "anonymous", path: () => "/logout" },
    // Signing out is tried last for each role (it ends the session); see below.
  ],
  "incidents._index.tsx": [
    { name: "list cases", method: "GET", min: "viewer", path: () => "/incidents?state=GRO&sort=date_asc" },
    { name: "list deleted cases", method: "GET", min: "staff", path: () => "/incidents?view=deleted" },
  ],
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
    { name: "change a role", method: "POST", min: "admin", path: (f) => `/admin/users/${f.user}`, params: (f) => ({ id: f.user }), fields: () => ({ intent: "role", role: "admin" }) },
    { name: "deactivate a user", method: "POST", min: "admin", path: (f) => `/admin/users/${f.user}`, params: (f) => ({ id: f.user }), fields: () => ({ intent: "deactivate" }) },
    {
      name: "reactivate a user",
      method: "POST",
      min: "admin",
      path: (f) => `/admin/users/${f.inactive}`,
      params: (f) => ({ id: f.inactive }),
      fields: () => ({ intent: "reactivate" }),
    },
    { name: "revoke a user's sessions", method: "POST", min: "admin", path: (f) => `/admin/users/${f.user}`, params: (f) => ({ id: f.user }), fields: () => ({ intent: "revoke" }) },
  ],
  "audit.tsx": [{ name: "read the audit log", method: "GET", min: "admin", path: () => "/audit?action=create" }],
};

/** Signing out: every role may (it only ends one's own session); tried with a throwaway session. */
const LOGOUT: Attempt = { name: "sign out", method: "POST", min: "anonymous", path: () => "/logout", fields: () => ({}) };

let sessions: Record<Exclude<Who, "anonymous">, TestSession>;

beforeAll(async () => {
  sessions = { viewer: await signInAs("viewer"), staff: await signInAs("staff"), admin: await signInAs("admin") };
});

async function fixture(): Promise<Fixture> {
  const live = await makeIncident();
  const deleted = await makeIncident(undefined, { deleted: true });
  const user = (await prisma.user.create({ data: { email: `target-${Math.random().toString(36).slice(2)}@vigia.test`, name: "Target", role: "viewer", passwordHash: "x", active: true } })).id;
  // A live session for the target, so that revoking or deactivating has something to end.
  await prisma.session.create({ data: { id: `s-${user}`, userId: user, expiresAt: new Date(Date.now() + 3_600_000) } });
  const inactive = (await prisma.user.create({ data: { email: `off-${Math.random().toString(36).slice(2)}@vigia.test`, name: "Off", role: "viewer", passwordHash: "x", active: false } })).id;
  return { live, deleted, user, inactive };
}

/** Everything a denied attempt could have changed. */
async function snapshot(): Promise<string> {
  const [incidents, users, sessionRows, counts] = await Promise.all([
    prisma.incident.findMany({ select: { id: true, version: true, deletedAt: true, verificationStatus: true, updatedAt: true, stateCode: true }, orderBy: { id: "asc" } }),
    prisma.user.findMany({ select: { id: true, role: true, active: true, updatedAt: true }, orderBy: { id: "asc" } }),
    prisma.session.findMany({ select: { id: true, revokedAt: true, lastSeenAt: true }, orderBy: { id: "asc" } }),
    Promise.all([
      prisma.incidentSource.count(),
      prisma.incidentCharacteristic.count(),
      prisma.incidentConfidential.count(),
      prisma.auditEvent.count(),
      prisma.incidentProvisionLink.count(),
    ]),
  ]);
  return JSON.stringify({ incidents, users, sessionRows, counts });
}

async function attempt(file: string, a: Attempt, who: Who, f: Fixture, session?: TestSession): Promise<Outcome> {
  const mod = modules[`../../app/routes/${file}`];
  const url = BASE + a.path(f);
  const s = session ?? (who === "anonymous" ? undefined : sessions[who]);
  const request = a.method === "GET" ? getAs(url, s) : postForm(url, a.fields?.(f) ?? {}, s);
  return run(a.method === "GET" ? mod.loader : mod.action, request, a.params?.(f) ?? {});
}

describe("authorization matrix", () => {
  it("covers every route file, and every loader and action in them", () => {
    const files = readdirSync(ROUTES_DIR).filter((f) => /\.(ts|tsx)$/.test(f)).sort();
    expect(Object.keys(MATRIX).sort(), "each route file needs an entry in MATRIX").toEqual(files);
    for (const file of files) {
      const mod = modules[`../../app/routes/${file}`];
      const attempts = file === "logout.ts" ? [...MATRIX[file], LOGOUT] : MATRIX[file];
      if (mod.loader) expect(attempts.some((a) => a.method === "GET"), `${file}: its loader is not tried`).toBe(true);
      if (mod.action) expect(attempts.some((a) => a.method === "POST"), `${file}: its action is not tried`).toBe(true);
      for (const a of attempts) expect(a.method === "GET" ? mod.loader : mod.action, `${file}: ${a.name} has no handler`).toBeTypeOf("function");
    }
  });

  for (const [file, attempts] of Object.entries(MATRIX)) {
    for (const a of attempts) {
      it(`${file}: ${a.name} (${a.method}) is allowed from ${a.min} up and refused below, changing nothing`, async () => {
        for (const who of WHO) {
          const f = await fixture();
          if (RANK[who] < RANK[a.min]) {
            const before = await snapshot();
            const outcome = await attempt(file, a, who, f);
            const refused = isDenied(outcome) || (!!a.notFoundBelow && who !== "anonymous" && outcome.status === 404);
            expect(refused, `${who} should be refused: got ${outcome.status} ${outcome.location ?? ""}`).toBe(true);
            if (who === "anonymous" && a.method === "GET") expect(outcome.location).toMatch(/^\/login\?redirectTo=/);
            expect(await snapshot(), `${who}'s refused attempt changed the database`).toBe(before);
          } else {
            const outcome = await attempt(file, a, who, f);
            expect(isDenied(outcome), `${who} should be allowed: got ${outcome.status} ${outcome.location ?? ""}`).toBe(false);
            // Allowed means it worked: a page, or a redirect after the change.
            if (a.allowedStatus) expect(outcome.status).toBe(a.allowedStatus);
            else expect(outcome.status, `${who}: ${JSON.stringify(outcome.data)?.slice(0, 300)}`).toBeLessThan(400);
          }
        }
      });
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
});
