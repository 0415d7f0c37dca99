import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/components/nonce.tsx";
import { createI18n, I18nProvider } from "~/lib/i18n.ts";
import "~/load-context.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";

// The HTTP server (scripts/server.ts) answers anonymous reads of public pages through
// this, so that the cache and the build's own database client and caches are one.
export { cachedPage } from "~/models/page-cache.server.ts";

// Loaders stream data the page renders as it comes (decision 127: the trends page's charts),
// so the render can wait on aggregates; a loader that awaited them had no limit at all.
const ABORT_DELAY = 30_000;

/** A client navigation's data (single fetch): nothing to write first, so streamed data start at once (decision 127). */
export function handleDataRequest(response: Response, { context }: { context: AppLoadContext }) {
  context.startStreamedData?.();
  return response;
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // The server's nonce for this response (scripts/server.ts); every script React and Remix write carries it.
  const nonce = loadContext.cspNonce ?? "";
  const lng = await detectLanguage(request);
  const i18n = createI18n(lng);
  // A signed-in reader's page is sent as it renders (private, no-store): its first bytes leave
  // before the data a loader streams (decision 127). Every other page is rendered whole: an
  // anonymous page is read whole anyway, for its ETag and by the rendered-page cache (decisions
  // 092, 111), and whole it is a finished document (each streamed part in its place, readable
  // without JavaScript) rather than fallbacks and hidden parts that a script moves into place.
  // Bots and crawlers get the whole page too.
  const signedIn = Boolean((remixContext.staticHandlerContext.loaderData?.root as { user?: unknown } | null | undefined)?.user);
  const whole = !signedIn || loadContext.pageCache || isbot(request.headers.get("user-agent") || "");
  const readyEvent = whole ? "onAllReady" : "onShellReady";
  // A loader holding its streamed data back (decision 127): at once when the page is rendered
  // whole, else once the shell is written, a turn of the event loop later.
  if (whole) loadContext.startStreamedData?.();
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce || undefined} />
        </I18nProvider>
      </NonceProvider>,
      {
        nonce: nonce || undefined,
        [readyEvent]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          // Rendered whole with a part that failed (a chart's aggregate): served, never kept.
          if (loadContext.partialPage) responseHeaders.set("Cache-Control", "no-store");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
          if (!whole) setImmediate(() => loadContext.startStreamedData?.());
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
