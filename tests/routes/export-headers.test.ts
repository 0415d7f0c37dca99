// Every export route (found on disk: any resource route ending in .csv or .png)
// answers with the headers its kind of export gets: a content type, a download
// name that cannot break the header, and one cache rule. Public dashboard exports
// may be cached for five minutes, varying with the language; when the deployment
// makes dashboards sign-in only (PUBLIC_DASHBOARDS=0), no copy may be stored.
import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { env } from "~/lib/env.server.ts";
import { exportHeaders, safeFilename } from "~/lib/http.server.ts";
import { getAs, signInAs, type TestSession } from "../setup/auth.ts";

const ROUTES_DIR = resolve(import.meta.dirname, "../../app/routes");
const routes = import.meta.glob("../../app/routes/*.{ts,tsx}", { eager: true }) as Record<string, { loader?: (args: any) => Promise<unknown> }>;

/** One address per export route file. */
const EXPORTS: Record<string, { url: string; params?: Record<string, string> }> = {
  "charts.$id[.]csv.ts": { url: "/charts/sector-breakdown.csv?lng=es", params: { id: "sector-breakdown" } },
  "charts.$id[.]png.ts": { url: "/charts/sector-breakdown.png?lng=fr", params: { id: "sector-breakdown" } },
  "matrix[.]csv.ts": { url: "/matrix.csv?from=2019&to=2021" },
  "matrix[.]png.ts": { url: "/matrix.png?from=2019&to=2021" },
  "provisions.$code.scorecard[.]csv.ts": { url: "/provisions/AP-I-MIN/scorecard.csv", params: { code: "AP-I-MIN" } },
  "provisions.$code.scorecard[.]png.ts": { url: "/provisions/AP-I-MIN/scorecard.png", params: { code: "AP-I-MIN" } },
};

/**
 * Exports of case records for signed-in readers: never cached publicly; their headers are
 * proved in their own files (tests/routes/case-export.test.ts, tests/routes/api.test.ts).
 */
const SIGNED_IN_EXPORTS = ["api.v1.cases[.]csv.ts", "incidents[.]csv.ts"];

const SAFE_DISPOSITION = /^(attachment|inline); filename="[A-Za-z0-9._-]+\.(csv|png)"$/;

let viewer: TestSession;
beforeAll(async () => {
  viewer = await signInAs("viewer");
});

async function fetchExport(file: string, session?: TestSession): Promise<Response> {
  const { url, params } = EXPORTS[file];
  return (await routes[`../../app/routes/${file}`].loader!({
    request: getAs(`http://localhost${url}`, session),
    params: params ?? {},
    context: {},
  })) as Response;
}

describe("export headers", () => {
  it("covers every export route there is", () => {
    const files = readdirSync(ROUTES_DIR)
      .filter((f) => /\[\.\](csv|png)\.tsx?$/.test(f))
      .sort();
    expect([...Object.keys(EXPORTS), ...SIGNED_IN_EXPORTS].sort(), "an export route needs an address in EXPORTS").toEqual(files);
  });

  it("lets caches keep public dashboard exports for five minutes, per language, for anonymous and signed-in readers alike", async () => {
    for (const file of Object.keys(EXPORTS)) {
      for (const session of [undefined, viewer]) {
        const response = await fetchExport(file, session);
        expect(response.status, file).toBe(200);
        expect(response.headers.get("Content-Type"), file).toBe(file.includes("[.]csv") ? "text/csv; charset=utf-8" : "image/png");
        expect(response.headers.get("Content-Disposition"), file).toMatch(SAFE_DISPOSITION);
        expect(response.headers.get("Cache-Control"), file).toBe("public, max-age=300");
        expect(response.headers.get("Vary"), file).toBe("Cookie, Accept-Language");
      }
    }
  });

  it("stores no copy anywhere when dashboards need a signed-in reader", async () => {
    const config = env();
    config.publicDashboards = false;
    try {
      for (const file of Object.keys(EXPORTS)) {
        const response = await fetchExport(file, viewer);
        expect(response.status, file).toBe(200);
        expect(response.headers.get("Cache-Control"), file).toBe("private, no-store");
        expect(response.headers.get("Content-Disposition"), file).toMatch(SAFE_DISPOSITION);
      }
    } finally {
      config.publicDashboards = true;
    }
  });

  it("never lets a signed-in-only export be stored, whatever the deployment says", () => {
    expect(exportHeaders("csv", "cases.csv", "signed-in")).toEqual({
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="cases.csv"',
      "Cache-Control": "private, no-store",
    });
  });

  it("makes a safe file name of whatever a code or key holds", () => {
    expect(safeFilename('vigia-scorecard-A"B\r\nSet-Cookie: x=1.csv')).toBe("vigia-scorecard-A-B-Set-Cookie-x-1.csv");
    expect(safeFilename("vigia-matrix-all-2012-2026-both.png")).toBe("vigia-matrix-all-2012-2026-both.png");
    expect(safeFilename("Michoacán/../año.csv")).toBe("Michoacan-.-ano.csv");
    expect(safeFilename("../../etc/passwd")).toBe("etc-passwd");
    expect(safeFilename("")).toBe("vigia-export");
  });
});
