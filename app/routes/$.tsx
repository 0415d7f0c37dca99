// Any address no route claims: a real 404, rendered by the root ErrorBoundary.
import { notFound } from "~/lib/http.server.ts";
import { loadPageSections, type I18nHandle } from "~/lib/i18n.ts";

export const handle = { i18n: [] } satisfies I18nHandle;
await loadPageSections(handle.i18n);

export async function loader() {
  throw notFound();
}

export default function NotFound() {
  return null;
}
