// The second factor through its routes (docs/decisions/105): enrol, confirm and
// turn off on /account/two-factor; the second step on /login/code; an
// administrator's removal; the sign-in rate limits on the second step.
import { generate } from "otplib";
import { beforeAll, describe, expect, it, vi } from "vitest";

// A low per-account sign-in limit for this file only (env() is read once per test file):
// each test below uses its own account and spends fewer attempts than this.
vi.hoisted(() => {
  process.env.RATE_LIMIT_SIGN_IN_ACCOUNT = "5/1h";
});

import { prisma } from "~/lib/db.server.ts";
import { getUser } from "~/lib/auth.server.ts";
import { hashPassword } from "~/lib/password.server.ts";
import { SECOND_FACTOR_MS, startSecondFactor } from "~/lib/session.server.ts";
import { getTwoFactorState } from "~/models/user.server.ts";
import { action as loginAction } from "~/routes/login.tsx";
import { action as codeAction, loader as codeLoader } from "~/routes/login_.code.tsx";
import { action as twoFactorAction, loader as twoFactorLoader } from "~/routes/account.two-factor.tsx";
import { action as manageAction, loader as manageLoader } from "~/routes/admin.users.$id.tsx";
import { loader as listLoader } from "~/routes/incidents._index.tsx";
import { getAs, postForm, signInAs, signInAsUser, type TestSession } from "../setup/auth.ts";
import { BASE, get, post } from "../setup/route.ts";

const PASSWORD = "a-long-enough-password-2026";

// Windows of the rate limits are fixed hours: the clock stands still just after one begins (Date only,
// so TOTP codes are computed for this same moment), and no window can end mid-test.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Math.floor(Date.now() / 3_600_000) * 3_600_000 + 1000);
});

async function newAccount(email: string, role: "viewer" | "staff" | "admin" = "staff") {
  return prisma.user.create({ data: { email, name: email, role, passwordHash: await hashPassword(PASSWORD) } });
}

/** The code an authenticator shows `stepsAhead` steps of 30 s from now. */
function code(secret: string, stepsAhead = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * stepsAhead });
}

/** Enrols through the page as a person would; answers the secret and the recovery codes shown. */
async function enrolThroughPage(session: TestSession) {
  expect(await post(twoFactorAction, "/account/two-factor", { intent: "start" }, session)).toMatchObject({ status: 302, location: "/account/two-factor" });
  const page = await get(twoFactorLoader, "/account/two-factor", session);
  const secret = String(page.data.enrolment.secret).replace(/\s/g, "");
  const confirmed = await post(twoFactorAction, "/account/two-factor", { intent: "confirm", code: await code(secret) }, session);
  expect(confirmed.status).toBe(200);
  return { secret, recoveryCodes: confirmed.data.recoveryCodes as string[] };
}

