import { prisma } from "~/lib/db.server.ts";
import type { Language } from "~/lib/i18n.ts";

export interface MilestoneView {
  key: string;
  /** YYYY-MM-DD */
  date: string;
  label: string;
  /** True when the label is the English text standing in for a missing translation. */
  untranslated: boolean;
}

export async function listMilestones(lng: Language): Promise<MilestoneView[]> {
  const rows = await prisma.milestone.findMany({ orderBy: { date: "asc" } });
  return rows.map((m) => {
    const translated = lng === "es" ? m.labelEs : lng === "fr" ? m.labelFr : m.label;
    return {
      key: m.key,
      date: m.date.toISOString().slice(0, 10),
      label: translated || m.label,
      untranslated: !translated,
    };
  });
}
