// Responses a loader or action throws. Thrown, a 404 ends the loader and the
// route's ErrorBoundary (the root one unless a route has its own) renders the
// "page not found" text in the reader's language; resource routes send the body as it is.

export function notFound(message = "Not found"): Response {
  return new Response(message, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
