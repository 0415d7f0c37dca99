// Every Prisma query on provisions (the commitments an instrument makes, or
// lacks). Text in three languages comes back in the reader's language with a
// flag when English stands in for a missing translation.
import { prisma, type Prisma } from "~/lib/db.server.ts";
import type { FieldErrors } from "~/lib/form-errors.ts";
import { refuse, type EditForm, type FlatValues, type SaveResult, type StoredVersion } from "~/lib/form.ts";
import type { Language } from "~/lib/i18n.ts";
import { parseTermList } from "~/domain/link-rules.ts";
import type { SourceRef } from "./published-figure.server.ts";
import { writeAudit } from "./audit.server.ts";
import type { ChartReader } from "~/charts/query.ts";
import { suppressCount, type Count } from "~/charts/small-counts.ts";
import { smallCountThreshold } from "./chart-data.server.ts";
import { getIncidentYearBounds } from "./incident.server.ts";
import { countLinkMatrix, countLinksPerProvision, type LinkStatus } from "./link.server.ts";
import { localized, type LocalizedText } from "~/domain/localized-text.ts";
import type { provisionSchema, ProvisionInput } from "./provision.schema.ts";
import { storedSourceChoice } from "./source.schema.ts";
import { resolveSourceChoice } from "./source.server.ts";
import { refuseStale, StaleVersion, storedVersion } from "./version.server.ts";

export interface ProvisionView {
  id: string;
  code: string;
  pillar: string;
  title: LocalizedText;
  summary: LocalizedText;
  status: string;
  statusNote: string | null;
  isGap: boolean;
  /** YYYY-MM-DD or null when not known */
  madeOn: string | null;
  source: (SourceRef & { key: string }) | null;
  /** Links per status; null where withheld from this reader (decision 109) */
  links: Record<LinkStatus, Count>;
}

export interface InstrumentGroupView {
  code: string;
  name: LocalizedText;
  kind: string;
  source: (SourceRef & { key: string }) | null;
  pillars: { pillar: string; provisions: ProvisionView[] }[];
}

const sourceSelect = { select: { key: true, title: true, publisher: true, publishedOn: true, url: true } } as const;

const provisionSelect = {
  id: true,
  code: true,
  pillar: true,
  title: true,
  titleEs: true,
  titleFr: true,
  summary: true,
  summaryEs: true,
  summaryFr: true,
  status: true,
  statusNote: true,
  isGap: true,
  madeOn: true,
  position: true,
  source: sourceSelect,
} satisfies Prisma.ProvisionSelect;

type ProvisionRow = Prisma.ProvisionGetPayload<{ select: typeof provisionSelect }>;

const NO_LINKS: Record<LinkStatus, number> = { suggested: 0, accepted: 0, rejected: 0 };

function toView(p: ProvisionRow, lng: Language, links: Record<LinkStatus, Count> = NO_LINKS): ProvisionView {
  return {
    id: p.id,
    code: p.code,
    pillar: p.pillar,
    title: localized(p.title, p.titleEs, p.titleFr, lng),
    summary: localized(p.summary, p.summaryEs, p.summaryFr, lng),
    status: p.status,
    statusNote: p.statusNote,
    isGap: p.isGap,
    madeOn: p.madeOn ? p.madeOn.toISOString().slice(0, 10) : null,
    source: p.source,
    links,
  };
}

/**
 * Each provision's link totals as this reader may have them: for an anonymous
 * reader, when staff records are counted, a total is withheld when it is small or
 * when any year of it is (its provision page shows the years; decision 109).
 */
async function linkTotalsForReader(counts: Map<string, Record<LinkStatus, number>>, reader: ChartReader): Promise<Map<string, Record<LinkStatus, Count>>> {
  const threshold = await smallCountThreshold(reader, {});
  if (threshold === null) return counts;
  const bounds = await getIncidentYearBounds();
  const perYear = bounds ? await countLinkMatrix({ yearFrom: bounds.min, yearTo: bounds.max }, ["accepted", "suggested"]) : [];
  const withheldYear = new Set(perYear.filter((c) => suppressCount(c.records, threshold) === null).map((c) => `${c.provisionId} ${c.status}`));
  const total = (id: string, status: LinkStatus, n: number) => (withheldYear.has(`${id} ${status}`) ? null : suppressCount(n, threshold));
  return new Map(
    [...counts].map(([id, c]) => [id, { accepted: total(id, "accepted", c.accepted), suggested: total(id, "suggested", c.suggested), rejected: c.rejected }]),
  );
}

