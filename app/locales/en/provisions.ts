import { texts as main } from "./provisions/provisions.ts";
import { texts as links } from "./provisions/provisions-links.ts";
import { texts as form } from "./provisions/provisions-form.ts";
import { texts as views } from "./provisions/provisions-views.ts";

// Commitments: provisions, link suggestions and review, scorecards, the accountability matrix.
// The browser loads its parts one by one (app/lib/i18n.ts); the server holds them together.
export const provisions = { ...main, ...links, ...form, ...views };
