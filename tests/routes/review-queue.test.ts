// /provisions/review: the case records with suggestions awaiting a decision, a
// page at a time on keyset links.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { loadProvisionTerms, suggestLinksForIncident } from "~/models/link.server.ts";
import { loader as reviewLoader } from "~/routes/provisions.review.tsx";
import { signInAs, type TestSession } from "../setup/auth.ts";
import { get } from "../setup/route.ts";

let staff: TestSession;

beforeAll(async () => {
  staff = await signInAs("staff");
  const provisions = await loadProvisionTerms(prisma);
  const ids = await prisma.incident.findMany({ where: { deletedAt: null }, select: { id: true } });
  await prisma.$transaction(async (tx) => {
    for (const { id } of ids) await suggestLinksForIncident(tx, id, { provisions });
  });
  // Two cases on one day, so that the id breaks the tie between pages.
  const [a, b] = await prisma.incident.findMany({ where: { origin: "gw_dataset" }, orderBy: { id: "asc" }, take: 2, select: { id: true } });
  await prisma.incident.updateMany({ where: { id: { in: [a.id, b.id] } }, data: { occurredOn: new Date("2016-06-15T00:00:00Z") } });
}, 120_000);

async function walk(start: string, direction: "next" | "prev") {
  const seen: string[][] = [];
  let url: string | null = start;
  while (url) {
    const outcome = await get(reviewLoader, url, staff);
    expect(outcome.status).toBe(200);
    seen.push(outcome.data.rows.map((r: { id: string }) => r.id));
    url = outcome.data.links[direction];
  }
  return seen;
}

describe("/provisions/review", () => {
  it("lists every case with a suggestion exactly once across its pages, newest first, and back again", async () => {
    const waiting = await prisma.incident.findMany({
      where: { deletedAt: null, links: { some: { status: "suggested" } } },
      orderBy: [{ occurredOn: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    expect(waiting.length).toBeGreaterThan(100);
    const forward = await walk("/provisions/review", "next");
    expect(forward.length).toBe(Math.ceil(waiting.length / 50));
    expect(forward.flat()).toEqual(waiting.map((w) => w.id));

    // From the last page back to the first, through the "previous" links.
    const lastCursor = (await get(reviewLoader, "/provisions/review", staff)).data.links.next as string;
    let last = lastCursor;
    for (let i = 2; i < forward.length; i++) last = (await get(reviewLoader, last, staff)).data.links.next;
    const backward = await walk(last, "prev");
    expect(backward.reverse().flat()).toEqual(waiting.map((w) => w.id));
  });

  it("counts and pages the cases of one sector, keeping the sector in its links", async () => {
    const first = await get(reviewLoader, "/provisions/review?sector=mining_extractives", staff);
    const mining = await prisma.incident.count({ where: { deletedAt: null, sector: "mining_extractives", links: { some: { status: "suggested" } } } });
    expect(first.data.total).toBe(mining);
    expect(first.data.rows.length).toBe(Math.min(mining, 50));
    for (const link of Object.values(first.data.links) as (string | null)[]) if (link) expect(link).toContain("sector=mining_extractives");
  });

  it("shows the first page for a page link that was tampered with", async () => {
    const outcome = await get(reviewLoader, "/provisions/review?after=nonsense", staff);
    expect(outcome.status).toBe(200);
    expect(outcome.data.rows.length).toBe(50);
    expect(outcome.data.links.prev).toBeNull();
  });
});