/** Instruments in their order, each with its provisions grouped by pillar (gaps included, flagged); link totals as this reader may have them. */
export async function listProvisionsByInstrument(lng: Language, reader: ChartReader): Promise<InstrumentGroupView[]> {
  const [instruments, counts] = await Promise.all([
    prisma.instrument.findMany({
      orderBy: [{ position: "asc" }, { code: "asc" }],
      select: {
        code: true,
        name: true,
        nameEs: true,
        nameFr: true,
        kind: true,
        source: sourceSelect,
        provisions: { select: provisionSelect, orderBy: [{ position: "asc" }, { code: "asc" }] },
      },
    }),
    countLinksPerProvision().then((counts) => linkTotalsForReader(counts, reader)),
  ]);
  return instruments.map((i) => {
    const pillars: InstrumentGroupView["pillars"] = [];
    for (const p of i.provisions) {
      let group = pillars.find((g) => g.pillar === p.pillar);
      if (!group) pillars.push((group = { pillar: p.pillar, provisions: [] }));
      group.provisions.push(toView(p, lng, counts.get(p.id)));
    }
    return { code: i.code, name: localized(i.name, i.nameEs, i.nameFr, lng), kind: i.kind, source: i.source, pillars };
  });
}

export interface ProvisionDetail extends ProvisionView {
  instrument: { code: string; name: LocalizedText; kind: string; source: (SourceRef & { key: string }) | null };
  termsEn: string[];
  termsEs: string[];
  updatedAt: string;
}

export async function getProvisionByCode(code: string, lng: Language): Promise<ProvisionDetail | null> {
  const p = await prisma.provision.findUnique({
    where: { code },
    select: {
      ...provisionSelect,
      termsEn: true,
      termsEs: true,
      updatedAt: true,
      instrument: { select: { code: true, name: true, nameEs: true, nameFr: true, kind: true, source: sourceSelect } },
    },
  });
  if (!p) return null;
  return {
    ...toView(p, lng),
    instrument: {
      code: p.instrument.code,
      name: localized(p.instrument.name, p.instrument.nameEs, p.instrument.nameFr, lng),
      kind: p.instrument.kind,
      source: p.instrument.source,
    },
    termsEn: parseTermList(p.termsEn),
    termsEs: parseTermList(p.termsEs),
    updatedAt: p.updatedAt.toISOString(),
  };
}

// ---------- The API's provisions ----------

/** What the API's provision list can be narrowed to: the instrument and pillar the provisions page groups by, the status, gaps. */
export interface ProvisionFilter {
  instruments?: string[];
  pillars?: string[];
  statuses?: string[];
  isGap?: boolean;
}

/** A provision as the API gives it: as its page shows it, with its instrument and the terms the text signal looks for. */
export interface ProvisionApiRecord {
  code: string;
  instrument: { code: string; name: LocalizedText; kind: string };
  pillar: string;
  title: LocalizedText;
  summary: LocalizedText;
  status: string;
  statusNote: string | null;
  isGap: boolean;
  madeOn: string | null;
  source: (SourceRef & { key: string }) | null;
  terms: { en: string[]; es: string[] };
}

const provisionApiSelect = {
  ...provisionSelect,
  termsEn: true,
  termsEs: true,
  instrument: { select: { code: true, name: true, nameEs: true, nameFr: true, kind: true } },
} satisfies Prisma.ProvisionSelect;

function toApiRecord(p: Prisma.ProvisionGetPayload<{ select: typeof provisionApiSelect }>, lng: Language): ProvisionApiRecord {
  const view = toView(p, lng);
  return {
    code: view.code,
    instrument: { code: p.instrument.code, name: localized(p.instrument.name, p.instrument.nameEs, p.instrument.nameFr, lng), kind: p.instrument.kind },
    pillar: view.pillar,
    title: view.title,
    summary: view.summary,
    status: view.status,
    statusNote: view.statusNote,
    isGap: view.isGap,
    madeOn: view.madeOn,
    source: view.source,
    terms: { en: parseTermList(p.termsEn), es: parseTermList(p.termsEs) },
  };
}

/**
 * One page of provisions in id order (the API's cursor, decision 067): ids never
 * change, so a walk gives every provision that existed at its start exactly once.
 */
