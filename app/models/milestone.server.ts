import { prisma } from "~/lib/db.server.ts";
import type { Language } from "~/lib/i18n.ts";
import { writeAudit } from "./audit.server.ts";
import type { FieldErrors, MilestoneInput } from "./provision.schema.ts";
import { resolveSourceChoice } from "./source.server.ts";

export interface MilestoneView {
  key: string;
  /** YYYY-MM-DD */
  date: string;
  label: string;
  /** True when the label is the English text standing in for a missing translation. */
  untranslated: boolean;
}

/** A stored milestone with its label in the reader's language, or in English marked as untranslated. */
function milestoneView(m: { key: string; date: Date; label: string; labelEs: string | null; labelFr: string | null }, lng: Language): MilestoneView {
  const translated = lng === "es" ? m.labelEs : lng === "fr" ? m.labelFr : m.label;
  return {
    key: m.key,
    date: m.date.toISOString().slice(0, 10),
    label: translated || m.label,
    untranslated: !translated,
  };
}

export async function listMilestones(lng: Language): Promise<MilestoneView[]> {
  const rows = await prisma.milestone.findMany({ orderBy: { date: "asc" } });
  return rows.map((m) => milestoneView(m, lng));
}

/** Keys of the milestones with these ids (for naming records in the audit log). */
export async function findMilestoneKeys(ids: string[]): Promise<Map<string, string>> {
  const rows = ids.length ? await prisma.milestone.findMany({ where: { id: { in: ids } }, select: { id: true, key: true } }) : [];
  return new Map(rows.map((r) => [r.id, r.key]));
}

// ---------- Editing milestones (staff; audited in the same transaction) ----------

export interface MilestoneListRow extends MilestoneView {
  instrumentCode: string | null;
  source: { title: string; url: string | null; publisher: string | null; publishedOn: string | null } | null;
  note: string | null;
}

export async function listMilestonesWithSources(lng: Language): Promise<MilestoneListRow[]> {
  const rows = await prisma.milestone.findMany({
    orderBy: { date: "asc" },
    include: { instrument: { select: { code: true } }, source: { select: { title: true, url: true, publisher: true, publishedOn: true } } },
  });
  return rows.map((m) => ({
    ...milestoneView(m, lng),
    instrumentCode: m.instrument?.code ?? null,
    source: m.source,
    note: m.note,
  }));
}

export async function getMilestoneForm(key: string): Promise<{ values: Record<string, string>; updatedAt: string } | null> {
  const m = await prisma.milestone.findUnique({ where: { key }, include: { instrument: { select: { code: true } }, source: { select: { key: true } } } });
  if (!m) return null;
  return {
    updatedAt: m.updatedAt.toISOString(),
    values: {
      key: m.key,
      date: m.date.toISOString().slice(0, 10),
      label: m.label,
      labelEs: m.labelEs ?? "",
      labelFr: m.labelFr ?? "",
      instrumentCode: m.instrument?.code ?? "",
      note: m.note ?? "",
      sourceKey: m.source?.key ?? "",
    },
  };
}

export type MilestoneSaveOutcome = { ok: true; key: string } | { ok: false; errors: FieldErrors };

function milestoneSnapshot(
  m: { date: string; label: string; labelEs: string | null; labelFr: string | null; note: string | null },
  key: string,
  instrumentCode: string | null,
  sourceKey: string | null,
) {
  return { key, date: m.date, label: m.label, labelEs: m.labelEs, labelFr: m.labelFr, note: m.note, instrumentCode, sourceKey };
}

export async function saveMilestone(
  input: MilestoneInput,
  actorId: string,
  existing: { key: string; expectedUpdatedAt: string } | null,
): Promise<MilestoneSaveOutcome | null> {
  return prisma.$transaction(async (tx) => {
    const instrument = input.instrumentCode ? await tx.instrument.findUnique({ where: { code: input.instrumentCode }, select: { id: true } }) : null;
    if (input.instrumentCode && !instrument) return { ok: false, errors: { instrumentCode: ["unknownInstrument"] } };
    const data = {
      date: new Date(`${input.date}T00:00:00Z`),
      label: input.label,
      labelEs: input.labelEs,
      labelFr: input.labelFr,
      note: input.note,
      instrumentId: instrument?.id ?? null,
    };
    if (!existing) {
      if (await tx.milestone.findUnique({ where: { key: input.key }, select: { id: true } })) return { ok: false, errors: { key: ["keyTaken"] } };
      const source = await resolveSourceChoice(tx, input);
      if (source === "unknown") return { ok: false, errors: { sourceKey: ["unknownSource"] } };
      const created = await tx.milestone.create({ data: { key: input.key, ...data, sourceId: source.id } });
      await writeAudit(tx, {
        actorId,
        action: "create",
        entityType: "milestone",
        entityId: created.id,
        after: milestoneSnapshot(input, input.key, input.instrumentCode || null, source.key),
        summary: `Added milestone ${input.key}`,
      });
      return { ok: true, key: input.key };
    }
    const current = await tx.milestone.findUnique({
      where: { key: existing.key },
      include: { instrument: { select: { code: true } }, source: { select: { key: true } } },
    });
    if (!current) return null;
    if (current.updatedAt.toISOString() !== existing.expectedUpdatedAt) return { ok: false, errors: { form: ["conflict"] } };
    const source = await resolveSourceChoice(tx, input);
    if (source === "unknown") return { ok: false, errors: { sourceKey: ["unknownSource"] } };
    const { count } = await tx.milestone.updateMany({ where: { id: current.id, updatedAt: current.updatedAt }, data: { ...data, sourceId: source.id } });
    if (count !== 1) return { ok: false, errors: { form: ["conflict"] } };
    await writeAudit(tx, {
      actorId,
      action: "update",
      entityType: "milestone",
      entityId: current.id,
      before: milestoneSnapshot(
        { ...current, date: current.date.toISOString().slice(0, 10) },
        current.key,
        current.instrument?.code ?? null,
        current.source?.key ?? null,
      ),
      after: milestoneSnapshot(input, current.key, input.instrumentCode || null, source.key),
      summary: `Edited milestone ${current.key}`,
    });
    return { ok: true, key: current.key };
  });
}
