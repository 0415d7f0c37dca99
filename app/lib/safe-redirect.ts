/**
 * Where a form may send the reader afterwards: only a path on this site. Anything
 * else (another host, a protocol-relative or backslash path, text that is not a
 * path) becomes the fallback, so that no link to Vigía can bounce a reader elsewhere.
 */
export function safeRedirect(to: FormDataEntryValue | null, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
