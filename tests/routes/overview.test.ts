import { describe, expect, it } from "vitest";
import { loader as overviewLoader } from "~/routes/_index.tsx";
import { loader as healthLoader } from "~/routes/healthz.ts";
import { safeRedirect } from "~/lib/safe-redirect.ts";
import { action as languageAction } from "~/routes/language.ts";
import { inject } from "vitest";

const args = (url: string, init?: RequestInit) => ({ request: new Request(url, init), params: {}, context: {} });

describe("overview loader", () => {
  it("returns the headline figures, the annual series, case counts by sector and milestones", async () => {
    const data = await overviewLoader(args("http://localhost/"));
    expect(data.lng).toBe("en");
    expect(data.headline.total?.value).toBe(222);
    const annual = data.annualTrend.data;
    expect(annual.span).toEqual({ from: 2012, to: 2025 });
    expect(annual.published.some((r) => r.year === 2024 && r.metric === "disappeared" && r.value === 1)).toBe(true);
    const sectors = data.sectorBreakdown.data.counts;
    expect(sectors.reduce((s, r) => s + r.people!, 0)).toBe(154);
    expect(sectors.some((r) => r.key === "unconfirmed")).toBe(true);
    expect(annual.milestones.map((m) => m.date)).toContain("2025-09-18");
  });

  it("gives every published headline figure with its source: 222, 110, 42, 28 and the Indigenous subsets 17 and 15", async () => {
    const { headline } = await overviewLoader(args("http://localhost/"));
    const shown = Object.fromEntries(Object.entries(headline).map(([k, f]) => [k, f?.value]));
    expect(shown).toMatchObject({ total: 222, indigenous: 110, mining: 42, police: 28, indigenousPolice: 17, indigenousMining: 15 });
    for (const key of ["indigenousPolice", "indigenousMining"] as const) {
      const figure = headline[key]!;
      expect(figure).toMatchObject({ atLeast: true, periodStart: 2012, periodEnd: 2024, status: "unconfirmed" });
      expect(figure.source.title).toBeTruthy();
      expect(figure.source.url ?? figure.source.publisher).toBeTruthy();
    }
  });

  it("gives milestone labels in the requested language", async () => {
    const data = await overviewLoader(args("http://localhost/?lng=es"));
    expect(data.lng).toBe("es");
    const launch = data.annualTrend.data.milestones.find((m) => m.date === "2025-09-18")!;
    expect(launch.untranslated).toBe(false);
    const english = (await overviewLoader(args("http://localhost/"))).annualTrend.data.milestones.find((m) => m.date === "2025-09-18")!;
    expect(launch.label).not.toBe(english.label);
  });
});

describe("healthz", () => {
  it("says the app is up and which database kind it uses", async () => {
    const response = await healthLoader();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: inject("templateDatabase").kind });
  });
});

describe("language switch", () => {
  it("sets the cookie and returns to the same page", async () => {
    const body = new URLSearchParams({ lng: "fr", redirectTo: "/?from=2015" });
    const response = await languageAction(args("http://localhost/language", { method: "POST", body }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/?from=2015");
    expect(response.headers.get("Set-Cookie")).toMatch(/^vigia_lng=.*HttpOnly/i);
  });

  it("never redirects off the site", () => {
    expect(safeRedirect("https://evil.example/")).toBe("/");
    expect(safeRedirect("//evil.example/")).toBe("/");
    expect(safeRedirect("/\\evil.example")).toBe("/");
    expect(safeRedirect("/cases?x=1")).toBe("/cases?x=1");
  });
});

describe("missing translations", () => {
  it("fall back to the English label and say so, never an empty label", async () => {
    const { prisma } = await import("~/lib/db.server.ts");
    await prisma.milestone.update({ where: { key: (await prisma.milestone.findFirstOrThrow({ orderBy: { date: "asc" } })).key }, data: { labelFr: null } });
    const data = await overviewLoader(args("http://localhost/?lng=fr"));
    const first = data.annualTrend.data.milestones[0];
    expect(first.untranslated).toBe(true);
    expect(first.label.length).toBeGreaterThan(0);
    expect(data.annualTrend.data.milestones.slice(1).every((m) => !m.untranslated)).toBe(true);
  });
});
