// `npm run links:suggest`: runs the link suggestion rules and the text signal
// over every case record of the database named by DATABASE_URL (migrated and
// seeded first, as `npm start` does), printing progress. Human decisions are
// never changed; re-running creates no duplicate. The same run an admin starts
// from /provisions/rules.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ConfigError } from "../app/lib/database-url.ts";
import { disconnectDb } from "../app/lib/db.server.ts";
import { RULES_VERSION } from "../app/domain/link-rules.ts";
import { createLinkSuggestionJob, runLinkSuggestionJob } from "../app/models/link-job.server.ts";
import { setUpDatabase } from "./db-setup.ts";

export async function suggestAllLinks(log: (line: string) => void = console.log) {
  const { job, alreadyRunning } = await createLinkSuggestionJob(null);
  if (alreadyRunning) log(`A run is already under way (${job.id}, ${job.processed}/${job.total}); continuing it here.`);
  else log(`Suggesting links for ${job.total} case records with rules ${RULES_VERSION} (run ${job.id})…`);
  const done = await runLinkSuggestionJob(job.id, (j) => log(`  ${j.processed}/${j.total} case records`));
  if (!done || done.status !== "done") throw new Error(`The run stopped: ${done?.error ?? "unknown error"}`);
  log(`Done: ${done.created} suggestions created, ${done.updated} updated, ${done.removed} withdrawn; decisions left as they were.`);
  return done;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = resolve(import.meta.dirname, "..");
  process.chdir(root);
  if (existsSync(".env")) process.loadEnvFile(".env");
  try {
    await setUpDatabase({ log: console.log });
    await suggestAllLinks();
    await disconnectDb();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
}
