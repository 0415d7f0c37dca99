import { texts as main } from "./incidents/incidents.ts";
import { texts as filters } from "./incidents/incidents-filters.ts";
import { texts as removal } from "./incidents/incidents-removal.ts";

// The case list, the case page, the incident form, verification, delete and purge.
// The browser loads its parts one by one (app/lib/i18n.ts); the server holds them together.
export const incidents = { ...main, ...filters, ...removal };
