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
  }
}
