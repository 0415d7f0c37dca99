import type { Translation } from "../en.ts";
import { texts as main } from "./incidents/incidents.ts";
import { texts as filters } from "./incidents/incidents-filters.ts";
import { texts as removal } from "./incidents/incidents-removal.ts";

// The browser loads its parts one by one (app/lib/i18n.ts); the server holds them together.
export const incidents: Translation["incidents"] = { ...main, ...filters, ...removal };
