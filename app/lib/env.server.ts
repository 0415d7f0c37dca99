// Environment variables, validated once at start (Epic Stack's env.server idea).
import * as z from "zod";
import { ConfigError, parseDatabaseUrl, type DatabaseTarget } from "./database-url.ts";

const schema = z.object({
  DATABASE_URL: z.string().optional(),
  PORT: z.string().optional(),
  SESSION_SECRET: z.string().optional(),
  NODE_ENV: z.string().optional(),
  VIGIA_DEPLOYMENT: z.string().optional(),
  TRUST_PROXY: z.string().optional(),
  BODY_LIMIT: z.string().optional(),
  PUBLIC_DASHBOARDS: z.string().optional(),
  GW_DATASET_URL: z.string().optional(),
  RATE_LIMIT_SIGN_IN_ADDRESS: z.string().optional(),
  RATE_LIMIT_SIGN_IN_ACCOUNT: z.string().optional(),
  RATE_LIMIT_WRITES_USER: z.string().optional(),
  RATE_LIMIT_EXPORTS_ADDRESS: z.string().optional(),
  RATE_LIMIT_API_ADDRESS: z.string().optional(),
  REQUIRE_SECOND_VERIFIER: z.string().optional(),
  SMALL_COUNT_THRESHOLD: z.string().optional(),
});

/** A rate limit: at most `max` requests per window of `windowMs`. */
export interface RateLimit {
  max: number;
  windowMs: number;
}

export const RATE_LIMIT_NAMES = ["signInAddress", "signInAccount", "writesUser", "exportsAddress", "apiAddress"] as const;
export type RateLimitName = (typeof RATE_LIMIT_NAMES)[number];

const RATE_LIMIT_VARS: Record<RateLimitName, { variable: string; fallback: string }> = {
  signInAddress: { variable: "RATE_LIMIT_SIGN_IN_ADDRESS", fallback: "30/15m" },
  signInAccount: { variable: "RATE_LIMIT_SIGN_IN_ACCOUNT", fallback: "10/15m" },
  writesUser: { variable: "RATE_LIMIT_WRITES_USER", fallback: "120/1m" },
  exportsAddress: { variable: "RATE_LIMIT_EXPORTS_ADDRESS", fallback: "120/1m" },
  // Requests to /api/v1 per address: a walk through 100,000 cases in pages of 500 takes 200.
  apiAddress: { variable: "RATE_LIMIT_API_ADDRESS", fallback: "600/1m" },
};

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000 } as const;

/** "30/15m" is 30 per 15 minutes (units s, m, h); "0" or "off" turns the limit off (null). */
export function parseRateLimit(variable: string, text: string): RateLimit | null {
  const value = text.trim().toLowerCase();
  if (value === "0" || value === "off") return null;
  const m = /^(\d{1,9})\/(\d{1,6})([smh])$/.exec(value);
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) {
    throw new ConfigError(`${variable} "${text}" is not a rate limit: write it as requests/time, such as 30/15m (s, m or h), or 0 to turn it off.`);
  }
  return { max: Number(m[1]), windowMs: Number(m[2]) * UNIT_MS[m[3] as keyof typeof UNIT_MS] };
}

export interface Env {
  database: DatabaseTarget;
  port: number;
  sessionSecret: string;
  /** True when no secret of the deployment's own is set (the development default is in use). */
  usingDevSecret: boolean;
  /**
   * A production deployment (NODE_ENV=production in the shell that ran npm start,
   * which then runs every server in production mode and says which in
   * VIGIA_DEPLOYMENT): no demo account signs in, cookies are Secure, HSTS is sent.
   */
  isProduction: boolean;
  /** Express's "trust proxy": false (default), a number of proxies, or addresses (TRUST_PROXY). */
  trustProxy: boolean | number | string;
  /** Largest request body in bytes outside uploads (BODY_LIMIT, default 1 MB). */
  bodyLimit: number;
  /** Whether anonymous visitors may see the aggregate dashboards. */
  publicDashboards: boolean;
  /** Where administrators may fetch the Global Witness dataset from (an http or https address), or null. */
  gwDatasetUrl: string | null;
  /** Rate limits kept in the database (null: off) */
  rateLimits: Record<RateLimitName, RateLimit | null>;
  /** Whether a case's creator is refused verifying it (someone else must) */
  requireSecondVerifier: boolean;
  /** Counts of staff records below this are shown to anonymous readers as "fewer than N" (1: nothing withheld). */
  smallCountThreshold: number;
}

