import { createContext, useContext } from "react";

// This response's CSP nonce, from entry.server (the server's load context) to the
// root layout, which hands it to every script Remix writes (decision 093). In the
// browser it is empty: browsers hide the attribute, and scripts added after
// hydration are trusted through 'strict-dynamic'.
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
