import type { Translation } from "../en.ts";
import { texts as main } from "./gw-import/gw-import.ts";
import { texts as preview } from "./gw-import/gw-import-preview.ts";

// The browser loads its parts one by one (app/lib/i18n.ts); the server holds them together.
export const gwImport: Translation["gwImport"] = { ...main, ...preview };
