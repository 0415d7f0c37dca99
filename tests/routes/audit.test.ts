// The audit log page: admins only (see authorization.test.ts), filters and pagination.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { loader as auditLoader } from "~/routes/audit.tsx";
import { signInAs, type TestSession } from "../setup/auth.ts";
import { fixtureStaffId, makeIncident, staffId } from "../setup/incidents.ts";
import { get } from "../setup/route.ts";

let admin: TestSession;
let incidentIds: string[];

beforeAll(async () => {
  admin = await signInAs("admin");
  incidentIds = [];
  for (let i = 0; i < 60; i++) incidentIds.push(await makeIncident());
  // Some events in the past, for the date filter.
  await prisma.auditEvent.updateMany({ where: { entityId: { in: incidentIds.slice(0, 5) } }, data: { createdAt: new Date("2025-01-15T12:00:00Z") } });
  await prisma.auditEvent.create({
    data: { actorId: admin.userId, action: "user_role", entityType: "user", entityId: admin.userId, before: '{"role":"staff"}', after: '{"role":"admin"}' },
  });
});

describe("/audit", () => {
  it("pages through every event newest first with keyset links, without duplicates", async () => {
    const seen: string[] = [];
    let url: string | null = "/audit";
    let pages = 0;
    while (url) {
      const outcome = await get(auditLoader, url, admin);
      seen.push(...outcome.data.events.map((e: { id: string }) => e.id));
      url = outcome.data.links.next;
      pages++;
    }
    expect(pages).toBeGreaterThan(1);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await prisma.auditEvent.count());
  });

  it("filters by actor, action, record type and date range", async () => {
    // The fixtures' cases are logged by a staff member of their own (so that the demo staff may verify them).
    const staff = await fixtureStaffId();
    const byActor = await get(auditLoader, `/audit?actor=${staff}&action=create&entityType=incident`, admin);
    expect(byActor.data.events.length).toBe(50);
    expect(byActor.data.events.every((e: { actor: { id: string }; action: string }) => e.actor.id === staff && e.action === "create")).toBe(true);
    const users = await get(auditLoader, "/audit?entityType=user", admin);
    expect(users.data.events.map((e: { action: string }) => e.action)).toEqual(["user_role"]);
    const january = await get(auditLoader, "/audit?from=2025-01-01&to=2025-01-31", admin);
    expect(january.data.events.map((e: { entityId: string }) => e.entityId).sort()).toEqual(incidentIds.slice(0, 5).sort());
    const bad = await get(auditLoader, "/audit?from=ayer&action=nonsense", admin);
    expect(bad.data.problems).toEqual(["ayer"]);
    expect(bad.data.filter).toEqual({});
  });

  it("shows before and after values, with names of actors", async () => {
    const outcome = await get(auditLoader, "/audit?entityType=user", admin);
    expect(outcome.data.events[0]).toMatchObject({ before: { role: "staff" }, after: { role: "admin" }, actor: { name: "Demo admin" } });
  });
});

describe("the audit log and the commitments' events", () => {
  it("filters and names link decisions and provision edits in every language, never a raw key", async () => {
    const { prisma } = await import("~/lib/db.server.ts");
    const { writeAudit, AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } = await import("~/models/audit.server.ts");
    const { getFixedT, LANGUAGES } = await import("~/lib/i18n.ts");
    const adminSession = await signInAs("admin");
    const staffUser = await prisma.user.findUniqueOrThrow({ where: { email: "staff@vigia.test" } });
    await prisma.$transaction((tx) =>
      writeAudit(tx, {
        actorId: staffUser.id,
        action: "link_accept",
        entityType: "link",
        entityId: "l1",
        before: { status: "suggested" },
        after: { status: "accepted" },
      }),
    );
    const outcome = await get(auditLoader, "/audit?action=link_accept&entityType=link", adminSession);
    expect(outcome.data.events.map((e: { action: string; entityType: string }) => `${e.action}/${e.entityType}`)).toEqual(["link_accept/link"]);
    for (const lng of LANGUAGES) {
      const t = getFixedT(lng);
      for (const a of AUDIT_ACTIONS) expect(t(`admin.audit.actions.${a}`)).not.toMatch(/^admin\./);
      for (const e of AUDIT_ENTITY_TYPES) expect(t(`admin.audit.entity.${e}`)).not.toMatch(/^admin\./);
    }
  });
});

