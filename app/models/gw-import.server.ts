// Imports of the Global Witness dataset: one engine for the seed, the command
// line and the admin page. A file is read and checked (app/domain/gw-dataset.ts),
// compared with the case records by Global Witness id (preview: nothing is
// written), then applied in ONE transaction, so that an import commits whole or
// not at all. A record staff changed since its last import is never overwritten
// without an admin's decision: it is a conflict (docs/decisions/061).
import { createHash } from "node:crypto";
import { insertMany, newId } from "~/lib/bulk-insert.server.ts";
import { databaseKindOf, databaseTarget, prisma, refreshPlannerStatistics, type Db, type Prisma } from "~/lib/db.server.ts";
import { DownloadError, downloadFile, type DownloadFailure, type DownloadOptions } from "~/lib/download.server.ts";
import { analyzeDatabase } from "~/lib/migrate.server.ts";
import {
  canonicalGwValues,
  diffGwValues,
  parseGwCsv,
  type GwField,
  type GwFileProblem,
  type GwIncidentValues,
  type GwInvalidRow,
  type GwRecord,
  type GwUnmapped,
} from "~/domain/gw-dataset.ts";
import type { Characteristic, Gender, PerpetratorType, Sector } from "~/domain/taxonomy.ts";
import { writeAudit, writeAudits, type AuditActorRef, type AuditInput } from "./audit.server.ts";
import { incidentAuditValues } from "./incident.schema.ts";
import { nameForAuditLog } from "~/domain/victim-name.ts";
import { withTallySummedAtEnd } from "./incident-tally.server.ts";
import { caseFacts, loadProvisionTerms, suggestLinksForIncident, suggestLinksForNewIncidents } from "./link.server.ts";

export const GW_VERIFICATION_NOTE = "Published by Global Witness in its dataset of lethal attacks.";
/** Records read and written per batch inside the import's transaction (each table of a batch in one INSERT: 500 rows × their columns stay under the 32,766 bound values). */
export const IMPORT_CHUNK = 500;
/** Changed rows, conflicts and invalid rows kept in a stored preview (the counts are always complete). */
export const PREVIEW_LIMIT = 200;
/** A running import that has not advanced for this long is shown as stalled; its transaction was rolled back with its server. */
export const IMPORT_STALL_MS = 5 * 60_000;
const TX_TIMEOUT_MS = 30 * 60_000;

export interface GwSourceLine {
  title: string;
  url: string | null;
}

export interface GwFieldChange {
  field: GwField;
  before: unknown;
  after: unknown;
}

export interface GwRowChange {
  line: number;
  externalId: string;
  incidentId: string;
  fields: GwFieldChange[];
}

export interface GwConflict extends GwRowChange {
  /** edited: staff changed the record since its last import; deleted: staff deleted it */
  reason: "edited" | "deleted";
  version: number;
}

export interface GwImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  invalid: number;
  conflicts: number;
}

export interface GwImportPlan {
  rows: number;
  counts: GwImportCounts;
  invalid: GwInvalidRow[];
  changed: GwRowChange[];
  conflicts: GwConflict[];
}

export type Resolution = "take" | "keep";

// ---------- Comparing a file with the records ----------

const EXISTING_SELECT = {
  id: true,
  externalId: true,
  version: true,
  deletedAt: true,
  importedValues: true,
  importedVersion: true,
  occurredOn: true,
  datePrecision: true,
  victimName: true,
  victimNamePublic: true,
  gender: true,
  age: true,
  sector: true,
  perpetratorType: true,
  outcome: true,
  victimCount: true,
  countryCode: true,
  stateCode: true,
  regionRaw: true,
  unmappedText: true,
  municipality: true,
  companyName: true,
  companyCountry: true,
  description: true,
  characteristics: { select: { code: true } },
  sources: { select: { title: true, url: true }, orderBy: [{ position: "asc" }, { id: "asc" }] },
} satisfies Prisma.IncidentSelect;
type Existing = Prisma.IncidentGetPayload<{ select: typeof EXISTING_SELECT }>;

function parseUnmapped(json: string | null): GwUnmapped | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as GwUnmapped;
  } catch {
    return null;
  }
}

