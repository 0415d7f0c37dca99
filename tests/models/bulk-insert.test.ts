// insertMany (app/lib/bulk-insert.server.ts) writes rows as one JSON parameter that the
// database unpacks (decision 133): what it stores must read back exactly as what Prisma's
// own createMany stores from the same values, on SQLite and PostgreSQL.
import { describe, expect, inject, it } from "vitest";
import { insertMany, newId } from "~/lib/bulk-insert.server.ts";
import { prisma } from "~/lib/db.server.ts";

const kind = inject("templateDatabase").kind;

/** Values of every kind the import writes: dates with and without a time, booleans, nulls, numbers, awkward text. */
function records(prefix: string) {
  const at = new Date(Date.UTC(2021, 2, 4, 5, 6, 7, 890));
  return [
    {
      id: `${prefix}-1`,
      externalId: `${prefix}-ext-1`,
      origin: "gw_dataset",
      occurredOn: new Date(Date.UTC(2019, 0, 31)),
      datePrecision: "day",
      year: 2019,
      victimName: 'José "Pepe" O\'Brien — 007\0 ünïcode 🌱',
      victimNamePublic: false,
      gender: "male",
      age: 0,
      sector: "mining_extractives",
      perpetratorType: "hitmen",
      outcome: "killed",
      victimCount: 3,
      countryCode: "MX",
      stateCode: null,
      regionRaw: "007",
      description: "line one\nline two\ttab, comma; \\ backslash",
      verificationStatus: "verified",
      version: 1,
      importedVersion: 1,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    },
    {
      id: `${prefix}-2`,
      externalId: `${prefix}-ext-2`,
      origin: "staff",
      occurredOn: new Date(Date.UTC(2024, 11, 31, 23, 59, 59, 999)),
      datePrecision: "year",
      year: 2024,
      victimName: null,
      victimNamePublic: true,
      gender: "unknown",
      age: null,
      sector: "logging",
      perpetratorType: "unknown",
      outcome: "disappeared",
      victimCount: 1,
      countryCode: "CO",
      stateCode: "OAX",
      regionRaw: null,
      description: "",
      verificationStatus: "reported",
      version: 7,
      importedVersion: null,
      createdAt: at,
      updatedAt: at,
      deletedAt: at,
    },
  ];
}

describe("insertMany", () => {
  it("stores the values Prisma's createMany stores, and Prisma reads and filters them alike", async () => {
    const ours = records("bulk-ours");
    const prismas = records("bulk-prisma");
    expect(await prisma.$transaction((tx) => insertMany(tx, kind, "Incident", ours))).toBe(2);
    await prisma.incident.createMany({ data: prismas.map((r) => ({ ...r, victimName: r.victimName?.replaceAll("\0", "\uFFFD") ?? null })) });

    const read = async (prefix: string) =>
      (await prisma.incident.findMany({ where: { id: { startsWith: prefix } }, orderBy: { id: "asc" } })).map(({ id: _id, externalId: _e, ...rest }) => rest);
    const stored = await read("bulk-ours");
    expect(stored).toEqual(await read("bulk-prisma"));
    // The NUL character is replaced, as db.server.ts replaces it in Prisma's own queries.
    expect(stored[0].victimName).toBe('José "Pepe" O\'Brien — 007\uFFFD ünïcode 🌱');
    expect(stored[0].regionRaw).toBe("007");
    expect(stored[0].victimNamePublic).toBe(false);
    expect(stored[1].deletedAt).toEqual(new Date(Date.UTC(2021, 2, 4, 5, 6, 7, 890)));

    // As stored, byte for byte: SQLite keeps dates and booleans as Prisma's adapter wrote them.
    const asText = (prefix: string) =>
      prisma.$queryRawUnsafe<Record<string, string | null>[]>(
        `SELECT CAST("occurredOn" AS TEXT) AS "occurredOn", CAST("createdAt" AS TEXT) AS "createdAt", CAST("deletedAt" AS TEXT) AS "deletedAt",
                CAST("victimNamePublic" AS TEXT) AS "victimNamePublic", CAST("age" AS TEXT) AS "age", CAST("regionRaw" AS TEXT) AS "regionRaw"
           FROM "Incident" WHERE "id" LIKE $1 ORDER BY "id"`.replace("$1", kind === "postgresql" ? "$1" : "?"),
        `${prefix}%`,
      );
    expect(await asText("bulk-ours")).toEqual(await asText("bulk-prisma"));
    // Dates compare in SQL as Prisma's own do (SQLite keeps them as text).
    const between = await prisma.incident.findMany({
      where: { id: { startsWith: "bulk-" }, occurredOn: { gte: new Date(Date.UTC(2019, 0, 31)), lt: new Date(Date.UTC(2024, 11, 31, 23, 59, 59, 999)) } },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    expect(between.map((r) => r.id)).toEqual(["bulk-ours-1", "bulk-prisma-1"]);
  });

  it("stores a fractional number and JSON text as they are", async () => {
    const [provision] = await prisma.provision.findMany({ take: 1, select: { id: true } });
    const incidentId = "bulk-link-case";
    await prisma.incident.create({
      data: {
        id: incidentId,
        origin: "staff",
        occurredOn: new Date("2020-01-01"),
        year: 2020,
        sector: "logging",
        perpetratorType: "unknown",
        outcome: "killed",
      },
    });
    const row = {
      id: newId(),
      incidentId,
      provisionId: provision.id,
      method: "rule",
      rulesFired: JSON.stringify(["mining-sector", "company:canada"]),
      matchedTerms: JSON.stringify({ en: ["mine"], es: ["mina"] }),
      score: 0.625,
      status: "suggested",
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    await prisma.$transaction((tx) => insertMany(tx, kind, "IncidentProvisionLink", [row]));
    const link = await prisma.incidentProvisionLink.findUniqueOrThrow({ where: { id: row.id } });
    expect(link.score).toBe(0.625);
    expect(JSON.parse(link.rulesFired!)).toEqual(["mining-sector", "company:canada"]);
    expect(JSON.parse(link.matchedTerms!)).toEqual({ en: ["mine"], es: ["mina"] });
    expect(link.reviewedAt).toBeNull();
  });

  it("refuses a name that is not a plain identifier, before any SQL", async () => {
    await expect(insertMany(prisma, kind, 'Incident" --', [{ id: "x" }])).rejects.toThrow("not an identifier");
    await expect(insertMany(prisma, kind, "Incident", [{ 'id") --': "x" }])).rejects.toThrow("not an identifier");
  });
});
