// What the HTTP server (scripts/server.ts) hands every loader, action and
// entry.server: this request's Content-Security-Policy nonce (decision 093) and
// the client's address for the rate limits (decision 095).
export {};

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The nonce every inline script of this response must carry. */
    cspNonce?: string;
    /** The client's address (req.ip, which follows TRUST_PROXY), for the rate limits. */
    clientAddress?: string;
    /**
     * True when the rendered-page cache renders this answer to keep it whole (decision 111, 120):
     * a route keeps no copy of its own body then, so that nothing is kept twice.
     */
    pageCache?: boolean;
    /**
     * Set by a loader when part of the data it streams (a promise in its answer) failed:
     * the page then says `no-store` when it is rendered whole, so that the rendered-page
     * cache does not keep it (decision 127).
     */
    partialPage?: boolean;
    /**
     * True when the server's entry opens `startStreamedData` (scripts/server.ts): a loader may
     * then hold back the queries of the data it streams until the page's first bytes are out.
     * On SQLite each query runs on the event loop, so ten aggregates started with the loader
     * would run before React could write the shell (decision 127).
     */
    holdStreamedData?: boolean;
    /** Set by a loader that holds its streamed data back; called by entry.server (decision 127). */
    startStreamedData?: () => void;
  }
}
