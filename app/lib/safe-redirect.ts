/**
 * Where a form may send the reader afterwards: only a path on this site. Anything
 * else becomes the fallback, so that no link to Vigía can bounce a reader
 * elsewhere and no target can break the Location header (decision 091):
 * - not text, or not starting with a single "/" (another host, a scheme, "//host");
 * - a backslash anywhere ("/\host" is "//host" to a browser);
 * - a control character anywhere (tab, CR, LF…: browsers strip tabs and newlines,
 *   so "/\t/host" becomes "//host", and CR/LF would split the header);
 * - anything a URL parser resolves to another origin.
 * What remains is returned as the parser writes it: percent-encoded ASCII only.
 */
export function safeRedirect(to: FormDataEntryValue | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//")) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(to)) return fallback;
  const base = "http://vigia.invalid";
  let url: URL;
  try {
    url = new URL(to, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("//") ? fallback : path;
}
