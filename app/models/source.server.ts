// Every Prisma query on sources (of published figures, case records, provisions).
import { randomBytes } from "node:crypto";
import { prisma, type Db } from "~/lib/db.server.ts";
import { NEW_SOURCE } from "./source.schema.ts";

/** The publication date of a source as it gives it (YYYY, YYYY-MM or YYYY-MM-DD), or null. */
export async function getSourcePublishedOn(key: string): Promise<string | null> {
  const source = await prisma.source.findUnique({ where: { key }, select: { publishedOn: true } });
  return source?.publishedOn ?? null;
}

/** Keys of sources the app refers to by name (the seed creates them; tests/models/source.test.ts keeps both in step). */
export const SOURCE_KEYS = {
  /** The Global Witness lethal-attacks dataset (2012–2021) behind the seeded case records. */
  gwDataset: "gw-dataset-2022",
} as const;

export interface SourceOption {
  key: string;
  title: string;
  publisher: string | null;
  publishedOn: string | null;
}

/** Sources a form may point to: the ones already used by commitments first, then the rest. */
export async function listSourceOptions(): Promise<SourceOption[]> {
  const rows = await prisma.source.findMany({
    select: { key: true, title: true, publisher: true, publishedOn: true, _count: { select: { provisions: true, instruments: true, milestones: true } } },
    orderBy: { title: "asc" },
  });
  const used = (r: (typeof rows)[number]) => r._count.provisions + r._count.instruments + r._count.milestones > 0;
  return [...rows.filter(used), ...rows.filter((r) => !used(r))].map(({ key, title, publisher, publishedOn }) => ({ key, title, publisher, publishedOn }));
}

export interface SourceChoice {
  sourceKey: string;
  newSourceTitle: string | null;
  newSourceUrl: string | null;
  newSourcePublisher: string | null;
  newSourceKind: string;
}

/**
 * The source id a form chose: none, an existing source, or a new source created
 * here (inside the caller's transaction). "unknown" when the key does not exist.
 */
export async function resolveSourceChoice(tx: Pick<Db, "source">, choice: SourceChoice): Promise<{ id: string | null; key: string | null } | "unknown"> {
  if (!choice.sourceKey) return { id: null, key: null };
  if (choice.sourceKey === NEW_SOURCE) {
    const key = `staff-${new Date().toISOString().slice(0, 10)}-${randomBytes(4).toString("hex")}`;
    const created = await tx.source.create({
      data: {
        key,
        title: choice.newSourceTitle!,
        url: choice.newSourceUrl,
        publisher: choice.newSourcePublisher,
        kind: choice.newSourceKind,
        accessedOn: new Date().toISOString().slice(0, 10),
      },
    });
    return { id: created.id, key };
  }
  const found = await tx.source.findUnique({ where: { key: choice.sourceKey }, select: { id: true, key: true } });
  return found ? { id: found.id, key: found.key } : "unknown";
}