/** A record's values in the dataset's terms, to compare with a row. */
function currentValues(r: Existing): Pick<GwIncidentValues, GwField> {
  return {
    occurredOn: r.occurredOn.toISOString().slice(0, 10),
    victimName: r.victimName,
    gender: r.gender as Gender,
    age: r.age,
    characteristics: r.characteristics.map((c) => c.code as Characteristic).sort(),
    sector: r.sector as Sector,
    perpetratorType: r.perpetratorType as PerpetratorType,
    outcome: r.outcome as "killed",
    victimCount: r.victimCount,
    countryCode: r.countryCode,
    stateCode: r.stateCode,
    regionRaw: r.regionRaw,
    unmapped: parseUnmapped(r.unmappedText),
  };
}

type Step =
  | { kind: "create"; record: GwRecord }
  | { kind: "unchanged"; record: GwRecord }
  | { kind: "update"; record: GwRecord; existing: Existing; fields: GwFieldChange[] }
  | { kind: "conflict"; record: GwRecord; existing: Existing; fields: GwFieldChange[]; reason: "edited" | "deleted" };

/**
 * What an import does with one row. A record is "edited" when its version moved
 * past the version its last import left (or past 1, for records imported before
 * that was kept) or when it was deleted. Then the row is unchanged if the dataset
 * still says what it said at the last import (the edits stand), else a conflict.
 */
function decide(record: GwRecord, existing: Existing | undefined): Step {
  if (!existing) return { kind: "create", record };
  const fields = diffGwValues(currentValues(existing), record.values);
  if (!fields.length) return { kind: "unchanged", record };
  const deleted = existing.deletedAt !== null;
  const edited = deleted || existing.version !== (existing.importedVersion ?? 1);
  if (!edited) return { kind: "update", record, existing, fields };
  if (existing.importedValues === canonicalGwValues(record.values)) return { kind: "unchanged", record };
  return { kind: "conflict", record, existing, fields, reason: deleted ? "deleted" : "edited" };
}

async function loadExisting(db: Pick<Db, "incident">, externalIds: string[]): Promise<Map<string, Existing>> {
  const rows = await db.incident.findMany({ where: { externalId: { in: externalIds } }, select: EXISTING_SELECT });
  return new Map(rows.map((r) => [r.externalId!, r]));
}

function emptyCounts(invalid: number): GwImportCounts {
  return { created: 0, updated: 0, unchanged: 0, invalid, conflicts: 0 };
}

const change = (s: Extract<Step, { existing: Existing }>): GwRowChange => ({
  line: s.record.line,
  externalId: s.record.values.externalId,
  incidentId: s.existing.id,
  fields: s.fields,
});

/** The preview: what importing these rows would do now. Reads only. */
export async function planGwImport(db: Pick<Db, "incident">, records: GwRecord[], invalid: GwInvalidRow[]): Promise<GwImportPlan> {
  const plan: GwImportPlan = { rows: records.length + invalid.length, counts: emptyCounts(invalid.length), invalid, changed: [], conflicts: [] };
  for (let i = 0; i < records.length; i += IMPORT_CHUNK) {
    const chunk = records.slice(i, i + IMPORT_CHUNK);
    const existing = await loadExisting(
      db,
      chunk.map((r) => r.values.externalId),
    );
    for (const record of chunk) {
      const step = decide(record, existing.get(record.values.externalId));
      if (step.kind === "create") plan.counts.created++;
      else if (step.kind === "unchanged") plan.counts.unchanged++;
      else if (step.kind === "update") {
        plan.counts.updated++;
        plan.changed.push(change(step));
      } else {
        plan.counts.conflicts++;
        plan.conflicts.push({ ...change(step), reason: step.reason, version: step.existing.version });
      }
    }
  }
  return plan;
}

// ---------- Applying ----------

