// Seeds Vigía from the files in seeds/reference (copies of ../shared/reference,
// each naming its source; see seeds/README.md) and the files in seeds/data: the
// published figures and the commitments as Vigía seeds them, each with its source.
// Safe to re-run: it inserts what is missing and never overwrites or deletes a
// row, so corrections made in the app survive. Run: npm run db:seed
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse } from "csv-parse/sync";
import type { Db } from "../app/lib/db.server.ts";
import { hashPassword } from "../app/lib/password.server.ts";
import * as z from "zod";
import { FIGURE_STATUSES, type FigureStatus, type ProvisionStatus } from "../app/domain/taxonomy.ts";
import { parseGwCsv } from "../app/domain/gw-dataset.ts";
import { applyGwImport } from "../app/models/gw-import.server.ts";
import { writeAudit } from "../app/models/audit.server.ts";
import { DEMO_EMAILS, DEMO_USERS } from "../app/domain/demo-users.ts";

const here = dirname(fileURLToPath(import.meta.url));
const readJson = (file: string) => JSON.parse(readFileSync(join(here, file), "utf8"));

export interface SeedOptions {
  /** One demo user per role; only for development databases. */
  demoUsers?: boolean;
}

export interface SeedReport {
  sources: number;
  figures: number;
  incidents: number;
  instruments: number;
  provisions: number;
  milestones: number;
  /** Provisions whose text-matching terms were filled in (they had none yet). */
  termLists: number;
  users: number;
}

/**
 * A reference file's status text, "confirmed (press summary of plan text)", as
 * { status: "confirmed", note: "press summary of plan text" }; anything else is unconfirmed.
 */
export function splitStatus(raw: string): { status: FigureStatus; note: string | null } {
  const m = /^(confirmed|reported|unconfirmed)\b\s*(?:\((.*)\))?\s*(.*)$/.exec(raw.trim());
  if (!m) return { status: "unconfirmed", note: raw };
  const note = [m[2], m[3]]
    .filter((s) => s && s.trim())
    .join(" ")
    .trim();
  return { status: m[1] as FigureStatus, note: note || null };
}

export const GW_DATASET_SOURCE_KEY = "gw-dataset-2022";

const sourceSchema = z.strictObject({
  key: z.string().min(1),
  title: z.string().min(1),
  publisher: z.string().nullable(),
  publishedOn: z.string().nullable(),
  url: z.string().nullable(),
  kind: z.string().min(1),
  accessedOn: z.string().nullable(),
  note: z.string().nullable(),
});
type SourceInput = z.infer<typeof sourceSchema>;

const figureSchema = z.strictObject({
  key: z.string().min(1),
  scope: z.enum(["country", "worldwide"]),
  countryCode: z.string().nullable(),
  periodStart: z.number().int(),
  periodEnd: z.number().int(),
  metric: z.string().min(1),
  subsetCode: z.string().nullable(),
  subsetLabel: z.string().nullable(),
  parent: z.string().nullable(),
  value: z.number().nullable(),
  valueText: z.string().nullable(),
  atLeast: z.boolean(),
  status: z.enum(FIGURE_STATUSES),
  source: z.string().min(1),
  reportName: z.string().nullable(),
  revisedValue: z.number().nullable(),
  revisedSource: z.string().nullable(),
  note: z.string().nullable(),
  /** The file under seeds/reference the figure was taken from */
  from: z.string().regex(/^reference\/[a-z0-9-]+\.json$/),
});

const publishedFiguresSchema = z
  .strictObject({ about: z.string(), sources: z.array(sourceSchema), figures: z.array(figureSchema) })
  .superRefine((file, ctx) => {
    const sources = new Set(file.sources.map((s) => s.key));
    const figures = new Set(file.figures.map((f) => f.key));
    for (const f of file.figures) {
      for (const key of [f.source, f.revisedSource]) if (key && !sources.has(key)) ctx.addIssue({ code: "custom", message: `${f.key}: no source "${key}"` });
      if (f.parent && !figures.has(f.parent)) ctx.addIssue({ code: "custom", message: `${f.key}: no parent figure "${f.parent}"` });
    }
  });

/** Layer 1, published figures as printed, with their sources (seeds/data/published-figures.json). */
export function readPublishedFigures(): z.infer<typeof publishedFiguresSchema> {
  return publishedFiguresSchema.parse(readJson("data/published-figures.json"));
}

