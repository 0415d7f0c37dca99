// Environment variables, validated once at start (Epic Stack's env.server idea).
import { z } from "zod";
import { ConfigError, parseDatabaseUrl, type DatabaseTarget } from "./database-url.ts";

const schema = z.object({
  DATABASE_URL: z.string().optional(),
  PORT: z.string().optional(),
  SESSION_SECRET: z.string().optional(),
  NODE_ENV: z.string().optional(),
  PUBLIC_DASHBOARDS: z.string().optional(),
  GW_DATASET_URL: z.string().optional(),
  SMALL_COUNT_THRESHOLD: z.string().optional(),
});

export interface Env {
  database: DatabaseTarget;
  port: number;
  sessionSecret: string;
  /** True when no secret of the deployment's own is set (the development default is in use). */
  usingDevSecret: boolean;
  isProduction: boolean;
  /** Whether anonymous visitors may see the aggregate dashboards. */
  publicDashboards: boolean;
  /** Where administrators may fetch the Global Witness dataset from (an http or https address), or null. */
  gwDatasetUrl: string | null;
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
  const isProduction = raw.NODE_ENV === "production";
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
    publicDashboards: (raw.PUBLIC_DASHBOARDS ?? "1") !== "0",
    gwDatasetUrl,
    smallCountThreshold: Number(thresholdText),
  };
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= readEnv();
  return cached;
}
