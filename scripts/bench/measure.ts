// Timing helpers and the machine's description for the benchmark report.
import { execFileSync } from "node:child_process";
import { cpus, loadavg, release, totalmem } from "node:os";

export function percentile(samples: number[], p: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest rank: with few samples the p95 is the largest of them, never an interpolation below it.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const median = (samples: number[]) => percentile(samples, 50);

export async function elapsed(fn: () => unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/**
 * Times two ways of doing the same work, alternating them after one warm-up of
 * each, so that a burst of load from another process on this shared machine
 * falls on both rather than on one.
 */
export async function timePair(a: () => unknown, b: () => unknown, runs: number): Promise<{ a: number[]; b: number[] }> {
  await a();
  await b();
  const out = { a: [] as number[], b: [] as number[] };
  for (let i = 0; i < runs; i++) {
    out.a.push(await elapsed(a));
    out.b.push(await elapsed(b));
  }
  return out;
}

/** Samples of one call: at least `min`, up to `max`, stopping earlier once `budgetMs` is spent. */
export async function sample(fn: () => unknown, { min, max, budgetMs, warmup = 2 }: { min: number; max: number; budgetMs: number; warmup?: number }) {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < max && (samples.length < min || performance.now() - start < budgetMs)) samples.push(await elapsed(fn));
  return samples;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  os: string;
  loadAtStart: number[];
  commit: string;
}

export function describeMachine(): Machine {
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    if (execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { encoding: "utf8" }).trim()) commit += " (with uncommitted changes)";
  } catch {
    // Not a git checkout: the report says so.
  }
  return {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${process.platform} ${release()}`,
    loadAtStart: loadavg(),
    commit,
  };
}

export const ms = (x: number) => (Number.isNaN(x) ? "n/a" : x >= 100 ? `${x.toFixed(0)} ms` : x >= 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(2)} ms`);
export const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
export const num = (x: number, digits = 0) => x.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });
