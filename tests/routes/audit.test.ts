// The audit log page: admins only (see authorization.test.ts), filters and pagination.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { loader as auditLoader } from "~/routes/audit.tsx";
import { signInAs, type TestSession } from "../setup/auth.ts";
import { makeIncident, staffId } from "../setup/incidents.ts";
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
    const staff = await staffId();
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