export interface GwApplyOptions {
  /** Null for work no person started (the seed, the command line) */
  actorId: string | null;
  /** The source line new (and updated) records get: the file and when it was imported */
  source: GwSourceLine;
  jobId?: string | null;
  /** "keep" leaves every existing record alone (the seed adds what is missing, never overwrites) */
  existing?: "update" | "keep";
  /** Audit events per record and for the run (off only for the seed, whose records predate any person) */
  audit?: boolean;
  /** Link suggestions for new and changed records, as a staff save makes them (off for the seed: the first start runs them) */
  suggestLinks?: boolean;
  /** Conflicts an admin decided: take the dataset's values, or keep the record as edited */
  resolutions?: Record<string, Resolution>;
  onProgress?: (processed: number, total: number) => void;
}

export interface GwApplyResult {
  counts: GwImportCounts;
  /** Conflicts left for a person to resolve */
  conflicts: GwConflict[];
  linksSuggested: number;
}

function incidentColumns(v: GwIncidentValues) {
  return {
    occurredOn: new Date(`${v.occurredOn}T00:00:00Z`),
    datePrecision: v.datePrecision,
    year: v.year,
    victimName: v.victimName,
    gender: v.gender,
    age: v.age,
    sector: v.sector,
    perpetratorType: v.perpetratorType,
    outcome: v.outcome,
    victimCount: v.victimCount,
    countryCode: v.countryCode,
    stateCode: v.stateCode,
    regionRaw: v.regionRaw,
    unmappedText: v.unmapped ? JSON.stringify(v.unmapped) : null,
    importedValues: canonicalGwValues(v),
  };
}

/** A record's fields for its audit event, through the same function as a staff save. */
function auditValues(v: GwIncidentValues, source: GwSourceLine, victimNamePublic = true) {
  return {
    ...incidentAuditValues({
      ...incidentColumns(v),
      victimNamePublic,
      characteristics: v.characteristics,
      municipality: null,
      companyName: null,
      companyCountry: null,
      description: null,
      sources: [source],
    }),
    externalId: v.externalId,
    countryCode: v.countryCode,
    regionRaw: v.regionRaw,
    ...(v.unmapped ? { unmapped: v.unmapped } : {}),
  };
}

/** A field change as the audit log may show it: a withheld name is never written there. */
function auditChange(fields: GwFieldChange[], victimNamePublic: boolean) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  // The one rule on a victim's name (app/domain/victim-name.ts): a name not for publication is never logged.
  const shown = (field: string, value: unknown) =>
    field === "victimName" ? nameForAuditLog({ victimName: (value as string | null) ?? null, victimNamePublic }) : value;
  for (const f of fields) {
    before[f.field] = shown(f.field, f.before);
    after[f.field] = shown(f.field, f.after);
  }
  return { before, after };
}

/** Who an import's events name: the admin who ran it, or Vigía's importer when it ran from the command line. */
function actor(actorId: string | null): AuditActorRef {
  return actorId ? { actorId } : { actorId: null, system: { part: "import", version: "cli" } };
}

/**
 * Writes an import in one transaction: new records (with their characteristics,
 * source line, audit events and link suggestions) in one INSERT per table and chunk (insertMany), changed records one
 * by one under optimistic concurrency, the run's own audit event last. Any
 * error rolls everything back.
 */
