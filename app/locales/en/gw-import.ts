import { texts as main } from "./gw-import/gw-import.ts";
import { texts as preview } from "./gw-import/gw-import-preview.ts";

// Import of the Global Witness dataset (administrators; the command line uses the English texts).
// The browser loads its parts one by one (app/lib/i18n.ts); the server holds them together.
export const gwImport = { ...main, ...preview };
