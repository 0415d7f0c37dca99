// How long a reviewer's rationale for a link decision may be: read by the form's
// HTML constraints in the browser and by the zod schema on the server
// (app/models/link.schema.ts), from a module without zod so the page does not carry it.
export const RATIONALE_MIN = 3;
export const RATIONALE_MAX = 1000;