export async function applyGwImport(db: Db, records: GwRecord[], invalid: number, options: GwApplyOptions): Promise<GwApplyResult> {
  const audit = options.audit ?? true;
  const suggest = options.suggestLinks ?? true;
  const keepExisting = options.existing === "keep";
  const summary = `Global Witness import${options.jobId ? ` ${options.jobId}` : ""}`;
  const kind = databaseKindOf(db);
  return db.$transaction(
    // The import's tally changes summed once, at its end (decision 132).
    (tx) =>
      withTallySummedAtEnd(tx, kind, async () => {
        const result: GwApplyResult = { counts: emptyCounts(invalid), conflicts: [], linksSuggested: 0 };
        const provisions = suggest ? await loadProvisionTerms(tx) : [];
        for (let i = 0; i < records.length; i += IMPORT_CHUNK) {
          const chunk = records.slice(i, i + IMPORT_CHUNK);
          const existing = await loadExisting(
            tx,
            chunk.map((r) => r.values.externalId),
          );
          const creates: GwRecord[] = [];
          const events: AuditInput[] = [];
          for (const record of chunk) {
            const step = decide(record, existing.get(record.values.externalId));
            if (step.kind === "create") creates.push(record);
            else if (step.kind === "unchanged" || keepExisting) result.counts.unchanged++;
            else {
              const resolution = step.kind === "conflict" ? options.resolutions?.[record.values.externalId] : "take";
              if (!resolution && step.kind === "conflict") {
                result.counts.conflicts++;
                result.conflicts.push({ ...change(step), reason: step.reason, version: step.existing.version });
              } else if (resolution === "keep") {
                await keepEdited(tx, step.existing, record, options.actorId, audit, summary);
                result.counts.unchanged++;
              } else if (await updateFromDataset(tx, step, options, audit, summary)) {
                result.counts.updated++;
                if (suggest) await suggestLinksForIncident(tx, step.existing.id, { provisions });
              } else {
                // Changed by someone else between reading and writing: left for a person.
                result.counts.conflicts++;
                result.conflicts.push({ ...change(step), reason: "edited", version: step.existing.version });
              }
            }
          }
          if (creates.length) {
            const now = new Date();
            const withIds = creates.map((r) => ({ id: newId(), values: r.values }));
            await insertMany(
              tx,
              kind,
              "Incident",
              withIds.map(({ id, values }) => ({
                id,
                ...incidentColumns(values),
                externalId: values.externalId,
                origin: "gw_dataset",
                victimNamePublic: true,
                verificationStatus: "verified",
                verificationNote: GW_VERIFICATION_NOTE,
                version: 1,
                importedVersion: 1,
                createdById: options.actorId,
                updatedById: options.actorId,
                createdAt: now,
                updatedAt: now,
              })),
            );
            await insertMany(
              tx,
              kind,
              "IncidentCharacteristic",
              withIds.flatMap((r) => r.values.characteristics.map((code) => ({ incidentId: r.id, code }))),
            );
            await insertMany(
              tx,
              kind,
              "IncidentSource",
              withIds.map((r) => ({ id: newId(), incidentId: r.id, url: options.source.url, title: options.source.title, position: 0 })),
            );
            if (audit) {
              for (const r of withIds) {
                events.push({
                  ...actor(options.actorId),
                  action: "create",
                  entityType: "incident",
                  entityId: r.id,
                  after: { ...auditValues(r.values, options.source), origin: "gw_dataset", verificationStatus: "verified", version: 1 },
                  summary,
                });
              }
            }
            if (suggest) {
              result.linksSuggested += await suggestLinksForNewIncidents(
                tx,
                kind,
                withIds.map((r) => ({
                  id: r.id,
                  occurredOn: r.values.occurredOn,
                  facts: caseFacts({
                    ...r.values,
                    companyCountry: null,
                    description: null,
                    sources: [options.source],
                  }),
                })),
                provisions,
              );
            }
            result.counts.created += withIds.length;
          }
          await writeAudits(tx, kind, events);
          options.onProgress?.(Math.min(i + IMPORT_CHUNK, records.length), records.length);
        }
        if (audit) {
          await writeAudit(tx, {
            ...actor(options.actorId),
            action: "gw_import",
            entityType: "gw_import",
            entityId: options.jobId ?? "command-line",
            after: { ...result.counts, source: options.source.title },
            summary: `Imported the Global Witness dataset: created ${result.counts.created}, updated ${result.counts.updated}, unchanged ${result.counts.unchanged}, invalid ${result.counts.invalid}, conflicts ${result.counts.conflicts}`,
          });
        }
        // The job is done in the same commit as its records: a chart computed once they are
        // visible dates them by this import, and is kept until the next write (decision 077).
        if (options.jobId) {
          await tx.gwImportJob.updateMany({
            where: { id: options.jobId },
            data: { status: "done", finishedAt: new Date(), processed: records.length, csv: null, ...result.counts },
          });
        }
        return result;
      }),
    { timeout: TX_TIMEOUT_MS, maxWait: 60_000 },
  );
}

