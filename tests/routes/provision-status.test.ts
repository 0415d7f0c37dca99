// A provision's confirmation label matches its source (issue 10): "confirmed"
// means checked against the official text; one known from a press summary of
// the plan says so in its own label, on the page, in the form and in exports.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CommitmentStatus } from "~/components/commitment.tsx";
import { prisma } from "~/lib/db.server.ts";
import { createI18n, I18nProvider, type Language } from "~/lib/i18n.ts";
import { provisionSchema } from "~/models/provision.schema.ts";

const statusHtml = (status: string, lng: Language) =>
  renderToStaticMarkup(createElement(I18nProvider, { i18n: createI18n(lng) }, createElement(CommitmentStatus, { status })));

describe("confirmation status of provisions", () => {
  it("seeds AP-I-MIN, known from a press summary of the Action Plan, as such and not as confirmed", async () => {
    const p = await prisma.provision.findUniqueOrThrow({ where: { code: "AP-I-MIN" } });
    expect(p.status).toBe("press_summary");
    // Provisions checked against their official text stay confirmed.
    expect((await prisma.provision.findUniqueOrThrow({ where: { code: "ESCAZU-ART9" } })).status).toBe("confirmed");
  });

  it("labels a press summary in its own words in every language, never as confirmed", () => {
    expect(statusHtml("press_summary", "en")).toContain("<strong>from a press summary</strong>");
    expect(statusHtml("press_summary", "es")).toContain("<strong>según un resumen de prensa</strong>");
    expect(statusHtml("press_summary", "fr")).toContain("<strong>d&#x27;après un résumé de presse</strong>");
    expect(statusHtml("confirmed", "en")).toContain("<strong>confirmed</strong>");
  });

  it("lets staff choose it in the provision form", () => {
    expect(provisionSchema.shape.status.safeParse("press_summary").success).toBe(true);
  });

  it("is given by the data fix to a database seeded before it, unless the status was edited since", async () => {
    const sql = readFileSync(
      resolve(import.meta.dirname, "../../prisma/sqlite/migrations/20261130132000_provision_press_summary_status/migration.sql"),
      "utf8",
    );
    const statement = sql
      .replace(/^--.*$/gm, "")
      .trim()
      .replace(/;$/, "");
    await prisma.provision.update({ where: { code: "AP-I-MIN" }, data: { status: "confirmed", statusNote: "press summary of plan text" } });
    const before = await prisma.provision.findUniqueOrThrow({ where: { code: "AP-I-MIN" } });
    await prisma.$executeRawUnsafe(statement);
    const after = await prisma.provision.findUniqueOrThrow({ where: { code: "AP-I-MIN" } });
    expect(after).toMatchObject({ status: "press_summary", statusNote: null, version: before.version + 1 });
    // A status someone chose since is left alone.
    await prisma.provision.update({ where: { code: "AP-I-MIN" }, data: { status: "reported", statusNote: "press summary of plan text" } });
    await prisma.$executeRawUnsafe(statement);
    expect((await prisma.provision.findUniqueOrThrow({ where: { code: "AP-I-MIN" } })).status).toBe("reported");
  });
});
