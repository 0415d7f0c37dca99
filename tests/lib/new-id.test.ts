// newId (app/lib/bulk-insert.server.ts): ids for rows written in bulk, in the shape of
// Prisma's cuid(), from random bytes drawn in blocks.
import { describe, expect, it } from "vitest";
import { newId } from "~/lib/bulk-insert.server.ts";

describe("newId", () => {
  it("gives 25-character ids in cuid()'s shape, none twice, across many blocks of random bytes", () => {
    const ids = Array.from({ length: 20_000 }, newId);
    for (const id of ids.slice(0, 100)) expect(id).toMatch(/^c[0-9a-z]{24}$/);
    expect(new Set(ids).size).toBe(ids.length);
    // The random part (the last 12 characters) differs too, not only the counter.
    expect(new Set(ids.map((id) => id.slice(-12))).size).toBe(ids.length);
  });
});