export interface CaseRow {
  id: string;
  date: string;
  name: string;
  gender: string;
  age: string;
  person_characteristics: string;
  industry_driver: string;
  perpetrator_type: string;
  local_region: string;
  number_of_victims: string;
}

export const GW_MEXICO_CSV = join(here, "reference/gw-mexico-cases-2012-2021.csv");

export function readCaseRows(): CaseRow[] {
  return parse(readFileSync(GW_MEXICO_CSV, "utf8"), {
    columns: true,
    skip_empty_lines: true,
  }) as CaseRow[];
}

interface Commitments {
  sources: SourceInput[];
  instruments: { code: string; name: { en: string; es: string; fr: string }; kind: string; sourceKey: string | null; position: number }[];
  provisions: {
    code: string;
    instrument: string;
    pillar: string;
    title: { en: string; es: string; fr: string };
    summary: { en: string; es: string; fr: string };
    status: ProvisionStatus;
    statusNote: string | null;
    isGap: boolean;
    madeOn: string | null;
    sourceKey: string | null;
    position: number;
    terms?: { en?: string[]; es?: string[] };
  }[];
  milestones: {
    key: string;
    date: string;
    label: { en: string; es: string; fr: string };
    instrument: string | null;
    sourceKey: string | null;
    note: string | null;
  }[];
}

export function readCommitments(): Commitments {
  return readJson("data/commitments.json");
}

/** A provision's text-matching terms as stored: one JSON array per language. */
export function termColumns(terms: { en?: string[]; es?: string[] }) {
  return { termsEn: JSON.stringify(terms.en ?? []), termsEs: JSON.stringify(terms.es ?? []) };
}

export { DEMO_USERS };

/** The demo accounts still active on a database (a production deployment refuses to start with any). */
export async function activeDemoUsers(db: Db): Promise<string[]> {
  const rows = await db.user.findMany({ where: { email: { in: [...DEMO_EMAILS] }, active: true }, select: { email: true }, orderBy: { email: "asc" } });
  return rows.map((r) => r.email);
}

/** Deactivates every active demo account (SEED_DEMO_USERS=0), each with its audit event; returns how many. */
export async function deactivateDemoUsers(db: Db): Promise<number> {
  const rows = await db.user.findMany({ where: { email: { in: [...DEMO_EMAILS] }, active: true }, select: { id: true, email: true } });
  for (const row of rows) {
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: row.id }, data: { active: false } });
      await writeAudit(tx, {
        actorId: null,
        system: { part: "setup", version: "demo-users" },
        action: "user_deactivate",
        entityType: "user",
        entityId: row.id,
        before: { active: true },
        after: { active: false },
        summary: `Demo account ${row.email} deactivated (SEED_DEMO_USERS=0)`,
      });
    });
  }
  return rows.length;
}