/** An action's Response, thrown or returned. */
async function respond(handler: (args: never) => unknown, request: Request, address: string): Promise<Response> {
  try {
    const value = await handler({ request, params: {}, context: { clientAddress: address } } as never);
    if (value instanceof Response) return value;
    const d = value as { data: unknown; init: ResponseInit | null };
    return new Response(JSON.stringify(d.data), { ...(d.init ?? {}), headers: d.init?.headers });
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

function cookieOf(response: Response, name: string): string | null {
  const header = response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  return header ? header.split(";")[0] : null;
}

/** The password step; answers the response and the second-step cookie it set. */
async function passwordStep(email: string, address: string) {
  const response = await respond(loginAction, postForm(`${BASE}/login`, { email, password: PASSWORD, redirectTo: "/incidents" }), address);
  return { response, pending: cookieOf(response, "vigia_second_factor") };
}

function codeStep(pending: string | null, typed: string, address: string) {
  const request = postForm(`${BASE}/login/code`, { code: typed, redirectTo: "/incidents" });
  if (pending) request.headers.set("Cookie", pending);
  return respond(codeAction, request, address);
}

describe("enrolment on /account/two-factor", () => {
  it("shows a QR code and the key as text, turns on only with a right code, and shows the recovery codes once", async () => {
    const user = await newAccount("enrol-route@vigia.test");
    const session = await signInAsUser(user.id);
    // The same account signed in elsewhere with the password alone (a lost phone, say).
    const elsewhere = await signInAsUser(user.id);
    expect((await get(twoFactorLoader, "/account/two-factor", session)).data).toMatchObject({ enabledAt: null, enrolment: null });
    await post(twoFactorAction, "/account/two-factor", { intent: "start" }, session);
    const page = await get(twoFactorLoader, "/account/two-factor", session);
    expect(page.data.enrolment.qr).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(page.data.enrolment.secret).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
    const secret = page.data.enrolment.secret.replace(/\s/g, "");

    const wrong = await post(twoFactorAction, "/account/two-factor", { intent: "confirm", code: await code(secret, 5) }, session);
    expect(wrong.status).toBe(400);
    expect(wrong.data.errors.code.key).toBe("wrongCode");
    const empty = await post(twoFactorAction, "/account/two-factor", { intent: "confirm", code: "" }, session);
    expect(empty.data.errors.code.key).toBe("required");
    const ok = await post(twoFactorAction, "/account/two-factor", { intent: "confirm", code: await code(secret) }, session);
    expect(ok.status).toBe(200);
    expect(ok.data.recoveryCodes).toHaveLength(10);
    for (const c of ok.data.recoveryCodes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(ok.data.intent).toBe("confirm");
    const after = await get(twoFactorLoader, "/account/two-factor", session);
    expect(after.data.enabledAt).not.toBeNull();
    // Turning it on signed the other session out; this one stays signed in.
    const stale = await get(twoFactorLoader, "/account/two-factor", elsewhere);
    expect(stale.status).toBe(302);
    expect(stale.location).toMatch(/^\/login/);
    expect(after.data.enrolment).toBeNull();
    expect(after.data.recoveryCodesLeft).toBe(10);
    expect(JSON.stringify(after.data)).not.toContain(ok.data.recoveryCodes[0]);
  });

  it("is for staff and administrators; viewers are refused", async () => {
    const viewer = await signInAs("viewer");
    expect((await get(twoFactorLoader, "/account/two-factor", viewer)).status).toBe(403);
    expect((await post(twoFactorAction, "/account/two-factor", { intent: "start" }, viewer)).status).toBe(403);
  });

  it("turns off with the password and a code, not with either alone; an unknown action is 400", async () => {
    const user = await newAccount("off-route@vigia.test");
    const session = await signInAsUser(user.id);
    const { secret } = await enrolThroughPage(session);
    const noPassword = await post(twoFactorAction, "/account/two-factor", { intent: "disable", password: "wrong", code: await code(secret, 1) }, session);
    expect(noPassword).toMatchObject({ status: 400, data: { intent: "disable", errors: { password: { key: "wrongPassword" } } } });
    const noCode = await post(twoFactorAction, "/account/two-factor", { intent: "disable", password: PASSWORD, code: "123" }, session);
    expect(noCode.data.errors.code.key).toBe("wrongCode");
    const off = await post(twoFactorAction, "/account/two-factor", { intent: "disable", password: PASSWORD, code: await code(secret, 1) }, session);
    expect(off).toMatchObject({ status: 302, location: "/account/two-factor?done=off" });
    expect((await getTwoFactorState(user.id))!.enabledAt).toBeNull();
    expect((await post(twoFactorAction, "/account/two-factor", { intent: "nonsense" }, session)).status).toBe(400);
  });
});

describe("the second step on /login/code", () => {
  it("after a right password grants nothing but the step; a right code signs in once, never the same code again", async () => {
    const user = await newAccount("second-step@vigia.test");
    const { secret } = await enrolThroughPage(await signInAsUser(user.id));
    const address = "203.0.113.10";

    const { response, pending } = await passwordStep(user.email, address);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login/code?redirectTo=%2Fincidents");
    expect(cookieOf(response, "vigia_session")).toBeNull();
    expect(pending).not.toBeNull();
    expect(response.headers.getSetCookie().join()).toMatch(/vigia_second_factor=[^;]+; Max-Age=300; Path=\/login; HttpOnly; SameSite=Lax/);
    // The pending cookie is no session: pages send the person to sign in.
    const withPending = getAs(`${BASE}/incidents`, { cookie: pending!, csrf: "", userId: user.id });
    expect(await getUser(withPending)).toBeNull();
    expect((await get(listLoader, "/incidents", { cookie: pending!, csrf: "", userId: user.id })).location).toMatch(/^\/login/);
    // Without it, the code page says the sign-in must start again.
    expect((await get(codeLoader, "/login/code?redirectTo=%2Fincidents")).data).toMatchObject({ pending: false });
    const page = await codeLoader({ request: getAs(`${BASE}/login/code`, { cookie: pending!, csrf: "", userId: user.id }), params: {}, context: {} });
    expect(page).toMatchObject({ pending: true });

    const wrong = await codeStep(pending, "000000", address);
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ errors: { code: { key: "codeRefused" } } });
    const typed = await code(secret, 1);
    const right = await codeStep(pending, typed, address);
    expect(right.status).toBe(302);
    expect(right.headers.get("Location")).toBe("/incidents");
    const session = cookieOf(right, "vigia_session");
    expect(session).not.toBeNull();
    expect(right.headers.getSetCookie().join()).toMatch(/vigia_second_factor=; Max-Age=0/);
    expect(await getUser(getAs(`${BASE}/incidents`, { cookie: session!, csrf: "", userId: user.id }))).toMatchObject({ id: user.id });

    // The same code, with a new password step: refused (replay).
    const again = await passwordStep(user.email, address);
    expect((await codeStep(again.pending, typed, address)).status).toBe(400);
  });

  it("a recovery code signs in once", async () => {
    const user = await newAccount("recovery-route@vigia.test");
    const { recoveryCodes } = await enrolThroughPage(await signInAsUser(user.id));
    const address = "203.0.113.11";
    const first = await passwordStep(user.email, address);
    expect((await codeStep(first.pending, recoveryCodes[0].toUpperCase(), address)).status).toBe(302);
    const second = await passwordStep(user.email, address);
    expect((await codeStep(second.pending, recoveryCodes[0], address)).status).toBe(400);
    expect(await prisma.auditEvent.count({ where: { action: "totp_recovery_used", entityId: user.id } })).toBe(1);
  });

  it("refuses a pending state that expired or was tampered with", async () => {
    const user = await newAccount("expired-step@vigia.test");
    const { secret } = await enrolThroughPage(await signInAsUser(user.id));
    const old = (await startSecondFactor(new Request(`${BASE}/login`), user.id, Date.now() - SECOND_FACTOR_MS - 1000)).split(";")[0];
    const expired = await codeStep(old, await code(secret, 1), "203.0.113.12");
    expect(expired.status).toBe(400);
    expect(await expired.json()).toMatchObject({ errors: { form: { key: "signInExpired" } } });
    const fresh = (await startSecondFactor(new Request(`${BASE}/login`), user.id)).split(";")[0];
    const [name, value] = fresh.split("=");
    const forged = `${name}=${value.slice(0, -3)}abc`;
    expect((await codeStep(forged, await code(secret, 1), "203.0.113.12")).status).toBe(400);
    expect((await codeStep(null, await code(secret, 1), "203.0.113.12")).status).toBe(400);
  });

  it("wrong codes count against the sign-in limit per account: 429 with Retry-After", async () => {
    const user = await newAccount("limited-step@vigia.test");
    await enrolThroughPage(await signInAsUser(user.id));
    const { pending } = await passwordStep(user.email, "203.0.113.20");
    const statuses = [];
    // From different addresses, as a distributed guesser would: the per-account limit (5 an hour, the password step included) holds.
    for (let i = 0; i < 5; i++) statuses.push((await codeStep(pending, String(111111 + i), `203.0.113.${21 + i}`)).status);
    expect(statuses).toEqual([400, 400, 400, 400, 429]);
    const limited = await codeStep(pending, "222222", "203.0.113.30");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ errors: { form: { key: "signInTooMany" } } });
    // The four refused codes were counted as wrong sign-ins too (decision 094).
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount).toBe(4);
  });
});

