// `npm run links:suggest` on this test file's own database, twice: the second
// run creates nothing and changes no decision.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";

const root = resolve(import.meta.dirname, "..", "..");
function run() {
  const result = spawnSync(resolve(root, "node_modules/.bin/tsx"), ["scripts/links-suggest.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, SEED_DEMO_USERS: "0" },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout + result.stderr };
}

describe("npm run links:suggest", () => {
  it("suggests links for every case record, showing progress, and keeps decisions when run again", async () => {
    const first = run();
    expect(first.code, first.out).toBe(0);
    expect(first.out).toMatch(/Suggesting links for 154 case records with rules \d{4}-\d{2}-\d{2}\.\d+/);
    expect(first.out).toContain("154/154 case records");
    const created = await prisma.incidentProvisionLink.count();
    expect(first.out).toContain(`Done: ${created} suggestions created`);
    expect(created).toBeGreaterThan(154 * 2);

    const link = await prisma.incidentProvisionLink.findFirstOrThrow({ where: { provision: { code: "AP-I-MIN" } } });
    await prisma.incidentProvisionLink.update({ where: { id: link.id }, data: { status: "rejected", rationale: "Checked by hand" } });
    const second = run();
    expect(second.code, second.out).toBe(0);
    expect(second.out).toContain("Done: 0 suggestions created, 0 updated, 0 withdrawn");
    expect(await prisma.incidentProvisionLink.count()).toBe(created);
    expect(await prisma.incidentProvisionLink.findUniqueOrThrow({ where: { id: link.id } })).toMatchObject({
      status: "rejected",
      rationale: "Checked by hand",
    });
  }, 120_000);
});
