// Seeds Vigía from the files in seeds/reference (copies of ../shared/reference,
// each naming its source; see seeds/README.md) and seeds/data/commitments.json.
// Safe to re-run: it inserts what is missing and never overwrites or deletes a
// row, so corrections made in the app survive. Run: npm run db:seed
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse } from "csv-parse/sync";
import type { Db } from "../app/lib/db.server.ts";
import { hashPassword } from "../app/lib/password.server.ts";
import { parseGwCsv } from "../app/domain/gw-dataset.ts";
import { applyGwImport } from "../app/models/gw-import.server.ts";

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

type Status = "confirmed" | "reported" | "unconfirmed";

/** "confirmed (press summary of plan text)" -> { status: confirmed, note: "press summary of plan text" } */
export function splitStatus(raw: string): { status: Status; note: string | null } {
  const m = /^(confirmed|reported|unconfirmed)\b\s*(?:\((.*)\))?\s*(.*)$/.exec(raw.trim());
  if (!m) return { status: "unconfirmed", note: raw };
  const note = [m[2], m[3]]
    .filter((s) => s && s.trim())
    .join(" ")
    .trim();
  return { status: m[1] as Status, note: note || null };
}

function urlKey(url: string): string {
  return "url-" + createHash("sha1").update(url).digest("hex").slice(0, 12);
}

const ANNUAL_DUPLICATES = new Set(["mx-2024-killed", "mx-2024-disappeared"]);

export const GW_DATASET_SOURCE_KEY = "gw-dataset-2022";
export const HEADLINE_SOURCE_KEY = "pbi-canada-2025-09-18";

interface SourceInput {
  key: string;
  title: string;
  publisher?: string | null;
  publishedOn?: string | null;
  url?: string | null;
  kind: string;
  accessedOn?: string | null;
  note?: string | null;
}

interface FigureInput {
  key: string;
  scope: "country" | "worldwide";
  countryCode?: string | null;
  periodStart: number;
  periodEnd: number;
  metric: string;
  subsetCode?: string | null;
  subsetLabel?: string | null;
  parentKey?: string | null;
  value?: number | null;
  valueText?: string | null;
  atLeast?: boolean;
  status: Status;
  sourceKey: string;
  reportName?: string | null;
  revisedValue?: number | null;
  revisedSourceKey?: string | null;
  note?: string | null;
}

const num = (v: unknown): number | null => (typeof v === "number" ? v : null);