const DEV_SECRET = "change-me-in-production-vigia-dev-secret";

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const raw = schema.parse(source);
  const database = parseDatabaseUrl(raw.DATABASE_URL);
  const portText = (raw.PORT ?? "").trim() || "3000";
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    throw new ConfigError(`PORT "${portText}" is not a port number: use a whole number from 1 to 65535, such as 3000.`);
  }
  const isProduction = (raw.VIGIA_DEPLOYMENT?.trim() || raw.NODE_ENV) === "production";
  const trustProxy = parseTrustProxy(raw.TRUST_PROXY);
  const bodyLimit = parseBytes(raw.BODY_LIMIT);
  const sessionSecret = raw.SESSION_SECRET?.trim() || DEV_SECRET;
  const gwText = raw.GW_DATASET_URL?.trim() ?? "";
  let gwDatasetUrl: string | null = null;
  if (gwText) {
    const url = URL.canParse(gwText) ? new URL(gwText) : null;
    if (!url || !["http:", "https:"].includes(url.protocol)) {
      throw new ConfigError(`GW_DATASET_URL "${gwText}" is not a web address: give the full http(s) address of the dataset's CSV, or leave it empty.`);
    }
    gwDatasetUrl = url.toString();
  }
  const thresholdText = (raw.SMALL_COUNT_THRESHOLD ?? "").trim() || "3";
  if (!/^\d+$/.test(thresholdText) || Number(thresholdText) < 1) {
    throw new ConfigError(`SMALL_COUNT_THRESHOLD "${thresholdText}" is not a whole number of at least 1: use 3 (the default), or 1 to show every count.`);
  }
  return {
    database,
    port,
    sessionSecret,
    usingDevSecret: sessionSecret === DEV_SECRET,
    isProduction,
    trustProxy,
    bodyLimit,
    publicDashboards: (raw.PUBLIC_DASHBOARDS ?? "1") !== "0",
    gwDatasetUrl,
    rateLimits: Object.fromEntries(
      RATE_LIMIT_NAMES.map((name) => {
        const { variable, fallback } = RATE_LIMIT_VARS[name];
        return [name, parseRateLimit(variable, source[variable]?.trim() || fallback)];
      }),
    ) as Record<RateLimitName, RateLimit | null>,
    requireSecondVerifier: (raw.REQUIRE_SECOND_VERIFIER ?? "1").trim() !== "0",
    smallCountThreshold: Number(thresholdText),
  };
}

/** TRUST_PROXY: empty, 0 or false = no proxy; true; a number of proxies in front; or addresses/subnets (Express's "trust proxy"). */
function parseTrustProxy(text: string | undefined): boolean | number | string {
  const value = (text ?? "").trim().toLowerCase();
  if (!value || value === "0" || value === "false") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** BODY_LIMIT: bytes, or a number with kb/mb (1024-based); default 1 MB. */
function parseBytes(text: string | undefined): number {
  const value = (text ?? "").trim().toLowerCase();
  if (!value) return DEFAULT_BODY_LIMIT;
  const m = /^(\d+)\s*(b|kb|mb)?$/.exec(value);
  if (!m || Number(m[1]) < 1) {
    throw new ConfigError(`BODY_LIMIT "${text}" is not a size: give bytes or a number with kb or mb, such as 1mb.`);
  }
  return Number(m[1]) * (m[2] === "mb" ? 1024 * 1024 : m[2] === "kb" ? 1024 : 1);
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= readEnv();
  return cached;
}
