// HTTP on loopback: the built app on the project's own server, started on a bench
// database in a child process (one per route), loaded with autocannon route by route,
// each route's requests per second set against the trivial route /healthz measured in
// the same run.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import { ROOT } from "./bench-database.ts";

export interface RouteLoad {
  path: string;
  label: string;
  requestsPerSecond: number;
  requests: number;
  p50: number;
  p97_5: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  bytesPerResponse: number;
  /** The resident memory of the server that served this route, at its highest */
  peakRssBytes: number;
}

export interface ResponseFacts {
  path: string;
  status: number;
  ms: number;
  bytes: number;
  contentEncoding: string | null;
  etag: string | null;
  cacheControl: string | null;
}

export interface HttpResult {
  seconds: number;
  connections: number;
  loads: RouteLoad[];
  /** The first PNG the server draws after it starts */
  coldPngFirstMs: number;
  /** A PNG with filters not asked for before, on a warm server */
  coldPngNewFiltersMs: number;
  responses: ResponseFacts[];
  idleRssBytes: number;
  /**
   * The highest resident memory (VmHWM) of a server that has served one of each page, one at
   * a time: comparable across sizes, unlike the peaks under load, which depend on how many
   * requests were in flight when the server could not keep up.
   */
  servedOnceRssBytes: number;
  /** The highest resident memory (VmHWM) of any of the servers started for the measurements */
  peakRssBytes: number;
  /** The repeated PNG at each size (decision 112) */
  pngSizes: PngSizeFacts[];
}

export interface PngSizeFacts {
  path: string;
  width: number;
  height: number;
  bytes: number;
}

/** The PNG's two sizes: download (2000 px) and preview (size=preview, 1000 px), width and height from the PNG header. */
async function pngSizes(base: string): Promise<PngSizeFacts[]> {
  const out: PngSizeFacts[] = [];
  for (const path of [PNG_PATH, `${PNG_PATH}?size=preview`]) {
    const res = await fetch(base + path);
    const bytes = Buffer.from(await res.arrayBuffer());
    out.push({ path, width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), bytes: bytes.length });
  }
  return out;
}

export const PNG_PATH = "/charts/sector-breakdown.png";
const BROWSER_HEADERS = { "accept-encoding": "gzip, deflate, br", accept: "text/html,application/xhtml+xml,image/png,*/*" };

function procStatus(pid: number): { rss: number; hwm: number } {
  try {
    const text = readFileSync(`/proc/${pid}/status`, "utf8");
    const kbOf = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? NaN) * 1024;
    return { rss: kbOf("VmRSS"), hwm: kbOf("VmHWM") };
  } catch {
    return { rss: NaN, hwm: NaN };
  }
}

const sleep = (msToWait: number) => new Promise((r) => setTimeout(r, msToWait));

