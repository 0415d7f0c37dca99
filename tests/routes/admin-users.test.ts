// User administration: create (validated), change roles, deactivate, reactivate,
// revoke sessions; all audited, and an administrator cannot lock themselves out.
import { beforeAll, describe, expect, it } from "vitest";
import { getUser } from "~/lib/auth.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { verifyPassword } from "~/lib/password.server.ts";
import { verifySignIn } from "~/models/user.server.ts";
import { action as manageAction, loader as manageLoader } from "~/routes/admin.users.$id.tsx";
import { loader as usersLoader } from "~/routes/admin.users._index.tsx";
import { action as newUserAction } from "~/routes/admin.users.new.tsx";
import { getAs, signInAs, type TestSession } from "../setup/auth.ts";
import { BASE, get, post } from "../setup/route.ts";

let admin: TestSession;

beforeAll(async () => {
  admin = await signInAs("admin");
});

async function newUser(fields: Record<string, string>) {
  return post(newUserAction, "/admin/users/new", fields, admin);
}

describe("creating users", () => {
  it("validates every field, keeps what was typed except the password, and stores nothing", async () => {
    const users = await prisma.user.count();
    const cases: [Record<string, string>, string, string][] = [
      [{ email: "", name: "A", role: "staff", password: "una-contraseña-larga" }, "email", "required"],
      [{ email: "no-es-correo", name: "A", role: "staff", password: "una-contraseña-larga" }, "email", "notEmail"],
      [{ email: "a@vigia.test", name: "", role: "staff", password: "una-contraseña-larga" }, "name", "required"],
      [{ email: "a@vigia.test", name: "A", role: "root", password: "una-contraseña-larga" }, "role", "unknownChoice"],
      [{ email: "a@vigia.test", name: "A", role: "staff", password: "corta" }, "password", "passwordTooShort"],
      [{ email: "a@vigia.test", name: "A", role: "staff", password: "" }, "password", "required"],
      [{ email: "lucia@vigia.test", name: "A", role: "staff", password: "lucia-2025-segura" }, "password", "passwordHasEmail"],
      [{ email: "staff@vigia.test", name: "Otra", role: "staff", password: "una-contraseña-larga" }, "email", "emailTaken"],
    ];
    for (const [fields, path, key] of cases) {
      const outcome = await newUser(fields);
      expect(outcome.status).toBe(400);
      expect(outcome.data.errors[path]?.key, JSON.stringify(fields)).toBe(key);
      expect(outcome.data.values).toEqual({ email: fields.email, name: fields.name, role: fields.role });
      expect(JSON.stringify(outcome.data)).not.toContain(fields.password || "\u0000");
    }
    expect(await prisma.user.count()).toBe(users);
  });

  it("creates a user with an argon2id hash, who can then sign in; the audit event has no password", async () => {
    const outcome = await newUser({ email: "  Nueva.Persona@Vigia.test ", name: "Nueva Persona", role: "staff", password: "frase de paso bastante larga" });
    expect(outcome.status).toBe(302);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "nueva.persona@vigia.test" } });
    expect(outcome.location).toBe(`/admin/users/${user.id}?done=created`);
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash, "frase de paso bastante larga")).toBe(true);
    expect(await verifySignIn("nueva.persona@vigia.test", "frase de paso bastante larga")).toMatchObject({ status: "ok", user: { role: "staff" } });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: user.id } });
    expect(event).toMatchObject({ action: "user_create", entityType: "user", actorId: admin.userId });
    expect(JSON.parse(event.after!)).toEqual({ email: "nueva.persona@vigia.test", name: "Nueva Persona", role: "staff", active: true });
    expect(`${event.before}${event.after}`).not.toMatch(/frase|argon2/);
  });
});

