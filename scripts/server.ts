// The HTTP server: Express in front of the Remix build. Every request passes the
// same guards here (headers, CSP nonce, write checks, body limits, cache rule).
// Only /embed/* may be framed by other sites; everything else refuses framing.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { constants as zlib } from "node:zlib";
import compression from "compression";
import express from "express";
import { createRequestHandler as createRemixHandler, writeReadableStreamToWritable, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import "../app/load-context.ts";
import { ConfigError } from "../app/lib/database-url.ts";
import { watchPlannerStatistics } from "../app/lib/db.server.ts";
import { env } from "../app/lib/env.server.ts";
import { cachedResponse, contentSecurityPolicy, CSP_REPORT_PATH, isCrossSite, isCspReportContentType, isFormContentType } from "../app/lib/http.server.ts";
import type { cachedPage } from "../app/models/page-cache.server.ts";
import { languageCookieFromQuery } from "../app/lib/i18n.server.ts";
import { MAX_UPLOAD_BYTES, UPLOAD_PATHS } from "../app/lib/upload.server.ts";

const root = resolve(import.meta.dirname, "..");

/** A server build: by default the production one that `npm start` serves. `fresh` loads a rewritten file anew. */
export async function importBuild(path = join(root, "build/index.js"), { fresh = false } = {}): Promise<ServerBuild> {
  const url = pathToFileURL(path);
  // Node caches modules by URL: a new query string makes it read the file again.
  if (fresh) url.search = `t=${Date.now()}`;
  return (await import(url.href)) as ServerBuild;
}

function remixHeaders(req: express.Request): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const item of [value ?? []].flat()) headers.append(name, item);
  }
  return headers;
}

