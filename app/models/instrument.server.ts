// Every Prisma query on instruments (the partnership's plan, laws, treaties,
// guidelines, ...). Edits are audited in the same transaction.
import { prisma } from "~/lib/db.server.ts";
import { refuse, type EditForm, type FlatValues, type SaveResult, type StoredVersion } from "~/lib/form.ts";
import type { Language } from "~/lib/i18n.ts";
import { writeAudit } from "./audit.server.ts";
import { localized } from "~/domain/localized-text.ts";
import type { instrumentSchema, InstrumentInput } from "./instrument.schema.ts";
import { storedSourceChoice } from "./source.schema.ts";
import { resolveSourceChoice } from "./source.server.ts";
import { refuseStale, StaleVersion, storedVersion } from "./version.server.ts";

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

export type InstrumentFormValues = FlatValues<typeof instrumentSchema>;

const withSource = { source: { select: { key: true } } } as const;

async function findInstrument(code: string) {
  return prisma.instrument.findUnique({ where: { code }, include: withSource });
}

function formValues(i: NonNullable<Awaited<ReturnType<typeof findInstrument>>>): InstrumentFormValues {
  return {
    code: i.code,
    name: i.name,
    nameEs: i.nameEs ?? "",
    nameFr: i.nameFr ?? "",
    kind: i.kind,
    position: String(i.position),
    ...storedSourceChoice(i.source?.key),
  };
}

/** The stored instrument as its edit form shows it. */
export async function getInstrumentForm(code: string): Promise<EditForm<InstrumentFormValues> | null> {
  const i = await findInstrument(code);
  return i ? { values: formValues(i), version: i.version } : null;
}

function snapshot(
  input: { name: string; nameEs: string | null; nameFr: string | null; kind: string; position: number },
  code: string,
  sourceKey: string | null,
) {
  return { code, name: input.name, nameEs: input.nameEs, nameFr: input.nameFr, kind: input.kind, position: input.position, sourceKey };
}

export async function createInstrument(input: InstrumentInput, actorId: string): Promise<SaveResult<{ code: string }>> {
  return prisma.$transaction(async (tx) => {
    if (await tx.instrument.findUnique({ where: { code: input.code }, select: { id: true } })) return refuse("code", "codeTaken");
    const source = await resolveSourceChoice(tx, input);
    if (source === "unknown") return refuse("sourceKey", "unknownSource");
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

/** Saves an edit only if the instrument is still at `version`; otherwise nothing is written and the newer version comes back. */
export async function updateInstrument(
  code: string,
  version: number,
  input: InstrumentInput,
  actorId: string,
): Promise<SaveResult<{ code: string }, StoredVersion<InstrumentFormValues>>> {
  return refuseStale(
    () =>
      prisma.$transaction(async (tx) => {
        const current = await tx.instrument.findUnique({ where: { code }, include: withSource });
        if (!current) return { ok: false, missing: true } as const;
        if (current.version !== version) throw new StaleVersion();
        const source = await resolveSourceChoice(tx, input);
        if (source === "unknown") return refuse("sourceKey", "unknownSource");
        const { count } = await tx.instrument.updateMany({
          where: { id: current.id, version },
          data: {
            name: input.name,
            nameEs: input.nameEs,
            nameFr: input.nameFr,
            kind: input.kind,
            position: input.position,
            sourceId: source.id,
            version: { increment: 1 },
          },
        });
        if (count !== 1) throw new StaleVersion();
        await writeAudit(tx, {
          actorId,
          action: "update",
          entityType: "instrument",
          entityId: current.id,
          before: snapshot(current, code, current.source?.key ?? null),
          after: snapshot(input, code, source.key),
          summary: `Edited instrument ${code}`,
        });
        return { ok: true, code } as const;
      }),
    async () => {
      const i = await findInstrument(code);
      return i && storedVersion("instrument", i.id, { values: formValues(i), version: i.version, updatedAt: i.updatedAt });
    },
  );
}
