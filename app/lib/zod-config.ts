// Zod builds fast object parsers with `new Function`, and probes for it first. In
// the browser the enforced CSP (decision 093) has no 'unsafe-eval', so even the
// caught probe is reported as a violation on every page whose form checks with a
// shared schema. Without JIT, zod neither compiles nor probes (decision 110).
// root.tsx imports this first, so that it runs before any schema is built; the
// server keeps the compiled parsers (no CSP applies there).
import * as z from "zod";

if (typeof document !== "undefined") z.config({ jitless: true });
