import { describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { getUser, requireUser, requireUserForAction } from "~/lib/auth.server.ts";
import { IDLE_MS } from "~/lib/session.server.ts";
import { action as loginAction } from "~/routes/login.tsx";
import { action as logoutAction } from "~/routes/logout.ts";
import { FREE_FAILURES } from "~/domain/sign-in-lock.ts";
import { getAs, postForm, signInAs } from "../setup/auth.ts";
import { run } from "../setup/route.ts";

const args = (request: Request) => ({ request, params: {}, context: {} });

async function login(email: string, password: string) {
  return loginAction(args(postForm("http://localhost/login", { email, password, redirectTo: "/cases" })));
}

/** A refused sign-in as the page receives it: status and answer. */
async function refused(email: string, password: string) {
  const o = await run(loginAction, postForm("http://localhost/login", { email, password, redirectTo: "/cases" }));
  return { status: o.status, data: o.data };
}

describe("sign-in", () => {
  it("signs in with the right password and sets an HttpOnly, SameSite=Lax session cookie", async () => {
    const response = (await login("staff@vigia.test", "vigia-staff-demo")) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/cases");
    const cookie = response.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/vigia_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // plain http in tests; https requests get Secure
    const user = await getUser(getAs("http://localhost/", { cookie: cookie.split(";")[0], csrf: "", userId: "" }));
    expect(user?.email).toBe("staff@vigia.test");
  });

  it("sets Secure on the cookie when served over HTTPS", async () => {
    const request = postForm("https://vigia.example/login", { email: "viewer@vigia.test", password: "vigia-viewer-demo" });
    const response = (await loginAction(args(request))) as Response;
    expect(response.headers.get("Set-Cookie")).toMatch(/Secure/i);
  });

  it("answers the same for an unknown email, a wrong password and a locked account, and locks after repeated failures", async () => {
    const failed = (email: string) => ({ status: 400, data: { error: "failed", email } });
    expect(await refused("nobody@vigia.test", "whatever")).toEqual(failed("nobody@vigia.test"));
    expect(await refused("viewer@vigia.test", "wrong")).toEqual(failed("viewer@vigia.test"));
    for (let i = 1; i < FREE_FAILURES; i++) await login("viewer@vigia.test", "wrong");
    const locked = await prisma.user.findUniqueOrThrow({ where: { email: "viewer@vigia.test" } });
    expect(locked.failedLoginCount).toBe(FREE_FAILURES);
    // Even the right password is refused while locked, with the same answer.
    expect(await refused("viewer@vigia.test", "vigia-viewer-demo")).toEqual(failed("viewer@vigia.test"));
    await prisma.user.update({ where: { id: locked.id }, data: { failedLoginCount: 0, lastFailedLoginAt: null } });
  });

  it("refuses a sign-in posted from another site", async () => {
    const request = new Request("http://localhost/login", {
      method: "POST",
      body: new URLSearchParams({ email: "staff@vigia.test", password: "vigia-staff-demo" }),
      headers: { Origin: "https://evil.example" },
    });
    await expect(loginAction(args(request))).rejects.toMatchObject({ status: 403 });
  });
});

describe("sessions", () => {
  it("end at sign-out, and the cookie no longer works", async () => {
    const session = await signInAs("staff");
    const response = await logoutAction(args(postForm("http://localhost/logout", {}, session)));
    expect(response.status).toBe(302);
    expect(await getUser(getAs("http://localhost/", session))).toBeNull();
  });

  it("expire after the idle timeout and after the absolute lifetime", async () => {
    const idle = await signInAs("staff");
    await prisma.session.updateMany({ where: { userId: idle.userId, revokedAt: null }, data: { lastSeenAt: new Date(Date.now() - IDLE_MS - 1000) } });
    expect(await getUser(getAs("http://localhost/", idle))).toBeNull();
    const old = await signInAs("staff");
    await prisma.session.updateMany({ where: { userId: old.userId, revokedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getUser(getAs("http://localhost/", old))).toBeNull();
  });

  it("stop working when the user is deactivated", async () => {
    const session = await signInAs("viewer");
    await prisma.user.update({ where: { id: session.userId }, data: { active: false } });
    expect(await getUser(getAs("http://localhost/", session))).toBeNull();
    await prisma.user.update({ where: { id: session.userId }, data: { active: true } });
  });

  it("store only a hash of the token", async () => {
    const session = await signInAs("admin");
    const rows = await prisma.session.findMany({ where: { userId: session.userId } });
    for (const r of rows) expect(session.cookie).not.toContain(r.id);
  });
});

describe("authorization helpers", () => {
  it("redirect anonymous readers to sign-in and refuse a role that is too low", async () => {
    await expect(requireUser(getAs("http://localhost/audit?x=1"))).rejects.toMatchObject({ status: 302 });
    const viewer = await signInAs("viewer");
    await expect(requireUser(getAs("http://localhost/audit", viewer), "admin")).rejects.toMatchObject({ status: 403 });
    expect((await requireUser(getAs("http://localhost/audit", await signInAs("admin")), "admin")).role).toBe("admin");
  });

  it("refuse an action without the session's CSRF token", async () => {
    const staff = await signInAs("staff");
    const forged = new Request("http://localhost/incidents/new", { method: "POST", body: new URLSearchParams({ x: "1" }), headers: { Cookie: staff.cookie } });
    await expect(requireUserForAction(forged, "staff")).rejects.toMatchObject({ status: 403 });
    const good = postForm("http://localhost/incidents/new", { x: "1" }, staff);
    expect((await requireUserForAction(good, "staff")).form.get("x")).toBe("1");
  });
});