describe("an audit row lists only what changed", () => {
  it("keeps only the changed keys of two snapshots, and a key only one side has", async () => {
    const { writeAudit } = await import("~/models/audit.server.ts");
    const staffUser = await prisma.user.findUniqueOrThrow({ where: { email: "staff@vigia.test" } });
    await prisma.$transaction((tx) =>
      writeAudit(tx, {
        actorId: staffUser.id,
        action: "update",
        entityType: "provision",
        entityId: "diff-test",
        before: { code: "AP-X", title: "Old", terms: ["a", "b"], score: 1, version: 3 },
        after: { code: "AP-X", title: "New", terms: ["a", "b"], score: 1, version: 4, staffOnlyFieldsChanged: ["witnesses"] },
      }),
    );
    const stored = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: "diff-test" } });
    expect(JSON.parse(stored.before!)).toEqual({ title: "Old", version: 3 });
    expect(JSON.parse(stored.after!)).toEqual({ title: "New", version: 4, staffOnlyFieldsChanged: ["witnesses"] });
  });

  it("shows a link decision as its status and rationale, with the case and provision as the record", async () => {
    const { suggestLinksForIncident, decideLink } = await import("~/models/link.server.ts");
    const staff = await staffId();
    const incidentId = incidentIds[10];
    await prisma.incident.update({ where: { id: incidentId }, data: { sector: "mining_extractives" } });
    await prisma.$transaction((tx) => suggestLinksForIncident(tx, incidentId));
    const link = await prisma.incidentProvisionLink.findFirstOrThrow({ where: { incidentId, provision: { code: "AP-I-MIN" } } });
    await prisma.incidentProvisionLink.update({ where: { id: link.id }, data: { score: 1 } });
    expect(await decideLink({ linkId: link.id, decision: "accepted", rationale: "Mine nearby", actorId: staff, expectedStatus: "suggested" })).toMatchObject({
      ok: true,
    });
    const page = await get(auditLoader, `/audit?entityType=link&entityId=${link.id}`, admin);
    expect(page.data.events).toHaveLength(1);
    const [event] = page.data.events;
    expect(event.before).toEqual({ status: "suggested", rationale: null });
    expect(event.after).toEqual({ status: "accepted", rationale: "Mine nearby" });
    expect(page.data.records[event.id]).toEqual({ href: `/incidents/${incidentId}/links#link-${link.id}`, label: "AP-I-MIN" });
  });

  it("reads events stored with unchanged fields (before this rule) as their changes only", async () => {
    const old = await prisma.auditEvent.create({
      data: {
        actorId: admin.userId,
        action: "link_reject",
        entityType: "link",
        entityId: "old-link-event",
        before: JSON.stringify({ incidentId: "x", provisionCode: "AP-I-MIN", score: 1, status: "suggested" }),
        after: JSON.stringify({ incidentId: "x", provisionCode: "AP-I-MIN", score: 1, status: "rejected" }),
      },
    });
    const page = await get(auditLoader, "/audit?entityId=old-link-event", admin);
    expect(page.data.events.map((e: { id: string }) => e.id)).toEqual([old.id]);
    expect(page.data.events[0]).toMatchObject({ before: { status: "suggested" }, after: { status: "rejected" } });
    expect(Object.keys(page.data.events[0].before)).toEqual(["status"]);
  });
});

describe("actions of the system", () => {
  it("are attributed to Vigía and its rules version, in every language, never to a deleted user", async () => {
    const { createLinkSuggestionJob } = await import("~/models/link-job.server.ts");
    const { RULES_VERSION } = await import("~/domain/link-rules.ts");
    const { AuditActor } = await import("~/components/audit-changes.tsx");
    const { createI18n, I18nProvider } = await import("~/lib/i18n.ts");
    const { createElement } = await import("react");
    const { renderToStaticMarkup } = await import("react-dom/server");

    // A run nobody started: `npm start` on a new database, or `npm run links:suggest`.
    const { job } = await createLinkSuggestionJob(null);
    const stored = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: job.id } });
    expect(stored).toMatchObject({ actorId: null, systemActor: `rules:${RULES_VERSION}`, action: "links_suggest_run" });
    await prisma.linkSuggestionJob.update({ where: { id: job.id }, data: { status: "done" } });

    const page = await get(auditLoader, "/audit?action=links_suggest_run", admin);
    const event = page.data.events.find((e: { entityId: string }) => e.entityId === job.id);
    expect(event).toMatchObject({ actor: null, system: { part: "rules", version: RULES_VERSION } });
    // A person whose account is gone stays a person, not the system.
    const orphan = await prisma.auditEvent.create({ data: { actorId: null, action: "update", entityType: "provision", entityId: "orphan" } });
    const orphanPage = await get(auditLoader, "/audit?entityId=orphan", admin);
    expect(orphanPage.data.events[0]).toMatchObject({ id: orphan.id, actor: null, system: null });

    const name = (lng: "en" | "es" | "fr", e: unknown) =>
      renderToStaticMarkup(createElement(I18nProvider, { i18n: createI18n(lng) }, createElement(AuditActor, { event: e as never })));
    expect(name("en", event)).toBe(`Vigía (rules v${RULES_VERSION})`);
    expect(name("es", event)).toBe(`Vigía (reglas v${RULES_VERSION})`);
    expect(name("fr", event)).toBe(`Vigía (règles v${RULES_VERSION})`);
    expect(name("en", orphanPage.data.events[0])).toBe("(deleted user)");
    expect(name("es", orphanPage.data.events[0])).toBe("(usuario eliminado)");
  });
});

