// Rate limits kept in the database answer 429 with Retry-After: sign-in per
// address and per account, writes per user, exports per address (docs/decisions/095;
// an export counts when it is drawn or written, not when a kept one is served: 120).
import { beforeAll, describe, expect, it, vi } from "vitest";

// Low limits for this file only (env() is read once per test file).
vi.hoisted(() => {
  process.env.RATE_LIMIT_SIGN_IN_ADDRESS = "3/1h";
  process.env.RATE_LIMIT_SIGN_IN_ACCOUNT = "4/1h";
  process.env.RATE_LIMIT_WRITES_USER = "2/1h";
  process.env.RATE_LIMIT_EXPORTS_ADDRESS = "2/1h";
});

// Windows are fixed hours: the clock stands still just after one begins, so no window can end mid-test.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Math.floor(Date.now() / 3_600_000) * 3_600_000 + 1000);
});

import { prisma } from "~/lib/db.server.ts";
import { hitRateLimit } from "~/lib/rate-limit.server.ts";
import { action as loginAction } from "~/routes/login.tsx";
import { action as manageAction } from "~/routes/admin.users.$id.tsx";
import { loader as chartCsv } from "~/routes/charts.$id[.]csv.ts";
import { postForm, signInAs } from "../setup/auth.ts";
import { BASE, post, run } from "../setup/route.ts";
import { serveExport } from "../setup/serve.ts";
import * as dataVersion from "~/models/data-version.server.ts";

// The page cache's entries watched: a test holds a drawing back until a second reader has joined it.
vi.mock("~/models/data-version.server.ts", async (importOriginal) => {
  const real = await importOriginal<typeof dataVersion>();
  return { ...real, memoByVersion: vi.fn(real.memoByVersion) };
});
/** How many requests asked the page cache for `path` (as its key names it). */
const pageMemoCalls = (path: string) =>
  vi.mocked(dataVersion.memoByVersion).mock.calls.filter(([key]) => key.startsWith('["page",') && key.includes(JSON.stringify(`${BASE}${path}`).slice(1, -1)))
    .length;

function signIn(email: string, address: string) {
  return run((args) => loginAction({ ...args, context: { clientAddress: address } }), postForm(`${BASE}/login`, { email, password: "wrong-password" }));
}

describe("sign-in", () => {
  it("answers 429 with Retry-After past the limit per address, whatever account is tried", async () => {
    for (let i = 0; i < 3; i++) expect((await signIn(`someone${i}@vigia.test`, "192.0.2.1")).status).toBe(400);
    const request = postForm(`${BASE}/login`, { email: "another@vigia.test", password: "x" });
    const answer = (await loginAction({ request, params: {}, context: { clientAddress: "192.0.2.1" } })) as unknown as {
      data: { error: string };
      init: { status: number; headers: Record<string, string> };
    };
    expect(answer.init.status).toBe(429);
    expect(answer.data.error).toBe("tooMany");
    expect(Number(answer.init.headers["Retry-After"])).toBeGreaterThan(0);
    expect(Number(answer.init.headers["Retry-After"])).toBe(3599);
    // Another address is not held back.
    expect((await signIn("another@vigia.test", "192.0.2.2")).status).toBe(400);
  });

  it("answers 429 past the limit per account, from however many addresses", async () => {
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push((await signIn("Target@vigia.test", `198.51.100.${i}`)).status);
    expect(outcomes).toEqual([400, 400, 400, 400, 429]);
  });

  it("counts concurrent hits atomically in the database", async () => {
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => hitRateLimit("writesUser", "concurrent-subject")));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(2);
    const rows = await prisma.rateLimitHit.findMany({ where: { key: { startsWith: "writesUser:" } } });
    expect(rows.some((r) => r.count === 6)).toBe(true);
  });
});

describe("writes per user", () => {
  it("answer 429 with Retry-After past the limit", async () => {
    const admin = await signInAs("admin");
    const viewer = await prisma.user.findUniqueOrThrow({ where: { email: "viewer@vigia.test" } });
    const params = { id: viewer.id };
    for (let i = 0; i < 2; i++) expect((await post(manageAction, `/admin/users/${viewer.id}`, { intent: "revoke" }, admin, params)).status).toBe(302);
    const request = postForm(`${BASE}/admin/users/${viewer.id}`, { intent: "revoke" }, admin);
    const refused = await manageAction({ request, params, context: {} }).catch((e: unknown) => e as Response);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(429);
    expect(Number((refused as Response).headers.get("Retry-After"))).toBeGreaterThan(0);
  });
});

describe("exports per address", () => {
  const fetchCsv = (address: string, query = "") =>
    chartCsv({
      request: new Request(`${BASE}/charts/sector-breakdown.csv${query}`),
      params: { id: "sector-breakdown" },
      context: { clientAddress: address },
    }).catch((e: unknown) => e as Response);

  it("count each export written or drawn, not the repeats of a kept one, and answer 429 with Retry-After past the limit", async () => {
    // Written once, then kept (decision 120): repeating it never counts.
    for (let i = 0; i < 4; i++) expect((await fetchCsv("203.0.113.5")).status).toBe(200);
    expect((await fetchCsv("203.0.113.5", "?from=2015")).status).toBe(200);
    const refused = await fetchCsv("203.0.113.5", "?from=2016");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    // What is kept is still served; another address is not held back.
    expect((await fetchCsv("203.0.113.5")).status).toBe(200);
    expect((await fetchCsv("203.0.113.6", "?from=2016")).status).toBe(200);
  });

  it("never refuse a repeated anonymous PNG kept by the page cache; refuse a new drawing past the limit, neither keeping nor sharing that 429", async () => {
    const address = "203.0.113.7";
    const png = (query: string, from = address) => serveExport(`/charts/sector-breakdown.png?size=preview${query}`, { address: from });
    for (let i = 0; i < 6; i++) expect((await png("")).status).toBe(200);
    expect((await png("&from=2015")).status).toBe(200);
    const refused = await png("&from=2016");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Cache-Control")).toBe("no-store");
    // Not kept: another address gets the image, drawn for it; then the first one too, as kept.
    expect((await png("&from=2016", "203.0.113.8")).status).toBe(200);
    expect((await png("&from=2016")).status).toBe(200);

    // A reader who joins a drawing that another address started, and that was refused to it, is drawn for.
    const over = "203.0.113.7";
    const path = "/charts/sector-breakdown.png?from=2017&size=preview"; // as the key writes it: parameters in order
    const joined = () => pageMemoCalls(path);
    const starter = serveExport(path, {
      address: over,
      render: async (route) => {
        for (let i = 0; joined() < 2; i++) {
          if (i > 100_000) throw new Error("the second reader never joined");
          await new Promise((r) => setImmediate(r));
        }
        return route();
      },
    });
    const joiner = serveExport(path, { address: "203.0.113.9" });
    const [first, second] = await Promise.all([starter, joiner]);
    expect(first.status).toBe(429);
    expect(second.status).toBe(200);
    expect(second.headers.get("Content-Type")).toBe("image/png");
  });
});
