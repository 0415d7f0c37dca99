// Downloads a file from another server for an import: a time limit per attempt,
// a few attempts with growing pauses for failures that may pass (no answer,
// 5xx, 429), and a body checked against its announced length, so that a cut-off
// download is an error and never imported as if it were the whole file.

export type DownloadFailure = "http" | "timeout" | "network" | "incomplete" | "tooLarge";

export class DownloadError extends Error {
  constructor(
    readonly reason: DownloadFailure,
    readonly attempts: number,
    readonly details: { status?: number; received?: number; expected?: number; detail?: string } = {},
  ) {
    super(
      `Download failed (${reason}) after ${attempts} attempt(s)${details.status ? `: HTTP ${details.status}` : details.detail ? `: ${details.detail}` : ""}`,
    );
  }
}

export interface DownloadOptions {
  /** Time allowed for one attempt, headers and body together */
  timeoutMs?: number;
  attempts?: number;
  /** Pause before the second attempt; doubled before each later one */
  backoffMs?: number;
  maxBytes?: number;
}

export const DOWNLOAD_DEFAULTS: Required<DownloadOptions> = { timeoutMs: 60_000, attempts: 3, backoffMs: 1_000, maxBytes: 64 * 1024 * 1024 };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether trying again may help: the server was busy or briefly failing. */
const transient = (status: number) => status === 408 || status === 429 || status >= 500;

async function attempt(url: string, o: Required<DownloadOptions>): Promise<{ body: Uint8Array; lastModified: string | null }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(o.timeoutMs), headers: { Accept: "text/csv, text/plain;q=0.9, */*;q=0.1" } });
  if (!response.ok) {
    void response.body?.cancel().catch(() => {});
    throw new DownloadError("http", 1, { status: response.status });
  }
  const announced = response.headers.get("content-length");
  const encoding = response.headers.get("content-encoding");
  const expected = announced && /^\d+$/.test(announced) ? Number(announced) : null;
  if (expected !== null && expected > o.maxBytes) throw new DownloadError("tooLarge", 1, { expected });
  const body = new Uint8Array(await response.arrayBuffer());
  if (body.byteLength > o.maxBytes) throw new DownloadError("tooLarge", 1, { received: body.byteLength });
  // With a content encoding (gzip) the announced length is the compressed one.
  if (expected !== null && (!encoding || encoding === "identity") && body.byteLength !== expected) {
    throw new DownloadError("incomplete", 1, { received: body.byteLength, expected });
  }
  return { body, lastModified: response.headers.get("last-modified") };
}

export async function downloadFile(url: string, options: DownloadOptions = {}): Promise<{ body: Uint8Array; lastModified: string | null; attempts: number }> {
  const o = { ...DOWNLOAD_DEFAULTS, ...options };
  let last: DownloadError | null = null;
  for (let n = 1; n <= o.attempts; n++) {
    if (n > 1) await pause(o.backoffMs * 2 ** (n - 2));
    try {
      return { ...(await attempt(url, o)), attempts: n };
    } catch (error) {
      if (error instanceof DownloadError) {
        last = new DownloadError(error.reason, n, error.details);
        if (error.reason === "tooLarge" || (error.reason === "http" && !transient(error.details.status!))) throw last;
      } else if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
        last = new DownloadError("timeout", n);
      } else {
        // The body stopped short of its length ("terminated") is a cut-off download too.
        const detail = error instanceof Error ? error.message : String(error);
        last = new DownloadError(/terminated|premature|aborted/i.test(detail) ? "incomplete" : "network", n, { detail });
      }
    }
  }
  throw last!;
}