describe("every key an audit event holds is named in the reader's language", () => {
  it("labels the keys written by account, link, job and import events in English, Spanish and French, never the raw key", async () => {
    const { AuditChanges } = await import("~/components/audit-changes.tsx");
    const { auditFieldLabel } = await import("~/components/audit-field-label.ts");
    const { createI18n, getFixedT, I18nProvider, LANGUAGES } = await import("~/lib/i18n.ts");
    const { createElement } = await import("react");
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { unlockUser, resetPasswordByAdmin } = await import("~/models/user.server.ts");
    const { createLinkSuggestionJob } = await import("~/models/link-job.server.ts");
    const { parseGwCsv } = await import("~/domain/gw-dataset.ts");
    const { applyGwImport, importSourceLine } = await import("~/models/gw-import.server.ts");
    const { gwCsv } = await import("../setup/gw-csv.ts");

    // Events written by the models themselves, not made up here.
    const viewer = await prisma.user.findUniqueOrThrow({ where: { email: "viewer@vigia.test" } });
    await prisma.user.update({ where: { id: viewer.id }, data: { failedLoginCount: 3, lastFailedLoginAt: new Date() } });
    expect((await unlockUser(viewer.id, admin.userId)).ok).toBe(true);
    expect((await resetPasswordByAdmin(viewer.id, "a-temporary-password-2026", admin.userId)).ok).toBe(true);
    const { job } = await createLinkSuggestionJob(admin.userId);
    await prisma.linkSuggestionJob.update({ where: { id: job.id }, data: { status: "done" } });
    const parsed = parseGwCsv(gwCsv([{ id: "audit-labels-1" }, { id: "audit-labels-2", date: "not a date" }]));
    if (!parsed.ok) throw new Error(parsed.problem);
    await applyGwImport(prisma, parsed.records, parsed.invalid.length, { actorId: admin.userId, source: importSourceLine("labels.csv", null, new Date()) });

    const events = await prisma.auditEvent.findMany({ select: { action: true, entityType: true, before: true, after: true } });
    const seen = new Set<string>();
    const raw = new Set<string>();
    for (const e of events) {
      const before = e.before ? (JSON.parse(e.before) as Record<string, unknown>) : null;
      const after = e.after ? (JSON.parse(e.after) as Record<string, unknown>) : null;
      const keys = [...Object.keys(before ?? {}), ...Object.keys(after ?? {})];
      keys.forEach((k) => seen.add(`${e.action}:${k}`));
      for (const lng of LANGUAGES) {
        const html = renderToStaticMarkup(
          createElement(
            I18nProvider,
            { i18n: createI18n(lng) },
            createElement(AuditChanges, { before, after, fieldLabel: auditFieldLabel(e.entityType, getFixedT(lng)) }),
          ),
        );
        const labels = [...html.matchAll(/<dt>([^<]*)<\/dt>/g)].map((m) => m[1]);
        for (const key of keys) if (labels.includes(key)) raw.add(`${lng}: ${e.action} shows "${key}" raw`);
      }
    }
    expect([...raw]).toEqual([]);
    // The events above were all there, with the keys that were once shown raw.
    for (const key of [
      "user_unlock:failedLoginCount",
      "user_unlock:lockedUntil",
      "links_suggest_run:rulesVersion",
      "links_suggest_run:total",
      "gw_import:created",
      "gw_import:invalid",
      "gw_import:source",
    ])
      expect(seen, key).toContain(key);
  });
});