/** Takes the dataset's values for a record (only if nobody changed it since it was read). */
async function updateFromDataset(
  tx: Prisma.TransactionClient,
  step: Extract<Step, { existing: Existing }>,
  options: GwApplyOptions,
  audit: boolean,
  summary: string,
): Promise<boolean> {
  const { existing, record } = step;
  const v = record.values;
  const { count } = await tx.incident.updateMany({
    where: { id: existing.id, version: existing.version },
    data: { ...incidentColumns(v), importedVersion: existing.version + 1, version: { increment: 1 }, updatedById: options.actorId },
  });
  if (!count) return false;
  if (step.fields.some((f) => f.field === "characteristics")) {
    await tx.incidentCharacteristic.deleteMany({ where: { incidentId: existing.id } });
    if (v.characteristics.length) await tx.incidentCharacteristic.createMany({ data: v.characteristics.map((code) => ({ incidentId: existing.id, code })) });
  }
  // The file the new values come from is named among the record's sources.
  if (!existing.sources.some((s) => s.title === options.source.title)) {
    await tx.incidentSource.create({
      data: { incidentId: existing.id, title: options.source.title, url: options.source.url, position: existing.sources.length },
    });
  }
  if (audit) {
    const diff = auditChange(step.fields, existing.victimNamePublic);
    await writeAudit(tx, {
      ...actor(options.actorId),
      action: "update",
      entityType: "incident",
      entityId: existing.id,
      before: { ...diff.before, version: existing.version },
      after: {
        ...diff.after,
        version: existing.version + 1,
        ...(step.kind === "conflict" ? { replacedEditsMadeInVigia: true } : {}),
      },
      summary,
    });
  }
  return true;
}

/**
 * An admin kept a record as staff edited it: the dataset's current values are
 * remembered, so this difference is not reported again. The record stays
 * "edited": a later change in the dataset is a conflict again, never an overwrite.
 */
async function keepEdited(tx: Prisma.TransactionClient, existing: Existing, record: GwRecord, actorId: string | null, audit: boolean, summary: string) {
  await tx.incident.updateMany({ where: { id: existing.id, version: existing.version }, data: { importedValues: canonicalGwValues(record.values) } });
  if (audit) {
    await writeAudit(tx, {
      ...actor(actorId),
      action: "gw_import_keep",
      entityType: "incident",
      entityId: existing.id,
      after: { keptFields: diffGwValues(currentValues(existing), record.values).map((f) => f.field), version: existing.version },
      summary,
    });
  }
}

/** The source line of records from one file: which file, and when it was imported. */
export function importSourceLine(sourceName: string, url: string | null, on = new Date()): GwSourceLine {
  return { title: `Global Witness lethal-attacks dataset, imported ${on.toISOString().slice(0, 10)} from ${sourceName}`, url };
}

// ---------- Import jobs: preview, confirm, run, progress ----------

export type GwImportStatus = "previewed" | "queued" | "running" | "done" | "failed" | "discarded";

export interface GwImportPreview {
  rows: number;
  counts: GwImportCounts;
  invalid: GwInvalidRow[];
  changed: GwRowChange[];
  conflicts: GwConflict[];
}

