// `npm run import:gw -- <file.csv> [--dry-run]`: imports the Global Witness
// dataset into the database named by DATABASE_URL (migrated and seeded first,
// as `npm start` does), through the same engine and preview as /admin/import.
// Prints each invalid row with its line, each changed record field by field and
// each conflict; a dry run writes nothing. Conflicts (records staff changed since
// their last import) are left as they are: an admin decides them on /admin/import.
// The last line is always: created N, updated N, unchanged N, invalid N
import { existsSync, readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ConfigError } from "../app/lib/database-url.ts";
import { disconnectDb, prisma } from "../app/lib/db.server.ts";
import { getFixedT } from "../app/lib/i18n.ts";
import { parseGwCsv, type GwInvalidRow } from "../app/domain/gw-dataset.ts";
import { confirmGwImport, planGwImport, previewGwImport, runGwImportJob, type GwFileRefusal, type GwImportCounts } from "../app/models/gw-import.server.ts";
import { setUpDatabase } from "./db-setup.ts";

const t = getFixedT("en");
const LIST_LIMIT = 100;

export const countsLine = (c: GwImportCounts) => `created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}, invalid ${c.invalid}`;

export function refusalText(r: GwFileRefusal): string {
  return t(`gwImport.refused.${r.problem}`, {
    line: r.line ?? "?",
    detail: r.detail ?? "",
    status: r.status,
    attempts: r.attempts,
    received: r.received,
    expected: r.expected,
    size: "",
  });
}

export function invalidRowText(r: GwInvalidRow): string {
  return `  line ${r.line}${r.id ? ` (${r.id})` : ""}: ${t(`gwImport.reasons.${r.reason}`, { detail: r.detail ?? "" })}`;
}

const show = (v: unknown) => (v === null || v === undefined ? "(empty)" : typeof v === "string" ? v : JSON.stringify(v));

function listed<T>(title: string, items: T[], total: number, line: (item: T) => string[], log: (s: string) => void) {
  if (!total) return;
  log(`${title}: ${total}`);
  for (const item of items.slice(0, LIST_LIMIT)) for (const l of line(item)) log(l);
  if (total > Math.min(items.length, LIST_LIMIT)) log(`  … and ${total - Math.min(items.length, LIST_LIMIT)} more`);
}

export async function importGwFile(
  file: string,
  { dryRun = false, log = console.log }: { dryRun?: boolean; log?: (line: string) => void } = {},
): Promise<GwImportCounts> {
  const csv = readFileSync(file);
  const parsed = parseGwCsv(csv);
  if (!parsed.ok) throw new ConfigError(`${file}: ${refusalText({ problem: parsed.problem, line: parsed.line, detail: parsed.detail })}`);
  // A dry run leaves no trace; a real run is recorded like an admin's (with its file until it ends).
  const plan = await planGwImport(prisma, parsed.records, parsed.invalid);
  log(`${file}: ${plan.rows} rows`);
  listed("Invalid rows (not imported)", plan.invalid, plan.counts.invalid, (r) => [invalidRowText(r)], log);
  const fieldLines = (fields: { field: string; before: unknown; after: unknown }[]) =>
    fields.map((f) => `    ${f.field}: ${show(f.before)} -> ${show(f.after)}`);
  listed("Changed records", plan.changed, plan.counts.updated, (c) => [`  line ${c.line} (${c.externalId}):`, ...fieldLines(c.fields)], log);
  listed(
    "Conflicts (changed in Vigía since their last import; left as they are, decide them on /admin/import)",
    plan.conflicts,
    plan.counts.conflicts,
    (c) => [`  line ${c.line} (${c.externalId}), ${c.reason} in Vigía:`, ...fieldLines(c.fields)],
    log,
  );
  if (dryRun) {
    log("Dry run: nothing was written. These are the counts an import would give.");
    return plan.counts;
  }
  const preview = await previewGwImport({ csv, origin: "cli", sourceName: basename(file), actorId: null });
  if (!preview.ok) throw new ConfigError(`${file}: ${refusalText(preview.refusal)}`);
  const job = preview.job;
  await confirmGwImport(job.id, {}, null);
  const done = await runGwImportJob(job.id, (processed, total) => log(`  ${processed}/${total} rows`));
  if (!done || done.status !== "done" || !done.result) throw new Error(`The import stopped, and nothing of it was saved: ${done?.error ?? "unknown error"}`);
  if (done.result.conflicts) log(`Conflicts left as they are: ${done.result.conflicts}`);
  return done.result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const dryRun = args.includes("--dry-run");
  const files = args.filter((a) => a !== "--dry-run");
  // npm runs scripts from the project's folder: a relative path is the caller's.
  const file = files.length === 1 ? resolve(process.env.INIT_CWD ?? process.cwd(), files[0]) : null;
  const root = resolve(import.meta.dirname, "..");
  process.chdir(root);
  if (existsSync(".env")) process.loadEnvFile(".env");
  try {
    if (!file) throw new ConfigError("Usage: npm run import:gw -- <file.csv> [--dry-run]");
    if (!existsSync(file)) throw new ConfigError(`${file}: no such file.`);
    await setUpDatabase({ log: console.log });
    const counts = await importGwFile(file, { dryRun });
    await disconnectDb();
    console.log(countsLine(counts));
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
}