export async function seed(db: Db, options: SeedOptions = {}): Promise<SeedReport> {
  const report: SeedReport = { sources: 0, figures: 0, incidents: 0, instruments: 0, provisions: 0, milestones: 0, termLists: 0, users: 0 };
  const { sources, figures } = readPublishedFigures();
  const commitments = readCommitments();

  // Sources
  const existingSources = new Map((await db.source.findMany({ select: { id: true, key: true } })).map((s) => [s.key, s.id]));
  for (const s of [...sources, ...commitments.sources]) {
    if (existingSources.has(s.key)) continue;
    const created = await db.source.create({
      data: {
        key: s.key,
        title: s.title,
        publisher: s.publisher ?? null,
        publishedOn: s.publishedOn ?? null,
        url: s.url ?? null,
        kind: s.kind,
        accessedOn: s.accessedOn ?? null,
        note: s.note ?? null,
      },
    });
    existingSources.set(s.key, created.id);
    report.sources++;
  }
  const sourceId = (key: string | null | undefined) => {
    if (!key) return null;
    const id = existingSources.get(key);
    if (!id) throw new Error(`Seed refers to unknown source "${key}"`);
    return id;
  };

  // Published figures, parents before subsets
  const existingFigures = new Map((await db.publishedFigure.findMany({ select: { id: true, key: true } })).map((f) => [f.key, f.id]));
  const pending = figures.filter((f) => !existingFigures.has(f.key));
  while (pending.length) {
    const index = pending.findIndex((f) => !f.parent || existingFigures.has(f.parent));
    if (index === -1) throw new Error(`Published figures refer to missing parents: ${pending.map((f) => f.key).join(", ")}`);
    const [f] = pending.splice(index, 1);
    const { parent, source, revisedSource, from: _from, ...columns } = f;
    const created = await db.publishedFigure.create({
      data: {
        ...columns,
        parentId: parent ? existingFigures.get(parent)! : null,
        sourceId: sourceId(source)!,
        revisedSourceId: sourceId(revisedSource),
      },
    });
    existingFigures.set(f.key, created.id);
    report.figures++;
  }

  // Case records, through the import engine (one mapping for the seed and every
  // import), adding only the rows that are missing.
  const parsed = parseGwCsv(readFileSync(GW_MEXICO_CSV));
  if (!parsed.ok) throw new Error(`Seed file ${GW_MEXICO_CSV} cannot be read: ${parsed.problem}`);
  if (parsed.invalid.length) throw new Error(`Seed file ${GW_MEXICO_CSV} has invalid rows: ${JSON.stringify(parsed.invalid)}`);
  const datasetSource = await db.source.findUniqueOrThrow({ where: { key: GW_DATASET_SOURCE_KEY } });
  const imported = await applyGwImport(db, parsed.records, 0, {
    actorId: null,
    source: { title: datasetSource.title, url: datasetSource.url },
    existing: "keep",
    audit: false,
    suggestLinks: false,
  });
  report.incidents = imported.counts.created;

  // Instruments, provisions, milestones
  const instruments = new Map((await db.instrument.findMany({ select: { id: true, code: true } })).map((i) => [i.code, i.id]));
  for (const i of commitments.instruments) {
    if (instruments.has(i.code)) continue;
    const created = await db.instrument.create({
      data: { code: i.code, name: i.name.en, nameEs: i.name.es, nameFr: i.name.fr, kind: i.kind, sourceId: sourceId(i.sourceKey), position: i.position },
    });
    instruments.set(i.code, created.id);
    report.instruments++;
  }
  const instrumentId = (code: string | null) => {
    if (!code) return null;
    const id = instruments.get(code);
    if (!id) throw new Error(`Seed refers to unknown instrument "${code}"`);
    return id;
  };
  const provisions = new Map((await db.provision.findMany({ select: { code: true, id: true, termsEn: true, termsEs: true } })).map((p) => [p.code, p]));
  for (const p of commitments.provisions) {
    const existing = provisions.get(p.code);
    if (existing) {
      // Terms came after the first provisions were seeded: fill them where a
      // provision has none at all (null), never over a list someone edited.
      if (existing.termsEn === null && existing.termsEs === null && p.terms) {
        await db.provision.update({ where: { id: existing.id }, data: termColumns(p.terms) });
        report.termLists++;
      }
      continue;
    }
    await db.provision.create({
      data: {
        code: p.code,
        instrumentId: instrumentId(p.instrument)!,
        pillar: p.pillar,
        title: p.title.en,
        titleEs: p.title.es,
        titleFr: p.title.fr,
        summary: p.summary.en,
        summaryEs: p.summary.es,
        summaryFr: p.summary.fr,
        status: p.status,
        statusNote: p.statusNote,
        isGap: p.isGap,
        madeOn: p.madeOn ? new Date(`${p.madeOn}T00:00:00Z`) : null,
        sourceId: sourceId(p.sourceKey),
        position: p.position,
        ...(p.terms ? termColumns(p.terms) : {}),
      },
    });
    report.provisions++;
    if (p.terms) report.termLists++;
  }
  const milestones = new Set((await db.milestone.findMany({ select: { key: true } })).map((m) => m.key));
  for (const m of commitments.milestones) {
    if (milestones.has(m.key)) continue;
    await db.milestone.create({
      data: {
        key: m.key,
        date: new Date(`${m.date}T00:00:00Z`),
        label: m.label.en,
        labelEs: m.label.es,
        labelFr: m.label.fr,
        instrumentId: instrumentId(m.instrument),
        sourceId: sourceId(m.sourceKey),
        note: m.note,
      },
    });
    report.milestones++;
  }

  if (options.demoUsers) {
    for (const u of DEMO_USERS) {
      if (await db.user.findUnique({ where: { email: u.email }, select: { id: true } })) continue;
      await db.user.create({ data: { email: u.email, name: u.name, role: u.role, passwordHash: await hashPassword(u.password) } });
      report.users++;
    }
  }
  return report;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // `npm run db:seed`: migrate first, so a fresh database can be seeded in one step.
  const { setUpDatabase } = await import("../scripts/db-setup.ts");
  await setUpDatabase({ log: console.log });
}
