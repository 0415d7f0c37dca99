// Changing one's own password, and an administrator's reset that forces a new
// one at the next sign-in (docs/decisions/097).
import { describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { getUser } from "~/lib/auth.server.ts";
import { hashPassword } from "~/lib/password.server.ts";
import { action as loginAction } from "~/routes/login.tsx";
import { action as passwordAction, loader as passwordLoader } from "~/routes/account.password.tsx";
import { action as manageAction } from "~/routes/admin.users.$id.tsx";
import { loader as listLoader } from "~/routes/incidents._index.tsx";
import { getAs, postForm, signInAs, signInAsUser } from "../setup/auth.ts";
import { BASE, get, post, run } from "../setup/route.ts";

async function newAccount(email: string, password: string) {
  return prisma.user.create({ data: { email, name: email, role: "staff", passwordHash: await hashPassword(password) } });
}

function signIn(email: string, password: string) {
  return run(loginAction, postForm(`${BASE}/login`, { email, password, redirectTo: "/incidents" }));
}

describe("changing one's own password", () => {
  it("needs the current password, ends the other sessions, and the new password signs in", async () => {
    const user = await newAccount("changer@vigia.test", "old-password-long-enough");
    const here = await signInAsUser(user.id);
    const elsewhere = await signInAsUser(user.id);
    const wrong = await post(
      passwordAction,
      "/account/password",
      { currentPassword: "nope", newPassword: "brand-new-password-1", confirmPassword: "brand-new-password-1" },
      here,
    );
    expect(wrong.status).toBe(400);
    expect(wrong.data.errors.currentPassword.key).toBe("wrongPassword");
    const differ = await post(
      passwordAction,
      "/account/password",
      { currentPassword: "old-password-long-enough", newPassword: "brand-new-password-1", confirmPassword: "other" },
      here,
    );
    expect(differ.data.errors.confirmPassword.key).toBe("passwordsDiffer");
    const ok = await post(
      passwordAction,
      "/account/password",
      { currentPassword: "old-password-long-enough", newPassword: "brand-new-password-1", confirmPassword: "brand-new-password-1" },
      here,
    );
    expect(ok).toMatchObject({ status: 302, location: "/account/password?done=1" });
    expect(await getUser(getAs(`${BASE}/`, here))).not.toBeNull();
    expect(await getUser(getAs(`${BASE}/`, elsewhere))).toBeNull();
    expect((await signIn(user.email, "old-password-long-enough")).status).toBe(400);
    expect((await signIn(user.email, "brand-new-password-1")).location).toBe("/incidents");
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "password_change", entityId: user.id } });
    expect(`${audit.before}${audit.after}`).not.toContain("brand-new-password-1");
  });
});

describe("an administrator's reset", () => {
  it("forces a new password at the next sign-in: every page sends the person to choose one, then all works", async () => {
    const user = await newAccount("forgetful@vigia.test", "forgotten-password-1");
    const before = await signInAsUser(user.id);
    const admin = await signInAs("admin");
    const reset = await post(manageAction, `/admin/users/${user.id}`, { intent: "reset", password: "temporary-pass-2026" }, admin, { id: user.id });
    expect(reset.location).toBe(`/admin/users/${user.id}?done=reset`);
    expect(await getUser(getAs(`${BASE}/`, before))).toBeNull();
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "user_password_reset", entityId: user.id } });
    expect(audit.actorId).toBe(admin.userId);
    expect(`${audit.before}${audit.after}`).not.toContain("temporary-pass-2026");

    const signedIn = await signIn(user.email, "temporary-pass-2026");
    expect(signedIn.location).toBe("/account/password");
    const session = await signInAsUser(user.id);
    const list = await get(listLoader, "/incidents", session);
    expect(list).toMatchObject({ status: 302, location: "/account/password" });
    expect((await get(passwordLoader, "/account/password", session)).data.forced).toBe(true);
    const changed = await post(
      passwordAction,
      "/account/password",
      { currentPassword: "temporary-pass-2026", newPassword: "my-own-new-password", confirmPassword: "my-own-new-password" },
      session,
    );
    expect(changed.status).toBe(302);
    expect((await get(listLoader, "/incidents", session)).status).toBe(200);
  });
});