async function sendRemixResponse(res: express.Response, response: Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

const CSP_REPORT_LIMIT = 16 * 1024;
/** Room for the form around an uploaded file (boundaries, other fields). */
const UPLOAD_FORM_ROOM = 1024 * 1024;

function plain(res: express.Response, status: number, text: string) {
  res.status(status).set("Content-Type", "text/plain; charset=utf-8").set("Cache-Control", "no-store").send(text);
}

/** The address of the request as Express sees it (X-Forwarded-* only when TRUST_PROXY trusts the proxy). */
function requestUrl(req: express.Request): URL {
  const hostHeader = req.get("X-Forwarded-Host") && req.app.get("trust proxy fn")(req.socket.remoteAddress, 0) ? req.get("X-Forwarded-Host") : req.get("host");
  const port = hostHeader?.split(":")[1];
  return new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
}

/** The Fetch request Remix receives, with the body already read (and limited) by the server. */
function remixRequest(req: express.Request, res: express.Response, body: Buffer | undefined): Request {
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(requestUrl(req).href, {
    method: req.method,
    headers: remixHeaders(req),
    signal: controller.signal,
    body: hasBody ? new Uint8Array(body ?? Buffer.alloc(0)) : undefined,
  });
}

/**
 * Sends a Remix response under the one cache rule (cachedResponse, decision 092).
 * A 304 sends no new CSP: the browser keeps the one that matches the nonce in its copy.
 */
async function sendResponse(req: express.Request, res: express.Response, response: Response, nonce: string) {
  const answer = await cachedResponse({ method: req.method, headers: { get: (name) => req.get(name) } }, response, nonce);
  if (answer.status === 304) res.removeHeader("Content-Security-Policy");
  await sendRemixResponse(res, answer);
}

/**
 * The Express app around a Remix build. `build` may be a function, so that
 * `npm run dev` can hand every request the newest build (scripts/dev.ts).
 *
 * Every request passes the same guards here, before any route runs:
 * security headers with a fresh CSP nonce (decision 093); for a write, a
 * cross-site origin is 403, a body that is not a form 415, a body over
 * BODY_LIMIT 413 (announced or counted while it streams; uploads have their own
 * larger limit), a form that cannot be parsed 400 (decision 091); and every
 * answer goes out under the one cache rule (decision 092).
 */
export async function createApp({
  build,
  mode = "production",
}: { build?: ServerBuild | (() => Promise<ServerBuild>); mode?: "production" | "development" } = {}) {
  const serverBuild = build ?? (await importBuild());
  const config = env();
  const app = express();
  app.disable("x-powered-by");
  app.disable("etag");
  app.set("trust proxy", config.trustProxy);
  app.use((req, res, next) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    const framable = req.path.startsWith("/embed/");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce, framable));
    if (!framable) res.setHeader("X-Frame-Options", "DENY");
    // HSTS only means something over HTTPS; in production every HTTPS answer says so.
    if (config.isProduction && req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  });
  // Brotli or gzip, as the client asks, for HTML, JSON, CSV, JS and CSS (already-compressed
  // types such as PNG are left alone). Every write is flushed, so that a streamed page
  // (deferred loader data) still reaches the browser piece by piece
  // (docs/decisions/076-compression.md).
  app.use(
    compression({
      threshold: 1024,
      flush: zlib.Z_SYNC_FLUSH,
      brotli: { flush: zlib.BROTLI_OPERATION_FLUSH, params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
    }),
  );
  app.use("/build", express.static(join(root, "public/build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(join(root, "public"), { maxAge: "1h" }));

  // Where browsers report what the CSP blocked: logged, one line each; nothing else is kept.
  app.post(
    CSP_REPORT_PATH,
    (req, res, next) => (isCspReportContentType(req.get("content-type")) ? next() : plain(res, 415, "Unsupported media type")),
    express.raw({ type: () => true, limit: CSP_REPORT_LIMIT }),
    (req, res) => {
      let report: unknown = null;
      try {
        report = JSON.parse((req.body as Buffer).toString("utf8"));
      } catch {
        return plain(res, 400, "Malformed report");
      }
      console.warn(`CSP violation: ${JSON.stringify(report).slice(0, 2000)}`);
      res.status(204).set("Cache-Control", "no-store").end();
    },
  );
  app.all(CSP_REPORT_PATH, (_req, res) => plain(res, 405, "Method not allowed"));

  // Writes: same site only, a form body only, within the size limit, parseable.
  app.use((req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    if (isCrossSite({ get: (name) => req.get(name) }, requestUrl(req).host)) return plain(res, 403, "Cross-site request refused");
    if (!isFormContentType(req.get("content-type")))
      return plain(res, 415, "Unsupported media type: send a form (application/x-www-form-urlencoded or multipart/form-data)");
    const path = req.path.replace(/\.data$/, "").replace(/\/$/, "") || "/";
    const limit = UPLOAD_PATHS.includes(path) ? MAX_UPLOAD_BYTES + UPLOAD_FORM_ROOM : config.bodyLimit;
    express.raw({ type: () => true, limit })(req, res, next);
  });
  app.use(async (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    try {
      await new Request("http://form.invalid/", {
        method: "POST",
        headers: { "Content-Type": req.get("content-type")! },
        body: new Uint8Array(req.body as Buffer),
      }).formData();
      next();
    } catch {
      plain(res, 400, "Malformed form body");
    }
  });

  const handlers = new Map<ServerBuild, ReturnType<typeof createRemixHandler>>();
  app.all("*", async (req, res, next) => {
    try {
      const current = typeof serverBuild === "function" ? await serverBuild() : serverBuild;
      let handle = handlers.get(current);
      if (!handle) {
        handlers.clear();
        handle = createRemixHandler(current, mode);
        handlers.set(current, handle);
      }
      const nonce = res.locals.cspNonce as string;
      // The client's address for the rate limits (app/lib/rate-limit.server.ts): Express's req.ip,
      // which follows TRUST_PROXY ("trust proxy" above) for X-Forwarded-For.
      const context = (cspNonce: string, pageCache = false): AppLoadContext => ({
        cspNonce,
        clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
        pageCache,
        // entry.server opens the gate once the page's first bytes are out (decision 127).
        holdStreamedData: true,
      });
      const request = remixRequest(req, res, req.body as Buffer | undefined);
      // Anonymous reads of public pages and exports from the rendered-page cache (decisions 111, 120); everything else rendered.
      const pageCache = (current.entry.module as { cachedPage?: typeof cachedPage }).cachedPage;
      let response = (await pageCache?.(request, nonce, (r, cspNonce) => handle!(r, context(cspNonce, true)))) ?? (await handle(request, context(nonce)));
      // An address naming a language (?lng=es) keeps it for the pages that follow.
      const language = await languageCookieFromQuery(request);
      if (language) {
        const headers = new Headers(response.headers);
        headers.append("Set-Cookie", language);
        response = new Response(response.body, { status: response.status, statusText: response.statusText, headers });
      }
      await sendResponse(req, res, response, nonce);
    } catch (error) {
      next(error);
    }
  });

  // Errors of the body reader: too large 413, a broken or aborted body 400; never a 500 for what a client sent.
  app.use((error: { status?: number; type?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(error);
    if (error.status === 413 || error.type === "entity.too.large") return plain(res, 413, "Request body too large");
    if (error.status && error.status >= 400 && error.status < 500) return plain(res, 400, "Malformed request body");
    next(error);
  });
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
  // SQLite: the server's one connection takes up statistics that an import from the command
  // line (another process) gathered, or re-analyzes after a bulk change (decision 129).
  const stopWatching = databaseKind === "sqlite" ? watchPlannerStatistics() : () => {};
  server.on("close", stopWatching);
  const stop = () => server.close(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return server;
}
