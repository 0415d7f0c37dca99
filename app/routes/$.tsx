// Any address no route claims: a real 404, rendered by the root ErrorBoundary.
import { notFound } from "~/lib/http.server.ts";

export async function loader() {
  throw notFound();
}

export default function NotFound() {
  return null;
}
