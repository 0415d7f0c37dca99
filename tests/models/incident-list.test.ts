// Keyset pagination of the case list: every record exactly once, in order, forwards
// and backwards, even when many records share a date (ties are broken on id).
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { decodeCursor, encodeCursor } from "~/lib/keyset.ts";
import { CASE_SORTS, listIncidents, type CaseSort } from "~/models/incident.server.ts";
import type { IncidentFilter } from "~/domain/incident-filter.ts";

const FILTER: IncidentFilter = { yearFrom: 1995, yearTo: 1995 };
const ROWS = 123;

beforeAll(async () => {
  // Five dates only, so most records tie on their date; one creation time, so all tie on updatedAt.
  const now = new Date();
  await prisma.incident.createMany({
    data: Array.from({ length: ROWS }, (_, i) => ({
      origin: "staff",
      verificationStatus: i % 10 === 0 ? "reported" : "verified",
      occurredOn: new Date(Date.UTC(1995, i % 5, 1)),
      datePrecision: "month",
      year: 1995,
      sector: "logging",
      perpetratorType: "unspecified",
      outcome: "threat",
      stateCode: i % 2 ? "OAX" : "GRO",
      victimName: `Fila ${i}`,
      createdAt: now,
      updatedAt: now,
    })),
  });
});

const ORDER: Record<CaseSort, { field: "occurredOn" | "updatedAt"; dir: "asc" | "desc" }> = {
  date_desc: { field: "occurredOn", dir: "desc" },
  date_asc: { field: "occurredOn", dir: "asc" },
  updated_desc: { field: "updatedAt", dir: "desc" },
};

async function everything(sort: CaseSort, filter: IncidentFilter): Promise<string[]> {
  const { field, dir } = ORDER[sort];
  const { incidentWhere } = await import("~/models/incident.server.ts");
  const rows = await prisma.incident.findMany({ where: incidentWhere(filter), orderBy: [{ [field]: dir }, { id: dir }], select: { id: true } });
  return rows.map((r) => r.id);
}

describe("keyset pagination", () => {
  for (const sort of CASE_SORTS) {
    const filters: [string, IncidentFilter][] = [
      ["default scope", FILTER],
      ["with filters", { ...FILTER, states: ["OAX"], verification: ["verified", "reported"] }],
    ];
    for (const [label, filter] of filters) {
      it(`${sort}, ${label}: forwards and backwards, no duplicates, no gaps`, async () => {
        const expected = await everything(sort, filter);
        expect(expected.length).toBeGreaterThan(40);

        const forward: string[] = [];
        const cursors: (string | null)[] = [];
        let page = await listIncidents({ filter, sort, size: 7 });
        expect(page.prev).toBeNull();
        expect(page.total).toBe(expected.length);
        for (;;) {
          forward.push(...page.rows.map((r) => r.id));
          cursors.push(page.next);
          if (!page.next) break;
          page = await listIncidents({ filter, sort, size: 7, after: decodeCursor(page.next) });
          expect(page.prev).not.toBeNull();
        }
        expect(forward).toEqual(expected);
        expect(new Set(forward).size).toBe(forward.length);

        // Back from the last page with the "previous" links.
        const backward: string[][] = [page.rows.map((r) => r.id)];
        while (page.prev) {
          page = await listIncidents({ filter, sort, size: 7, before: decodeCursor(page.prev) });
          backward.unshift(page.rows.map((r) => r.id));
        }
        expect(backward.flat()).toEqual(expected);
        expect(page.prev).toBeNull();
      });
    }
  }

  it("a page link stays right when records are added before it", async () => {
    const first = await listIncidents({ filter: FILTER, sort: "date_desc", size: 10 });
    const second = await listIncidents({ filter: FILTER, sort: "date_desc", size: 10, after: decodeCursor(first.next) });
    // A newer record goes to the top of the list; OFFSET paging would shift every later page by one.
    await prisma.incident.create({
      data: {
        origin: "staff",
        verificationStatus: "verified",
        occurredOn: new Date(Date.UTC(1995, 11, 31)),
        year: 1995,
        sector: "logging",
        perpetratorType: "unspecified",
        outcome: "threat",
      },
    });
    const again = await listIncidents({ filter: FILTER, sort: "date_desc", size: 10, after: decodeCursor(first.next) });
    expect(again.rows.map((r) => r.id)).toEqual(second.rows.map((r) => r.id));
    expect((await listIncidents({ filter: FILTER, sort: "date_desc", size: 10 })).rows[0].occurredOn.toISOString()).toBe("1995-12-31T00:00:00.000Z");
  });

  it("cursors round-trip and malformed ones are refused", () => {
    const c = { at: new Date("2021-06-08T00:00:00Z"), id: "cmabc123" };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    for (const bad of ["", "abc", "12.", ".x", "1.a b", "1.x;drop", "9".repeat(20) + ".x"]) expect(decodeCursor(bad)).toBeNull();
  });
});
