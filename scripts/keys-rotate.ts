// `npm run keys:rotate`: rewrites every confidential field and second-factor secret under DATA_KEY,
// reading what is under DATA_KEY_PREVIOUS (or still plain text). Once it has run,
// DATA_KEY_PREVIOUS is no longer needed (decision 102).
import { ConfigError } from "../app/lib/database-url.ts";
import { disconnectDb } from "../app/lib/db.server.ts";
import { readDataKeys } from "../app/lib/field-crypto.server.ts";
import { reencryptConfidentialFields } from "../app/models/incident.server.ts";
import { reencryptTotpSecrets } from "../app/models/user.server.ts";
import { setUpDatabase } from "./db-setup.ts";
import { enterProject } from "./prepare.ts";

async function main() {
  enterProject();
  const keys = readDataKeys();
  await setUpDatabase({ log: () => {} });
  const { rows, rewritten } = await reencryptConfidentialFields();
  console.log(`Confidential fields of ${rows} case records checked; ${rewritten} rewritten under key ${keys.current.id}.`);
  // Second-factor secrets are under the same key (docs/decisions/105).
  const totp = await reencryptTotpSecrets();
  console.log(`Second-factor secrets of ${totp.rows} accounts checked; ${totp.rewritten} rewritten under key ${keys.current.id}.`);
  if (keys.previous) console.log("DATA_KEY_PREVIOUS is no longer needed: remove it from the environment.");
  await disconnectDb();
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Key rotation failed: ${error.message}` : error);
  process.exit(1);
});
