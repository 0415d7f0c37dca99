// Every Prisma query on instruments (the partnership's plan, laws, treaties,
// guidelines, ...). Edits are audited in the same transaction.
import { prisma } from "~/lib/db.server.ts";
import type { Language } from "~/lib/i18n.ts";
import { writeAudit } from "./audit.server.ts";
import { localized } from "~/domain/localized-text.ts";
import type { FieldErrors, InstrumentInput } from "./provision.schema.ts";
import { resolveSourceChoice } from "./source.server.ts";

export interface InstrumentOption {
  code: string;
  name: string;
}

export async function listInstrumentOptions(lng: Language): Promise<InstrumentOption[]> {
  const rows = await prisma.instrument.findMany({
    orderBy: [{ position: "asc" }, { code: "asc" }],
    select: { code: true, name: true, nameEs: true, nameFr: true },
  });
  return rows.map((r) => ({ code: r.code, name: localized(r.name, r.nameEs, r.nameFr, lng).text }));
}

/** Codes of the instruments with these ids (for naming records in the audit log). */
export async function findInstrumentCodes(ids: string[]): Promise<Map<string, string>> {
  const rows = ids.length ? await prisma.instrument.findMany({ where: { id: { in: ids } }, select: { id: true, code: true } }) : [];
  return new Map(rows.map((r) => [r.id, r.code]));
}

export async function getInstrumentForm(code: string): Promise<{ values: Record<string, string>; updatedAt: string } | null> {
  const i = await prisma.instrument.findUnique({ where: { code }, include: { source: { select: { key: true } } } });
  if (!i) return null;
  return {
    updatedAt: i.updatedAt.toISOString(),
    values: {
      code: i.code,
      name: i.name,
      nameEs: i.nameEs ?? "",
      nameFr: i.nameFr ?? "",
      kind: i.kind,
      position: String(i.position),
      sourceKey: i.source?.key ?? "",
    },
  };
}

export type InstrumentSaveOutcome = { ok: true; code: string } | { ok: false; errors: FieldErrors };

function snapshot(
  input: { name: string; nameEs: string | null; nameFr: string | null; kind: string; position: number },
  code: string,
  sourceKey: string | null,
) {
  return { code, name: input.name, nameEs: input.nameEs, nameFr: input.nameFr, kind: input.kind, position: input.position, sourceKey };
}

export async function createInstrument(input: InstrumentInput, actorId: string): Promise<InstrumentSaveOutcome> {
  return prisma.$transaction(async (tx) => {
    if (await tx.instrument.findUnique({ where: { code: input.code }, select: { id: true } })) return { ok: false, errors: { code: ["codeTaken"] } };
    const source = await resolveSourceChoice(tx, input);
    if (source === "unknown") return { ok: false, errors: { sourceKey: ["unknownSource"] } };
    const created = await tx.instrument.create({
      data: { code: input.code, name: input.name, nameEs: input.nameEs, nameFr: input.nameFr, kind: input.kind, position: input.position, sourceId: source.id },
    });
    await writeAudit(tx, {
      actorId,
      action: "create",
      entityType: "instrument",
      entityId: created.id,
      after: snapshot(input, input.code, source.key),
      summary: `Added instrument ${input.code}`,
    });
    return { ok: true, code: input.code };
  });
}

export async function updateInstrument(
  code: string,
  input: InstrumentInput,
  actorId: string,
  expectedUpdatedAt: string,
): Promise<InstrumentSaveOutcome | null> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.instrument.findUnique({ where: { code }, include: { source: { select: { key: true } } } });
    if (!current) return null;
    if (current.updatedAt.toISOString() !== expectedUpdatedAt) return { ok: false, errors: { form: ["conflict"] } };
    const source = await resolveSourceChoice(tx, input);
    if (source === "unknown") return { ok: false, errors: { sourceKey: ["unknownSource"] } };
    const { count } = await tx.instrument.updateMany({
      where: { id: current.id, updatedAt: current.updatedAt },
      data: { name: input.name, nameEs: input.nameEs, nameFr: input.nameFr, kind: input.kind, position: input.position, sourceId: source.id },
    });
    if (count !== 1) return { ok: false, errors: { form: ["conflict"] } };
    await writeAudit(tx, {
      actorId,
      action: "update",
      entityType: "instrument",
      entityId: current.id,
      before: snapshot(current, code, current.source?.key ?? null),
      after: snapshot(input, code, source.key),
      summary: `Edited instrument ${code}`,
    });
    return { ok: true, code };
  });
}
