// The import of 100,000 rows (issue 13: within 60 s), measured by scripts/bench-import.ts
// (the path of /admin/import: preview, then the one-transaction import) in a child process of
// its own, so that its memory and database clients stay apart from the bench's; its figures
// are read from the table it prints.
import { spawn } from "node:child_process";
import { loadavg } from "node:os";
import { join } from "node:path";
import { ROOT } from "./bench-database.ts";

export const IMPORT_ROWS = 100_000;
export const IMPORT_TARGET_SECONDS = 60;

export interface ImportResult {
  kind: "sqlite" | "postgresql";
  rows: number;
  /** Preview (parse, compare, store) */
  previewSeconds: number;
  /** The one-transaction import, its audit events, link suggestions and ANALYZE */
  importSeconds: number;
  /** Each step as the script printed it (wall time and the process's CPU time) */
  steps: { step: string; time: string }[];
}

/** Runs `npm run bench:import` for IMPORT_ROWS rows (PostgreSQL too when `postgres`); one result per database. */
export async function benchImport(options: { postgres: boolean; limitSeconds: number; log: (line: string) => void }): Promise<ImportResult[]> {
  const args = ["--import", "tsx", join(ROOT, "scripts/bench-import.ts"), "--rows", String(IMPORT_ROWS), ...(options.postgres ? [] : ["--sqlite-only"])];
  const env = { ...process.env };
  if (!options.postgres) delete env.TEST_POSTGRES_URL;
  const output = await new Promise<string>((resolveOutput, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    // Bounded: on a machine shared with other work the import can take many times its own CPU time.
    const timer = setTimeout(() => child.kill("SIGKILL"), options.limitSeconds * 1000);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code === 0) resolveOutput(out);
      else if (code === null)
        reject(new Error(`not finished within ${options.limitSeconds} s of wall time, stopped (load average ${loadavg()[0].toFixed(1)})`));
      else reject(new Error(`bench-import exited with ${code}:\n${err.slice(-2000)}`));
    });
  });
  return parseImportOutput(output);
}

const seconds = (time: string) => Number(/^([\d.]+) s/.exec(time)?.[1] ?? NaN);

/** The tables bench-import.ts prints: a heading line per database, then `| step | time |` rows. */
export function parseImportOutput(output: string): ImportResult[] {
  const results: ImportResult[] = [];
  let current: ImportResult | null = null;
  for (const line of output.split("\n")) {
    const heading = /^(sqlite|postgresql), (\d+) synthetic rows/.exec(line);
    if (heading) {
      current = { kind: heading[1] as ImportResult["kind"], rows: Number(heading[2]), previewSeconds: NaN, importSeconds: NaN, steps: [] };
      results.push(current);
      continue;
    }
    const row = /^\| (.+) \| (.+) \|$/.exec(line.trim());
    if (!current || !row || row[1] === "step") continue;
    current.steps.push({ step: row[1], time: row[2] });
    if (row[1].startsWith("preview") && Number.isNaN(current.previewSeconds)) current.previewSeconds = seconds(row[2]);
    if (row[1].startsWith("import:")) current.importSeconds = seconds(row[2]);
  }
  return results;
}
