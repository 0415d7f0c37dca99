/** The largest upload (a Global Witness CSV on /admin/import): far above the dataset's size (about 200 kB for 1,700 rows); a 100,000-row file is about 12 MB. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** Paths whose actions take uploads: the HTTP server lets their bodies reach MAX_UPLOAD_BYTES (and some room for the form around the file). */
export const UPLOAD_PATHS = ["/admin/import"];

// A request body read into memory up to a limit, so that an upload larger than
// the limit is refused without being buffered whole (whatever its headers say).
export async function withBodyLimit(request: Request, maxBytes: number): Promise<Request | null> {
  const announced = Number(request.headers.get("content-length") ?? "0");
  if (announced > maxBytes) return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        return null;
      }
      chunks.push(value);
    }
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    body.set(c, offset);
    offset += c.byteLength;
  }
  return new Request(request.url, { method: request.method, headers: request.headers, body: request.body ? body : undefined });
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} kB`;
}
