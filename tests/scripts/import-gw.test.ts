// `npm run import:gw` on this test file's own database: a dry run writes nothing,
// an import prints each bad row and ends with the counts line, a second import
// changes nothing.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { gwCsv } from "../setup/gw-csv.ts";

const root = resolve(import.meta.dirname, "..", "..");
const dir = resolve(root, "tests/.artifacts/import-gw");

function run(...args: string[]) {
  const result = spawnSync(resolve(root, "node_modules/.bin/tsx"), ["scripts/import-gw.ts", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, SEED_DEMO_USERS: "0", INIT_CWD: dir },
    encoding: "utf8",
    timeout: 90_000,
  });
  const lines = result.stdout.trimEnd().split("\n");
  return { code: result.status, out: result.stdout + result.stderr, last: lines.at(-1) };
}

describe("npm run import:gw", () => {
  it("imports a file, reporting bad rows by line, and ends with the counts", async () => {
    mkdirSync(dir, { recursive: true });
    const file = `cli-${process.pid}-${Date.now()}.csv`;
    writeFileSync(
      resolve(dir, file),
      gwCsv([
        { id: "cli-1", name: "Óscar Eyraud", country: "Mexico", country_numeric: "484", local_region: "Sonora" },
        { id: "cli-2", date: "2021-02-30" },
        { id: "cli-3", name: "Nenita", country: "Philippines", country_numeric: "608", industry_driver: "Tourism" },
      ]),
    );
    const incidents = await prisma.incident.count();
    const jobs = await prisma.gwImportJob.count();

    const dry = run(file, "--dry-run");
    expect(dry.code, dry.out).toBe(0);
    expect(dry.out).toContain("line 3 (cli-2): “2021-02-30” is not a date (YYYY-MM-DD)");
    expect(dry.last).toBe("created 2, updated 0, unchanged 0, invalid 1");
    expect(await prisma.incident.count()).toBe(incidents);
    expect(await prisma.gwImportJob.count(), "a dry run leaves no trace").toBe(jobs);

    const first = run(file);
    expect(first.code, first.out).toBe(0);
    expect(first.last).toBe("created 2, updated 0, unchanged 0, invalid 1");
    expect(await prisma.incident.count()).toBe(incidents + 2);
    expect(await prisma.incident.findUniqueOrThrow({ where: { externalId: "cli-1" } })).toMatchObject({ stateCode: "SON", countryCode: "MX" });

    const again = run(file);
    expect(again.code, again.out).toBe(0);
    expect(again.last).toBe("created 0, updated 0, unchanged 2, invalid 1");
  }, 240_000);

  it("refuses a file that is not the dataset, writing nothing", () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(resolve(dir, "not-gw.csv"), "a,b\n1,2\n");
    const result = run("not-gw.csv");
    expect(result.code).toBe(1);
    expect(result.out).toContain("This is not the Global Witness dataset: its first line lacks the columns id, date,");
  }, 120_000);
});
