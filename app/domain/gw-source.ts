// The Global Witness dataset named as a source, apart from the coverage module so
// that chart pages, which load no provisions texts, can use it.
import type { Translate } from "./coverage.ts";

/**
 * The Global Witness dataset as the source of case records: the download the seed
 * holds and, once an import has created or changed records, the day it did, so
 * that a source line never names only the seeded download after newer data came in.
 */
export function gwDatasetSource(importedOn: string | null | undefined, t: Translate, formatDay: (iso: string) => string): string {
  const seeded = t("trends.sources.gwDataset");
  return importedOn ? t("trends.sources.gwImported", { dataset: seeded, date: formatDay(importedOn) }) : seeded;
}