export async function listProvisionsPage(input: {
  filter: ProvisionFilter;
  after: string | null;
  size: number;
  lng: Language;
}): Promise<{ rows: ProvisionApiRecord[]; next: string | null }> {
  const { instruments, pillars, statuses, isGap } = input.filter;
  const and: Prisma.ProvisionWhereInput[] = [];
  if (instruments?.length) and.push({ instrument: { code: { in: instruments } } });
  if (pillars?.length) and.push({ pillar: { in: pillars } });
  if (statuses?.length) and.push({ status: { in: statuses } });
  if (isGap !== undefined) and.push({ isGap });
  if (input.after) and.push({ id: { gt: input.after } });
  const found = await prisma.provision.findMany({ where: { AND: and }, orderBy: { id: "asc" }, take: input.size + 1, select: provisionApiSelect });
  const rows = found.slice(0, input.size);
  return { rows: rows.map((r) => toApiRecord(r, input.lng)), next: found.length > input.size ? rows[rows.length - 1].id : null };
}

/** One provision by its code, as the API gives it; null when there is none. */
export async function getProvisionForApi(code: string, lng: Language): Promise<ProvisionApiRecord | null> {
  const p = await prisma.provision.findUnique({ where: { code }, select: provisionApiSelect });
  return p ? toApiRecord(p, lng) : null;
}

/** Of these instrument codes, those no instrument has (for a 400 naming them). */
export async function unknownInstrumentCodes(codes: string[]): Promise<string[]> {
  if (!codes.length) return [];
  const found = await prisma.instrument.findMany({ where: { code: { in: codes } }, select: { code: true } });
  const known = new Set(found.map((i) => i.code));
  return codes.filter((c) => !known.has(c));
}

/** Of these provision codes, those no provision has (for a 400 naming them). */
export async function unknownProvisionCodes(codes: string[]): Promise<string[]> {
  if (!codes.length) return [];
  const found = await prisma.provision.findMany({ where: { code: { in: codes } }, select: { code: true } });
  const known = new Set(found.map((p) => p.code));
  return codes.filter((c) => !known.has(c));
}

export interface ProvisionOption {
  id: string;
  code: string;
  title: string;
  instrument: string;
  isGap: boolean;
}

