import { texts as main } from "./admin/admin.ts";
import { texts as audit } from "./admin/admin-audit.ts";

// User administration and the audit log (administrators only).
// The browser loads its parts one by one (app/lib/i18n.ts); the server holds them together.
export const admin = { ...main, ...audit };