describe("an administrator removes someone's second factor", () => {
  it("beside the password reset: audited, never on one's own account; the password alone then signs in", async () => {
    const user = await newAccount("lost-phone@vigia.test");
    await enrolThroughPage(await signInAsUser(user.id));
    const admin = await signInAs("admin");
    const page = await get(manageLoader, `/admin/users/${user.id}`, admin, { id: user.id });
    expect(page.data.user.totpEnabledAt).not.toBeNull();
    const removed = await post(manageAction, `/admin/users/${user.id}`, { intent: "removeSecondFactor" }, admin, { id: user.id });
    expect(removed).toMatchObject({ status: 302, location: `/admin/users/${user.id}?done=secondFactorRemoved` });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "totp_remove", entityId: user.id } });
    expect(audit.actorId).toBe(admin.userId);
    expect(await prisma.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    const again = await post(manageAction, `/admin/users/${user.id}`, { intent: "removeSecondFactor" }, admin, { id: user.id });
    expect(again.data.errors.form.key).toBe("nothingToChange");
    const self = await post(manageAction, `/admin/users/${admin.userId}`, { intent: "removeSecondFactor" }, admin, { id: admin.userId });
    expect(self.status).toBe(403);
    const { response } = await passwordStep(user.email, "203.0.113.40");
    expect(response.headers.get("Location")).toBe("/incidents");
    expect(cookieOf(response, "vigia_session")).not.toBeNull();
  });

  it("is refused to staff", async () => {
    const user = await newAccount("not-by-staff@vigia.test");
    const staff = await signInAs("staff");
    expect((await post(manageAction, `/admin/users/${user.id}`, { intent: "removeSecondFactor" }, staff, { id: user.id })).status).toBe(403);
  });
});
