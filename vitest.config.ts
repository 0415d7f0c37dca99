import { resolve } from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "~": resolve(import.meta.dirname, "app") };
const dbTests = ["tests/models/**/*.test.ts", "tests/routes/**/*.test.ts", "tests/seeds/**/*.test.ts", "tests/scripts/**/*.test.ts"];

// Model and loader tests run against SQLite always, and against PostgreSQL too
// whenever TEST_POSTGRES_URL is set (.ci/run sets it).
const databases = process.env.TEST_POSTGRES_URL ? (["sqlite", "postgresql"] as const) : (["sqlite"] as const);

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/charts/**/*.test.ts", "tests/components/**/*.test.tsx", "tests/domain/**/*.test.ts", "tests/lib/**/*.test.ts"],
          setupFiles: ["tests/setup/msw.ts"],
          environment: "node",
        },
      },
      ...databases.map((kind) => ({
        resolve: { alias },
        test: {
          name: `db-${kind}`,
          include: dbTests,
          // Writes and exports are limited per user and address (app/lib/rate-limit.server.ts); route tests
          // make many from one user without a client address, so they run with generous limits unless a
          // test file sets its own (tests/routes/rate-limits.test.ts).
          env: { TEST_DB_KIND: kind, RATE_LIMIT_WRITES_USER: "100000/1m", RATE_LIMIT_EXPORTS_ADDRESS: "100000/1m", RATE_LIMIT_API_ADDRESS: "100000/1m" },
          globalSetup: ["tests/setup/db-global.ts"],
          setupFiles: ["tests/setup/msw.ts", "tests/setup/db-file.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      })),
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/e2e/global-setup.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
