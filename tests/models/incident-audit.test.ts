// A change and its audit event are one transaction: when the audit write fails,
// the change is rolled back with it; when it succeeds, both are stored.
import { afterEach, describe, expect, it, vi } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import * as audit from "~/models/audit.server.ts";
import { validateIncident } from "~/models/incident.schema.ts";
import { createIncident, purgeIncident, restoreIncident, softDeleteIncident, updateIncident, verifyIncident } from "~/models/incident.server.ts";
import { changeUserRole, createUser, revokeSessionsOfUser, setUserActive } from "~/models/user.server.ts";
import { makeIncident, staffId, validIncidentValues } from "../setup/incidents.ts";
import { decryptField } from "~/lib/field-crypto.server.ts";

// The real writeAudit, wrapped so that one test can make the next write fail.
vi.mock("~/models/audit.server.ts", async (importOriginal) => {
  const real = await importOriginal<typeof audit>();
  return { ...real, writeAudit: vi.fn(real.writeAudit) };
});

const failNextAudit = () => vi.mocked(audit.writeAudit).mockRejectedValueOnce(new Error("audit store unavailable"));

afterEach(() => vi.mocked(audit.writeAudit).mockClear());

function input(change?: Parameters<typeof validIncidentValues>[0]) {
  const r = validateIncident(validIncidentValues(change));
  if (!r.ok) throw new Error("bad fixture");
  return r.data;
}

async function state(id?: string) {
  return {
    incidents: await prisma.incident.count(),
    sources: await prisma.incidentSource.count(),
    confidential: await prisma.incidentConfidential.count(),
    audit: await prisma.auditEvent.count(),
    row: id ? await prisma.incident.findUnique({ where: { id }, include: { sources: true, characteristics: true, confidential: true } }) : null,
  };
}

describe("audit events share the transaction of their change", () => {
  it("create: no case without its event", async () => {
    const before = await state();
    failNextAudit();
    await expect(createIncident(input(), await staffId())).rejects.toThrow("audit store unavailable");
    expect(await state()).toEqual(before);
    const { id } = await createIncident(input(), await staffId());
    const after = await state();
    expect(after.incidents).toBe(before.incidents + 1);
    expect(after.audit).toBe(before.audit + 1);
    expect(await prisma.auditEvent.count({ where: { entityId: id, action: "create" } })).toBe(1);
  });

  it("update, verify, delete, restore and purge: rolled back when their event cannot be written", async () => {
    const actor = await staffId();
    const id = await makeIncident();
    const changed = input((v) => {
      v.municipality = "Cambiado";
      v.sources = [{ url: "", title: "Otra fuente" }];
      v.confidential.witnesses = "Otro testigo";
    });

    let before = await state(id);
    failNextAudit();
    await expect(updateIncident(id, 1, changed, actor)).rejects.toThrow();
    expect(await state(id)).toEqual(before);
    expect(await updateIncident(id, 1, changed, actor)).toEqual({ ok: true, version: 2 });
    const edited = (await state(id)).row;
    expect(edited).toMatchObject({ municipality: "Cambiado", version: 2 });
    expect(decryptField(edited!.confidential!.witnesses)).toBe("Otro testigo"); // stored encrypted (decision 102)

    before = await state(id);
    failNextAudit();
    await expect(verifyIncident(id, 2, { status: "verified", note: "ok" }, actor)).rejects.toThrow();
    expect(await state(id)).toEqual(before);

    failNextAudit();
    await expect(softDeleteIncident(id, actor)).rejects.toThrow();
    expect(await state(id)).toEqual(before);
    expect(await softDeleteIncident(id, actor)).toBe(true);

    before = await state(id);
    failNextAudit();
    await expect(restoreIncident(id, actor)).rejects.toThrow();
    expect(await state(id)).toEqual(before);

    failNextAudit();
    await expect(purgeIncident(id, actor)).rejects.toThrow();
    expect(await state(id)).toEqual(before);
    expect(await purgeIncident(id, actor)).toBe(true);
    expect((await state(id)).row).toBeNull();

    const actions = (await prisma.auditEvent.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["create", "update", "delete", "purge"]);
  });

  it("user administration: rolled back with its event too, and never records a password", async () => {
    const admin = (await prisma.user.findUniqueOrThrow({ where: { email: "admin@vigia.test" } })).id;
    const users = await prisma.user.count();
    failNextAudit();
    await expect(createUser({ email: "rollback@vigia.test", name: "R", role: "staff", password: "contraseña-muy-larga" }, admin)).rejects.toThrow();
    expect(await prisma.user.count()).toBe(users);
    const created = await createUser({ email: "rollback@vigia.test", name: "R", role: "staff", password: "contraseña-muy-larga" }, admin);
    expect(created.ok).toBe(true);
    const id = (created as { id: string }).id;
    await prisma.session.create({ data: { id: "rollback-session", userId: id, expiresAt: new Date(Date.now() + 60_000) } });

    failNextAudit();
    await expect(changeUserRole(id, "admin", admin)).rejects.toThrow();
    expect((await prisma.user.findUniqueOrThrow({ where: { id } })).role).toBe("staff");
    failNextAudit();
    await expect(setUserActive(id, false, admin)).rejects.toThrow();
    expect((await prisma.user.findUniqueOrThrow({ where: { id } })).active).toBe(true);
    expect((await prisma.session.findUniqueOrThrow({ where: { id: "rollback-session" } })).revokedAt).toBeNull();
    failNextAudit();
    await expect(revokeSessionsOfUser(id, admin)).rejects.toThrow();
    expect((await prisma.session.findUniqueOrThrow({ where: { id: "rollback-session" } })).revokedAt).toBeNull();

    const events = await prisma.auditEvent.findMany({ where: { entityId: id } });
    expect(events.map((e) => e.action)).toEqual(["user_create"]);
    expect(`${events[0].before}${events[0].after}`).not.toMatch(/contraseña|argon2|passwordHash/);
  });
});