describe("managing users", () => {
  it("changes a role, deactivates (ending every session), reactivates and revokes sessions, each audited", async () => {
    const created = await newUser({ email: "gestion@vigia.test", name: "Gestión", role: "viewer", password: "otra frase bastante larga" });
    const id = created.location!.split("/")[3].split("?")[0];
    const params = { id };
    const path = `/admin/users/${id}`;
    // The user signs in twice (two devices).
    const { createSession } = await import("~/lib/session.server.ts");
    await createSession(new Request(`${BASE}/login`), id);
    await createSession(new Request(`${BASE}/login`), id);
    expect((await get(manageLoader, path, admin, params)).data.user.liveSessions).toBe(2);

    expect((await post(manageAction, path, { intent: "role", role: "staff" }, admin, params)).location).toBe(`${path}?done=role`);
    expect((await prisma.user.findUniqueOrThrow({ where: { id } })).role).toBe("staff");
    expect((await post(manageAction, path, { intent: "role", role: "superuser" }, admin, params)).status).toBe(400);

    expect((await post(manageAction, path, { intent: "deactivate" }, admin, params)).location).toBe(`${path}?done=deactivated`);
    expect((await prisma.user.findUniqueOrThrow({ where: { id } })).active).toBe(false);
    expect(await prisma.session.count({ where: { userId: id, revokedAt: null } })).toBe(0);
    expect(await verifySignIn("gestion@vigia.test", "otra frase bastante larga")).toEqual({ status: "failed" });

    expect((await post(manageAction, path, { intent: "reactivate" }, admin, params)).location).toBe(`${path}?done=reactivated`);
    expect(await verifySignIn("gestion@vigia.test", "otra frase bastante larga")).toMatchObject({ status: "ok", user: { role: "staff" } });

    const { createSession: again } = await import("~/lib/session.server.ts");
    const cookie = (await again(new Request(`${BASE}/login`), id)).split(";")[0];
    expect(await getUser(getAs(`${BASE}/`, { cookie, csrf: "", userId: id }))).not.toBeNull();
    expect((await post(manageAction, path, { intent: "revoke" }, admin, params)).location).toBe(`${path}?done=revoked`);
    expect(await getUser(getAs(`${BASE}/`, { cookie, csrf: "", userId: id }))).toBeNull();

    const events = await prisma.auditEvent.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["user_create", "user_role", "user_deactivate", "user_reactivate", "user_revoke_sessions"]);
    expect(JSON.parse(events[1].before!)).toEqual({ role: "viewer" });
    expect(JSON.parse(events[1].after!)).toEqual({ role: "staff" });
    expect(JSON.parse(events[2].after!)).toEqual({ active: false, sessionsRevoked: 2 });
    expect(JSON.parse(events[4].after!)).toEqual({ sessionsRevoked: 1 });
    for (const e of events) expect(e.actorId).toBe(admin.userId);
  });

  it("an administrator cannot demote or deactivate themselves", async () => {
    const params = { id: admin.userId };
    const path = `/admin/users/${admin.userId}`;
    const audit = await prisma.auditEvent.count();
    for (const fields of [{ intent: "role", role: "viewer" }, { intent: "deactivate" }] as Record<string, string>[]) {
      const outcome = await post(manageAction, path, fields, admin, params);
      expect(outcome.status).toBe(403);
      expect(outcome.data.errors.form.key).toBe("notOnSelf");
    }
    expect(await prisma.user.findUniqueOrThrow({ where: { id: admin.userId } })).toMatchObject({ role: "admin", active: true });
    expect(await prisma.auditEvent.count()).toBe(audit);
  });

  it("lists users with their role, status and live sessions, and never a password hash", async () => {
    const outcome = await get(usersLoader, "/admin/users", admin);
    const emails = outcome.data.users.map((u: { email: string }) => u.email);
    expect(emails).toEqual(expect.arrayContaining(["viewer@vigia.test", "staff@vigia.test", "admin@vigia.test"]));
    expect(JSON.stringify(outcome.data)).not.toMatch(/passwordHash|\$argon2/);
    expect((await get(manageLoader, "/admin/users/nope", admin, { id: "nope" })).status).toBe(404);
  });
});
