// What the HTTP server (scripts/server.ts) hands every loader, action and
// entry.server: this request's Content-Security-Policy nonce (decision 093).
export {};

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The nonce every inline script of this response must carry. */
    cspNonce?: string;
  }
}
