// What scripts/server.ts puts in every loader's and action's context.
export {};

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address, for the rate limits (app/lib/rate-limit.server.ts) */
    clientAddress?: string;
  }
}