/** Everything layer 1 needs, read from the reference files. */
export function publishedFigureInputs(): { sources: SourceInput[]; figures: FigureInput[] } {
  const published = readJson("reference/gw-published-figures-mexico.json");
  const annual = readJson("reference/gw-annual-figures.json");
  const breakdowns = readJson("reference/gw-mexico-breakdowns.json");
  const format = readJson("reference/gw-dataset-format.json");

  const sources = new Map<string, SourceInput>();
  const addSource = (s: SourceInput) => {
    if (!sources.has(s.key)) sources.set(s.key, s);
    return s.key;
  };
  const byUrl = (title: string, url: string | null | undefined, kind: string, extra: Partial<SourceInput> = {}) =>
    addSource({ key: url ? urlKey(url) : "title-" + createHash("sha1").update(title).digest("hex").slice(0, 12), title, url: url || null, kind, ...extra });

  addSource({
    key: GW_DATASET_SOURCE_KEY,
    title: "Global Witness lethal-attacks dataset 2012–2021 (CSV downloaded from globalwitness.org on 22 Sep 2022, mirrored on GitHub)",
    publisher: "Global Witness",
    publishedOn: "2022-09-22",
    url: format.url,
    kind: "dataset",
    note: `Mirror: ${format.repo} at commit ${format.commit}. ${format.license}`,
  });
  addSource({
    key: HEADLINE_SOURCE_KEY,
    title: published.source.title,
    publisher: published.source.publisher,
    publishedOn: published.source.published,
    url: null,
    kind: "article",
    note: `Cites ${published.source.citing}.`,
  });

  const headlineNotes: Record<string, string> = {};
  for (const b of breakdowns.breakdowns) {
    if (b.year === "2012-2024") headlineNotes[`${b.dimension}:${b.category}`] = b.note;
  }
  const headlineStatus: Record<string, { status: Status; note: string | null }> = {
    "mx-2012-2024-total": {
      status: "confirmed",
      note: "Global Witness's page on documenting killings and disappearances lists the same cumulative total for Mexico (222, 2012–2024; 2,253 worldwide).",
    },
    "mx-2012-2024-indigenous": {
      status: "unconfirmed",
      note: `Not found in Global Witness material consulted. ${headlineNotes["identity:Indigenous"] ?? ""}`.trim(),
    },
    "mx-2012-2024-mining": {
      status: "unconfirmed",
      note: `Not found in Global Witness material consulted. ${headlineNotes["sector:Mining & extractives"] ?? ""}`.trim(),
    },
    "mx-2012-2024-police-pma": {
      status: "unconfirmed",
      note: `Not found in Global Witness material consulted. ${headlineNotes["perpetrator:Police or private military actors"] ?? ""}`.trim(),
    },
    "mx-2012-2024-indigenous-mining": {
      status: "unconfirmed",
      note: `Not found in Global Witness material consulted. ${headlineNotes["intersection:Indigenous AND mining"] ?? ""}`.trim(),
    },
    "mx-2012-2024-indigenous-police-pma": {
      status: "unconfirmed",
      note: `Not found in Global Witness material consulted. ${headlineNotes["intersection:Indigenous AND police/private military"] ?? ""}`.trim(),
    },
  };
  const subsetCodes: Record<string, string> = {
    "mx-2012-2024-indigenous": "indigenous",
    "mx-2012-2024-indigenous-police-pma": "indigenous_police_private_military",
    "mx-2012-2024-indigenous-mining": "indigenous_mining_extractives",
    "mx-2012-2024-mining": "mining_extractives",
    "mx-2012-2024-police-pma": "police_private_military",
  };

  const figures: FigureInput[] = [];
  for (const f of published.figures) {
    // 2024's killed and disappeared figures are the annual figures seeded below
    // (same report, same numbers): one fact, one row.
    if (ANNUAL_DUPLICATES.has(f.id)) continue;
    const [start, end] = String(f.period).split("-").map(Number);
    const st = headlineStatus[f.id] ?? { status: "reported" as Status, note: null };
    figures.push({
      key: f.id,
      scope: "country",
      countryCode: "MX",
      periodStart: start,
      periodEnd: end ?? start,
      metric: f.metric,
      subsetCode: subsetCodes[f.id] ?? null,
      subsetLabel: f.subset,
      parentKey: f.of ?? null,
      value: f.value,
      atLeast: f.atLeast,
      status: st.status,
      sourceKey: HEADLINE_SOURCE_KEY,
      note: st.note,
    });
  }
  for (const c of published.context) {
    figures.push({
      key: c.id,
      scope: "country",
      countryCode: "MX",
      periodStart: 2025,
      periodEnd: 2025,
      metric: "population_share",
      subsetCode: "indigenous",
      subsetLabel: "Indigenous share of Mexico's population",
      value: c.value,
      status: "reported",
      sourceKey: HEADLINE_SOURCE_KEY,
      note: "As stated in the September 2025 article; the census or survey year behind it is not given.",
    });
  }

  for (const a of annual.annual) {
    const report = addSourceForReport(a);
    function addSourceForReport(entry: any) {
      return byUrl(entry.sourceTitle, entry.sourceUrl, "report", {
        publisher: "Global Witness",
        publishedOn: String(entry.reportYear),
      });
    }
    const revisedKey = a.revisedSourceUrl ? GW_DATASET_SOURCE_KEY : null;
    const foldNote = a.year < 2024 ? "Reports before 2025 count long-term disappearances inside the killed figure." : null;
    figures.push({
      key: `mx-annual-${a.year}`,
      scope: "country",
      countryCode: "MX",
      periodStart: a.year,
      periodEnd: a.year,
      metric: "killed",
      value: num(a.mexicoKilled),
      status: num(a.mexicoKilled) === null ? "unconfirmed" : "reported",
      sourceKey: report,
      reportName: a.report,
      revisedValue: num(a.mexicoKilledRevised),
      revisedSourceKey: num(a.mexicoKilledRevised) === null ? null : revisedKey,
      note: [a.note, foldNote].filter(Boolean).join(" "),
    });
    if (a.mexicoDisappeared !== undefined) {
      const inside = a.year < 2024;
      figures.push({
        key: `mx-annual-${a.year}-disappeared`,
        scope: "country",
        countryCode: "MX",
        periodStart: a.year,
        periodEnd: a.year,
        metric: "disappeared",
        subsetCode: inside ? "disappeared_within_killed" : null,
        subsetLabel: inside ? "Enforced disappearances counted inside the annual figure" : null,
        parentKey: inside ? `mx-annual-${a.year}` : null,
        value: num(a.mexicoDisappeared),
        status: num(a.mexicoDisappeared) === null ? "unconfirmed" : "reported",
        sourceKey: report,
        reportName: a.report,
        note:
          a.mexicoDisappearedNote ?? (num(a.mexicoDisappeared) === null ? "The number of disappearances in this year could not be tied to a source." : null),
      });
    }
    const worldMetric = a.year >= 2024 ? "killed_or_disappeared" : "killed";
    figures.push({
      key: `ww-annual-${a.year}`,
      scope: "worldwide",
      periodStart: a.year,
      periodEnd: a.year,
      metric: worldMetric,
      value: num(a.globalKilled),
      status: num(a.globalKilled) === null ? "unconfirmed" : "reported",
      sourceKey: report,
      reportName: a.report,
      revisedValue: num(a.globalKilledRevised),
      revisedSourceKey: num(a.globalKilledRevised) === null ? null : revisedKey,
      note: foldNote,
    });
    if (num(a.globalDisappeared) !== null) {
      figures.push({
        key: `ww-annual-${a.year}-disappeared`,
        scope: "worldwide",
        periodStart: a.year,
        periodEnd: a.year,
        metric: "disappeared",
        subsetCode: "disappeared",
        subsetLabel: "Long-term disappearances",
        parentKey: `ww-annual-${a.year}`,
        value: a.globalDisappeared,
        status: "reported",
        sourceKey: report,
        reportName: a.report,
      });
    }
  }

  for (const c of annual.cumulative) {
    const [start, end] = String(c.period).split("-").map(Number);
    const src = byUrl(`Global Witness, ${c.report} (cumulative figures ${c.period})`, c.sourceUrl, "report", { publisher: "Global Witness" });
    if (c.period !== "2012-2024") {
      figures.push({
        key: `mx-cumulative-${c.period}`,
        scope: "country",
        countryCode: "MX",
        periodStart: start,
        periodEnd: end,
        metric: "killed_or_disappeared",
        value: c.mexico,
        status: "reported",
        sourceKey: src,
        reportName: c.report,
      });
    }
    figures.push({
      key: `ww-cumulative-${c.period}`,
      scope: "worldwide",
      periodStart: start,
      periodEnd: end,
      metric: "killed_or_disappeared",
      value: c.global,
      status: c.period === "2012-2024" ? "confirmed" : "reported",
      sourceKey: src,
      reportName: c.report,
    });
  }

  const slug = (s: string) =>
    s
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 48);
  for (const b of breakdowns.breakdowns) {
    if (typeof b.year !== "number") continue; // 2012-2024 entries are the headline figures above
    const src = byUrl(b.sourceTitle, b.sourceUrl, "article");
    const st = splitStatus(b.status);
    figures.push({
      key: `mx-breakdown-${b.year}-${b.dimension}-${slug(b.category)}`,
      scope: "country",
      countryCode: "MX",
      periodStart: b.year,
      periodEnd: b.year,
      metric: "killed",
      subsetCode: `${b.dimension}:${slug(b.category)}`,
      subsetLabel: b.category,
      parentKey: `mx-annual-${b.year}`,
      value: num(b.value),
      valueText: typeof b.value === "number" ? null : String(b.value),
      status: st.status,
      sourceKey: src,
      note: [st.note, b.note].filter(Boolean).join(" ") || null,
    });
  }
  return { sources: [...sources.values()], figures };
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
  sources: (SourceInput & { key: string })[];
  instruments: { code: string; name: { en: string; es: string; fr: string }; kind: string; sourceKey: string | null; position: number }[];
  provisions: {
    code: string;
    instrument: string;
    pillar: string;
    title: { en: string; es: string; fr: string };
    summary: { en: string; es: string; fr: string };
    status: Status;
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

export const DEMO_USERS = [
  { email: "viewer@vigia.test", name: "Demo viewer", role: "viewer", password: "vigia-viewer-demo" },
  { email: "staff@vigia.test", name: "Demo staff", role: "staff", password: "vigia-staff-demo" },
  { email: "admin@vigia.test", name: "Demo admin", role: "admin", password: "vigia-admin-demo" },
] as const;

export async function seed(db: Db, options: SeedOptions = {}): Promise<SeedReport> {
  const report: SeedReport = { sources: 0, figures: 0, incidents: 0, instruments: 0, provisions: 0, milestones: 0, termLists: 0, users: 0 };
  const { sources, figures } = publishedFigureInputs();
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
    const index = pending.findIndex((f) => !f.parentKey || existingFigures.has(f.parentKey));
    if (index === -1) throw new Error(`Published figures refer to missing parents: ${pending.map((f) => f.key).join(", ")}`);
    const [f] = pending.splice(index, 1);
    const created = await db.publishedFigure.create({
      data: {
        key: f.key,
        scope: f.scope,
        countryCode: f.countryCode ?? null,
        periodStart: f.periodStart,
        periodEnd: f.periodEnd,
        metric: f.metric,
        subsetCode: f.subsetCode ?? null,
        subsetLabel: f.subsetLabel ?? null,
        parentId: f.parentKey ? existingFigures.get(f.parentKey)! : null,
        value: f.value ?? null,
        valueText: f.valueText ?? null,
        atLeast: f.atLeast ?? false,
        status: f.status,
        sourceId: sourceId(f.sourceKey)!,
        reportName: f.reportName ?? null,
        revisedValue: f.revisedValue ?? null,
        revisedSourceId: sourceId(f.revisedSourceKey),
        note: f.note || null,
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