/** Every provision, in the order of the provisions page, for selects and the matrix rows. */
export async function listProvisionOptions(lng: Language): Promise<ProvisionOption[]> {
  const rows = await prisma.provision.findMany({
    select: {
      id: true,
      code: true,
      title: true,
      titleEs: true,
      titleFr: true,
      isGap: true,
      instrument: { select: { name: true, nameEs: true, nameFr: true } },
    },
    orderBy: [{ instrument: { position: "asc" } }, { position: "asc" }, { code: "asc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    title: localized(r.title, r.titleEs, r.titleFr, lng).text,
    instrument: localized(r.instrument.name, r.instrument.nameEs, r.instrument.nameFr, lng).text,
    isGap: r.isGap,
  }));
}

/** Codes of the provisions with these ids (for naming records in the audit log). */
export async function findProvisionCodes(ids: string[]): Promise<Map<string, string>> {
  const rows = ids.length ? await prisma.provision.findMany({ where: { id: { in: ids } }, select: { id: true, code: true } }) : [];
  return new Map(rows.map((r) => [r.id, r.code]));
}

export type ProvisionFormValues = FlatValues<typeof provisionSchema>;

const related = { instrument: { select: { code: true } }, source: { select: { key: true } } } as const;

async function findProvision(code: string) {
  return prisma.provision.findUnique({ where: { code }, include: related });
}

function formValues(p: NonNullable<Awaited<ReturnType<typeof findProvision>>>): ProvisionFormValues {
  return {
    code: p.code,
    instrumentCode: p.instrument.code,
    pillar: p.pillar,
    title: p.title,
    titleEs: p.titleEs ?? "",
    titleFr: p.titleFr ?? "",
    summary: p.summary,
    summaryEs: p.summaryEs ?? "",
    summaryFr: p.summaryFr ?? "",
    status: p.status,
    statusNote: p.statusNote ?? "",
    isGap: p.isGap,
    madeOn: p.madeOn ? p.madeOn.toISOString().slice(0, 10) : "",
    termsEn: parseTermList(p.termsEn).join("\n"),
    termsEs: parseTermList(p.termsEs).join("\n"),
    position: String(p.position),
    ...storedSourceChoice(p.source?.key),
  };
}

/** The stored provision as its edit form shows it (all three languages, terms one per line). */
export async function getProvisionForm(code: string): Promise<EditForm<ProvisionFormValues> | null> {
  const p = await findProvision(code);
  return p ? { values: formValues(p), version: p.version } : null;
}

/** The fields stored as typed: the same in the database and in the audit log. */
function typedFields(input: ProvisionInput) {
  return {
    pillar: input.pillar,
    title: input.title,
    titleEs: input.titleEs,
    titleFr: input.titleFr,
    summary: input.summary,
    summaryEs: input.summaryEs,
    summaryFr: input.summaryFr,
    status: input.status,
    statusNote: input.statusNote,
    isGap: input.isGap,
  };
}

function provisionData(input: ProvisionInput, instrumentId: string, sourceId: string | null) {
  return {
    instrumentId,
    ...typedFields(input),
    madeOn: input.madeOn ? new Date(`${input.madeOn}T00:00:00Z`) : null,
    termsEn: JSON.stringify(input.termsEn),
    termsEs: JSON.stringify(input.termsEs),
    position: input.position,
    sourceId,
  };
}

/** What an audit event records of a provision: every field (none is sensitive). */
function auditSnapshot(input: ProvisionInput, code: string, sourceKey: string | null) {
  return {
    code,
    instrumentCode: input.instrumentCode,
    ...typedFields(input),
    madeOn: input.madeOn,
    termsEn: input.termsEn,
    termsEs: input.termsEs,
    position: input.position,
    sourceKey,
  };
}

export async function createProvision(input: ProvisionInput, actorId: string): Promise<SaveResult<{ code: string }>> {
  return prisma.$transaction(async (tx) => {
    const instrument = await tx.instrument.findUnique({ where: { code: input.instrumentCode }, select: { id: true } });
    const taken = await tx.provision.findUnique({ where: { code: input.code }, select: { id: true } });
    const errors: FieldErrors = {};
    if (!instrument) errors.instrumentCode = { key: "unknownInstrument" };
    if (taken) errors.code = { key: "codeTaken" };
    if (!instrument || taken) return { ok: false, errors };
    const source = await resolveSourceChoice(tx, input);
    if (source === "unknown") return refuse("sourceKey", "unknownSource");
    const created = await tx.provision.create({ data: { code: input.code, ...provisionData(input, instrument.id, source.id) } });
    await writeAudit(tx, {
      actorId,
      action: "create",
      entityType: "provision",
      entityId: created.id,
      after: auditSnapshot(input, input.code, source.key),
      summary: `Added provision ${input.code}`,
    });
    return { ok: true, code: input.code };
  });
}

/**
 * Saves an edit only if the provision is still at `version` (the one its form
 * was read at); otherwise nothing is written and the newer version comes back,
 * so that the form can show both and keep what was typed.
 */
export async function updateProvision(
  code: string,
  version: number,
  input: ProvisionInput,
  actorId: string,
): Promise<SaveResult<{ code: string }, StoredVersion<ProvisionFormValues>>> {
  return refuseStale(
    () =>
      prisma.$transaction(async (tx) => {
        const current = await tx.provision.findUnique({ where: { code }, include: related });
        if (!current) return { ok: false, missing: true } as const;
        if (current.version !== version) throw new StaleVersion();
        const instrument = await tx.instrument.findUnique({ where: { code: input.instrumentCode }, select: { id: true } });
        if (!instrument) return refuse("instrumentCode", "unknownInstrument");
        const source = await resolveSourceChoice(tx, input);
        if (source === "unknown") return refuse("sourceKey", "unknownSource");
        const before = {
          code,
          instrumentCode: current.instrument.code,
          pillar: current.pillar,
          title: current.title,
          titleEs: current.titleEs,
          titleFr: current.titleFr,
          summary: current.summary,
          summaryEs: current.summaryEs,
          summaryFr: current.summaryFr,
          status: current.status,
          statusNote: current.statusNote,
          isGap: current.isGap,
          madeOn: current.madeOn ? current.madeOn.toISOString().slice(0, 10) : null,
          termsEn: parseTermList(current.termsEn),
          termsEs: parseTermList(current.termsEs),
          position: current.position,
          sourceKey: current.source?.key ?? null,
        };
        const after = auditSnapshot(input, code, source.key);
        const { count } = await tx.provision.updateMany({
          where: { id: current.id, version },
          data: { ...provisionData(input, instrument.id, source.id), version: { increment: 1 } },
        });
        if (count !== 1) throw new StaleVersion();
        await writeAudit(tx, { actorId, action: "update", entityType: "provision", entityId: current.id, before, after, summary: `Edited provision ${code}` });
        return { ok: true, code } as const;
      }),
    async () => {
      const p = await findProvision(code);
      return p && storedVersion("provision", p.id, { values: formValues(p), version: p.version, updatedAt: p.updatedAt });
    },
  );
}