export interface GwImportJobView {
  id: string;
  status: GwImportStatus;
  stalled: boolean;
  origin: string;
  sourceName: string;
  fileSha256: string;
  preview: GwImportPreview;
  total: number;
  processed: number;
  result: GwImportCounts | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

type JobRow = Omit<NonNullable<Awaited<ReturnType<typeof prisma.gwImportJob.findUnique>>>, "csv">;
/** A job's row without its stored file (up to the upload limit): what every page and progress poll needs. */
const WITHOUT_FILE = { csv: true } as const;

/** Progress of the imports running in this process, read by their progress page between database writes. */
const progress = new Map<string, number>();
const running = new Set<string>();

function toView(job: JobRow, now = Date.now()): GwImportJobView {
  const active = job.status === "queued" || job.status === "running";
  return {
    id: job.id,
    status: job.status as GwImportStatus,
    stalled: active && !progress.has(job.id) && now - job.updatedAt.getTime() > IMPORT_STALL_MS,
    origin: job.origin,
    sourceName: job.sourceName,
    fileSha256: job.fileSha256,
    preview: JSON.parse(job.preview) as GwImportPreview,
    total: job.total,
    processed: Math.max(job.processed, progress.get(job.id) ?? 0),
    result:
      job.status === "done" ? { created: job.created, updated: job.updated, unchanged: job.unchanged, invalid: job.invalid, conflicts: job.conflicts } : null,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

export async function getGwImportJob(id: string): Promise<GwImportJobView | null> {
  const job = await prisma.gwImportJob.findUnique({ where: { id }, omit: WITHOUT_FILE });
  return job ? toView(job) : null;
}

/** The day (YYYY-MM-DD) of the last import that created or changed case records; null when none did. */
export async function getLastGwImportDate(): Promise<string | null> {
  const job = await prisma.gwImportJob.findFirst({
    where: { status: "done", OR: [{ created: { gt: 0 } }, { updated: { gt: 0 } }] },
    orderBy: { finishedAt: "desc" },
    select: { finishedAt: true },
  });
  return job?.finishedAt?.toISOString().slice(0, 10) ?? null;
}

export async function listGwImportJobs(take = 10): Promise<GwImportJobView[]> {
  const rows = await prisma.gwImportJob.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take, omit: WITHOUT_FILE });
  return rows.map((r) => toView(r));
}

/** Why nothing was previewed: the file (not the dataset, cut off), or its download. */
export interface GwFileRefusal {
  problem: GwFileProblem | DownloadFailure | "notConfigured" | "noFile";
  line: number | null;
  detail: string | null;
  attempts?: number;
  status?: number;
  received?: number;
  expected?: number;
}

const capped = <T>(list: T[]) => list.slice(0, PREVIEW_LIMIT);

/**
 * Reads a file and stores its preview (and the file, until it is imported or
 * discarded). Writes no case record. A file that is not the dataset, or is cut
 * off, is refused and nothing is stored.
 */
export async function previewGwImport(input: {
  csv: string | Uint8Array;
  origin: "upload" | "url" | "cli";
  sourceName: string;
  actorId: string | null;
}): Promise<{ ok: true; job: GwImportJobView; plan: GwImportPlan } | { ok: false; refusal: GwFileRefusal }> {
  const text = typeof input.csv === "string" ? input.csv : new TextDecoder("utf-8").decode(input.csv);
  const parsed = parseGwCsv(input.csv);
  if (!parsed.ok) return { ok: false, refusal: { problem: parsed.problem, line: parsed.line, detail: parsed.detail } };
  const plan = await planGwImport(prisma, parsed.records, parsed.invalid);
  const preview: GwImportPreview = {
    rows: plan.rows,
    counts: plan.counts,
    invalid: capped(plan.invalid),
    changed: capped(plan.changed),
    conflicts: capped(plan.conflicts),
  };
  const job = await prisma.gwImportJob.create({
    data: {
      origin: input.origin,
      sourceName: input.sourceName.slice(0, 500),
      fileSha256: createHash("sha256").update(input.csv).digest("hex"),
      csv: text,
      preview: JSON.stringify(preview),
      total: parsed.records.length,
      startedById: input.actorId,
    },
    omit: WITHOUT_FILE,
  });
  return { ok: true, job: toView(job), plan };
}

/**
 * Downloads the dataset from its configured address and previews it. A failed,
 * incomplete or malformed download is refused whole: nothing is stored.
 */
export async function fetchGwImportPreview(input: {
  url: string | null;
  actorId: string | null;
  download?: DownloadOptions;
}): Promise<{ ok: true; job: GwImportJobView; plan: GwImportPlan } | { ok: false; refusal: GwFileRefusal }> {
  if (!input.url) return { ok: false, refusal: { problem: "notConfigured", line: null, detail: null } };
  try {
    const { body } = await downloadFile(input.url, input.download);
    return await previewGwImport({ csv: body, origin: "url", sourceName: input.url, actorId: input.actorId });
  } catch (error) {
    if (!(error instanceof DownloadError)) throw error;
    return { ok: false, refusal: { problem: error.reason, line: null, detail: error.details.detail ?? null, attempts: error.attempts, ...error.details } };
  }
}

/** An admin's go-ahead: the previewed (or failed, which changed nothing) import is queued with the conflict decisions. */
export async function confirmGwImport(
  id: string,
  resolutions: Record<string, Resolution>,
  actorId: string | null,
  options: { stalled?: boolean } = {},
): Promise<GwImportJobView | null> {
  if (running.has(id)) return null;
  // A stalled import's server stopped mid-way, so its transaction was rolled back: it may run again.
  const statuses = options.stalled ? ["previewed", "failed", "queued", "running"] : ["previewed", "failed"];
  const { count } = await prisma.gwImportJob.updateMany({
    where: { id, status: { in: statuses }, csv: { not: null } },
    data: { status: "queued", resolutions: JSON.stringify(resolutions), startedById: actorId, error: null },
  });
  if (!count) return null;
  return getGwImportJob(id);
}

export async function discardGwImport(id: string): Promise<boolean> {
  const { count } = await prisma.gwImportJob.updateMany({ where: { id, status: { in: ["previewed", "failed"] } }, data: { status: "discarded", csv: null } });
  return count > 0;
}

/**
 * Runs a confirmed import to the end. Its progress is written outside the
 * import's transaction (best effort) and kept in this process for its page.
 */
export async function runGwImportJob(id: string, onProgress?: (processed: number, total: number) => void): Promise<GwImportJobView | null> {
  if (running.has(id)) return getGwImportJob(id);
  running.add(id);
  try {
    const found = await prisma.gwImportJob.findUnique({ where: { id } });
    if (!found || !found.csv || !["queued", "running"].includes(found.status)) return found ? toView(found) : null;
    await prisma.gwImportJob.updateMany({ where: { id }, data: { status: "running", processed: 0, error: null } });
    progress.set(id, 0);
    const parsed = parseGwCsv(found.csv);
    if (!parsed.ok) throw new Error(`The stored file can no longer be read (${parsed.problem})`);
    let lastWrite = 0;
    const kind = databaseKindOf(prisma);
    // Marks the job done in its own transaction.
    await applyGwImport(prisma, parsed.records, parsed.invalid.length, {
      actorId: found.startedById,
      source: importSourceLine(found.sourceName, found.origin === "url" ? found.sourceName : null, found.createdAt),
      jobId: id,
      resolutions: found.resolutions ? (JSON.parse(found.resolutions) as Record<string, Resolution>) : {},
      onProgress: (processed, total) => {
        progress.set(id, processed);
        onProgress?.(processed, total);
        // On PostgreSQL other servers read the row; SQLite has one server, which reads the map, and
        // rewriting a row that holds the file (SQLite rewrites the whole row) would cost more than the import.
        if (kind === "postgresql" && (processed - lastWrite >= 5 * IMPORT_CHUNK || processed === total)) {
          lastWrite = processed;
          void prisma.gwImportJob.updateMany({ where: { id }, data: { processed } }).catch(() => {});
        }
      },
    });
    // Afterwards the planner's statistics, so that dashboards and searches keep their plans on the
    // new rows: gathered, then taken up by this process's own connection at once (decision 129).
    await analyzeDatabase(databaseTarget())
      .then(() => refreshPlannerStatistics(prisma, { force: true }))
      .catch((error) => console.error("ANALYZE after the import failed:", error));
    return getGwImportJob(id);
  } catch (error) {
    console.error(`Global Witness import ${id} failed:`, error);
    await prisma.gwImportJob
      .updateMany({ where: { id }, data: { status: "failed", error: error instanceof Error ? error.message.slice(0, 500) : String(error) } })
      .catch(() => {});
    return getGwImportJob(id);
  } finally {
    running.delete(id);
    progress.delete(id);
  }
}

/** Imports confirmed on this server, run one after another. */
let importQueue: Promise<unknown> = Promise.resolve();

/**
 * Runs a confirmed import after any other this server is running: two imports at
 * once wait on each other's transaction on SQLite until one times out and fails
 * (found by tests/routes/form-fuzz.test.ts), and on PostgreSQL they would only
 * contend for the same rows.
 */
export function startGwImportInBackground(id: string): void {
  importQueue = importQueue.then(() => runGwImportJob(id)).catch(() => {});
}
