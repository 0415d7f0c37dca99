// Every Prisma query on milestones. Edits are audited in the same transaction.
import { prisma, type Db } from "~/lib/db.server.ts";
import { refuse, type EditForm, type FlatValues, type SaveResult, type StoredVersion } from "~/lib/form.ts";
import type { Language } from "~/lib/i18n.ts";
import { writeAudit } from "./audit.server.ts";
import type { milestoneSchema, MilestoneInput } from "./milestone.schema.ts";
import { storedSourceChoice } from "./source.schema.ts";
import { resolveSourceChoice } from "./source.server.ts";
import { refuseStale, StaleVersion, storedVersion } from "./version.server.ts";

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

export type MilestoneFormValues = FlatValues<typeof milestoneSchema>;

const related = { instrument: { select: { code: true } }, source: { select: { key: true } } } as const;

async function findMilestone(key: string) {
  return prisma.milestone.findUnique({ where: { key }, include: related });
}

function formValues(m: NonNullable<Awaited<ReturnType<typeof findMilestone>>>): MilestoneFormValues {
  return {
    key: m.key,
    date: m.date.toISOString().slice(0, 10),
    label: m.label,
    labelEs: m.labelEs ?? "",
    labelFr: m.labelFr ?? "",
    instrumentCode: m.instrument?.code ?? "",
    note: m.note ?? "",
    ...storedSourceChoice(m.source?.key),
  };
}

/** The stored milestone as its edit form shows it. */
export async function getMilestoneForm(key: string): Promise<EditForm<MilestoneFormValues> | null> {
  const m = await findMilestone(key);
  return m ? { values: formValues(m), version: m.version } : null;
}

function milestoneSnapshot(
  m: { date: string; label: string; labelEs: string | null; labelFr: string | null; note: string | null },
  key: string,
  instrumentCode: string | null,
  sourceKey: string | null,
) {
  return { key, date: m.date, label: m.label, labelEs: m.labelEs, labelFr: m.labelFr, note: m.note, instrumentCode, sourceKey };
}

/** The columns a milestone form writes, or the error of an instrument that does not exist. */
async function milestoneData(tx: Pick<Db, "instrument">, input: MilestoneInput) {
  const instrument = input.instrumentCode ? await tx.instrument.findUnique({ where: { code: input.instrumentCode }, select: { id: true } }) : null;
  if (input.instrumentCode && !instrument) return null;
  return {
    date: new Date(`${input.date}T00:00:00Z`),
    label: input.label,
    labelEs: input.labelEs,
    labelFr: input.labelFr,
    note: input.note,
    instrumentId: instrument?.id ?? null,
  };
}

export async function createMilestone(input: MilestoneInput, actorId: string): Promise<SaveResult<{ key: string }>> {
  return prisma.$transaction(async (tx) => {
    const data = await milestoneData(tx, input);
    if (!data) return refuse("instrumentCode", "unknownInstrument");
    if (await tx.milestone.findUnique({ where: { key: input.key }, select: { id: true } })) return refuse("key", "keyTaken");
    const source = await resolveSourceChoice(tx, input);
    if (source === "unknown") return refuse("sourceKey", "unknownSource");
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
  });
}

/** Saves an edit only if the milestone is still at `version`; otherwise nothing is written and the newer version comes back. */
export async function updateMilestone(
  key: string,
  version: number,
  input: MilestoneInput,
  actorId: string,
): Promise<SaveResult<{ key: string }, StoredVersion<MilestoneFormValues>>> {
  return refuseStale(
    () =>
      prisma.$transaction(async (tx) => {
        const current = await tx.milestone.findUnique({ where: { key }, include: related });
        if (!current) return { ok: false, missing: true } as const;
        if (current.version !== version) throw new StaleVersion();
        const data = await milestoneData(tx, input);
        if (!data) return refuse("instrumentCode", "unknownInstrument");
        const source = await resolveSourceChoice(tx, input);
        if (source === "unknown") return refuse("sourceKey", "unknownSource");
        const { count } = await tx.milestone.updateMany({
          where: { id: current.id, version },
          data: { ...data, sourceId: source.id, version: { increment: 1 } },
        });
        if (count !== 1) throw new StaleVersion();
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
        return { ok: true, key: current.key } as const;
      }),
    async () => {
      const m = await findMilestone(key);
      return m && storedVersion("milestone", m.id, { values: formValues(m), version: m.version, updatedAt: m.updatedAt });
    },
  );
}
