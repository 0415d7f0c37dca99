// Every Prisma query on sources (of published figures, case records, provisions).
import { prisma } from "~/lib/db.server.ts";

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
