// Any address no route claims: a real 404, rendered by the root ErrorBoundary.
export async function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}