/** One GET, its body counted as sent (compressed or not): node:http, which never decompresses. */
function get(base: string, path: string): Promise<ResponseFacts> {
  return new Promise((resolveFacts, reject) => {
    const t0 = performance.now();
    const req = request(base + path, { headers: BROWSER_HEADERS }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("error", reject);
      res.on("end", () => {
        const header = (name: string) => {
          const v = res.headers[name];
          return v === undefined ? null : String(v);
        };
        resolveFacts({
          path,
          status: res.statusCode ?? 0,
          ms: performance.now() - t0,
          bytes,
          contentEncoding: header("content-encoding"),
          etag: header("etag"),
          cacheControl: header("cache-control"),
        });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

async function load(base: string, path: string, label: string, seconds: number, connections: number): Promise<Omit<RouteLoad, "peakRssBytes">> {
  const r = await autocannon({ url: base + path, connections, duration: seconds, headers: BROWSER_HEADERS });
  return {
    path,
    label,
    requestsPerSecond: r.requests.average,
    requests: r.requests.total,
    p50: r.latency.p50,
    p97_5: r.latency.p97_5,
    p99: r.latency.p99,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    bytesPerResponse: r.requests.total ? r.throughput.total / r.requests.total : 0,
  };
}

async function startApp(databaseUrl: string): Promise<{ child: ChildProcess; base: string }> {
  let output = "";
  // node itself (not npx or npm), so that the pid whose memory is read is the server itself.
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "scripts/bench/serve.ts")], {
    cwd: ROOT,
    // Every request of the load comes from one address, where a deployment's readers come from many: the
    // exports-per-address limit (decision 095) is raised so that it still runs (and is counted) on every PNG
    // but never answers 429, which would measure the limit instead of the PNG.
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NODE_ENV: "production",
      SESSION_SECRET: randomBytes(32).toString("hex"),
      RATE_LIMIT_EXPORTS_ADDRESS: "1000000/1m",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const deadline = performance.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app did not start:\n${output}`);
    const port = /bench-port=(\d+)/.exec(output)?.[1];
    if (port) {
      const base = `http://127.0.0.1:${port}`;
      if ((await get(base, "/healthz")).status === 200) return { child, base };
      throw new Error(`The app does not answer /healthz on ${base}:\n${output}`);
    }
    if (performance.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The app did not start within 120 s:\n${output}`);
    }
    await sleep(200);
  }
}

async function stopApp(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await Promise.race([exited, sleep(10_000)]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

/**
 * Each route is loaded on a server of its own, started for it: requests that autocannon
 * abandons at the end of a run keep a server busy for a long time afterwards (fifty slow
 * pages in a queue), and would otherwise slow the next route's measurement.
 */
export async function benchHttp(options: { databaseUrl: string; seconds: number; connections: number; log: (line: string) => void }): Promise<HttpResult> {
  const { seconds, connections, log } = options;
  const first = await startApp(options.databaseUrl);
  let idleRssBytes: number, servedOnceRssBytes: number, coldPngFirstMs: number, coldPngNewFiltersMs: number, responses: ResponseFacts[], sizes: PngSizeFacts[];
  try {
    await get(first.base, "/healthz");
    idleRssBytes = procStatus(first.child.pid!).rss;
    coldPngFirstMs = (await get(first.base, PNG_PATH)).ms;
    responses = [await get(first.base, "/"), await get(first.base, "/trends"), await get(first.base, PNG_PATH)];
    coldPngNewFiltersMs = (await get(first.base, `${PNG_PATH}?from=2016&to=2020&state=OAX`)).ms;
    sizes = await pngSizes(first.base);
    servedOnceRssBytes = procStatus(first.child.pid!).hwm;
  } finally {
    await stopApp(first.child);
  }
  const routes: [string, string][] = [
    ["/healthz", "trivial route /healthz"],
    ["/", "overview /"],
    ["/trends", "trends /trends"],
    [PNG_PATH, "repeated PNG"],
  ];
  const loads: RouteLoad[] = [];
  let peakRssBytes = servedOnceRssBytes;
  for (const [path, label] of routes) {
    const { child, base } = await startApp(options.databaseUrl);
    try {
      for (let i = 0; i < 3; i++) await get(base, path); // warm the code paths
      log(`    autocannon ${path}: ${connections} connections, ${seconds} s`);
      const l = { ...(await load(base, path, label, seconds, connections)), peakRssBytes: procStatus(child.pid!).hwm };
      loads.push(l);
      peakRssBytes = Math.max(peakRssBytes, l.peakRssBytes);
      log(`      ${l.requestsPerSecond.toFixed(1)} requests/s, p50 ${l.p50} ms, ${l.errors} errors (${l.timeouts} timeouts), ${l.non2xx} non-2xx`);
    } finally {
      await stopApp(child);
    }
  }
  return { seconds, connections, loads, coldPngFirstMs, coldPngNewFiltersMs, responses, idleRssBytes, servedOnceRssBytes, peakRssBytes, pngSizes: sizes };
}
