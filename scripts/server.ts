// The HTTP server: Express in front of the Remix build. Only /embed/* may be
// framed by other sites; everything else refuses framing.
import { createServer } from "node:http";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { ConfigError } from "../app/lib/database-url.ts";
import { env } from "../app/lib/env.server.ts";
import { addressOf } from "../app/lib/rate-limit.server.ts";

const root = resolve(import.meta.dirname, "..");

/** A server build: by default the production one that `npm start` serves. `fresh` loads a rewritten file anew. */
export async function importBuild(path = join(root, "build/index.js"), { fresh = false } = {}): Promise<ServerBuild> {
  const url = pathToFileURL(path);
  // Node caches modules by URL: a new query string makes it read the file again.
  if (fresh) url.search = `t=${Date.now()}`;
  return (await import(url.href)) as ServerBuild;
}

/**
 * The Express app around a Remix build. `build` may be a function, so that
 * `npm run dev` can hand every request the newest build (scripts/dev.ts).
 */
export async function createApp({
  build,
  mode = "production",
}: { build?: ServerBuild | (() => Promise<ServerBuild>); mode?: "production" | "development" } = {}) {
  const serverBuild = build ?? (await importBuild());
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", true);
  app.use((req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    if (req.path.startsWith("/embed/")) {
      res.setHeader("Content-Security-Policy", "frame-ancestors *");
    } else {
      res.setHeader("X-Frame-Options", "DENY");
      res.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
    }
    next();
  });
  app.use("/build", express.static(join(root, "public/build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(join(root, "public"), { maxAge: "1h" }));
  // The client's address for the rate limits (app/lib/rate-limit.server.ts).
  const getLoadContext = (req: express.Request) => ({ clientAddress: addressOf(req.socket.remoteAddress, req.headers["x-forwarded-for"], env().trustProxy) });
  app.all("*", createRequestHandler({ build: serverBuild, mode, getLoadContext }));
  return app;
}

export async function startServer({ port, databaseKind, app }: { port: number; databaseKind: string; app?: express.Express }) {
  app ??= await createApp();
  const server = createServer(app);
  await new Promise<void>((resolveListen, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        reject(new ConfigError(`port ${port} is already in use: stop the program using it, or choose another port, for example PORT=3001 npm start.`));
      } else if (error.code === "EACCES") {
        reject(new ConfigError(`this user may not listen on port ${port}: choose a port above 1024, for example PORT=3000 npm start.`));
      } else reject(error);
    });
    server.listen(port, () => resolveListen());
  });
  console.log(`Vigía is running at http://localhost:${port} (database: ${databaseKind})`);
  const stop = () => server.close(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return server;
}
