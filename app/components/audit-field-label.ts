// How the audit log names a record's fields where a case page's history would not: a commitment
// record's as on its form. Apart from audit-changes.tsx so that the case page, which shows case
// records only, does not load the commitment forms' texts (docs/decisions/126).
import type { TFunction } from "~/lib/translate.ts";
import type { FieldLabel } from "./audit-changes.tsx";

/** Records whose fields are labelled as on the commitment forms (provisions.form.fields). */
const COMMITMENT_RECORDS = ["provision", "instrument", "milestone"];

/** AuditChanges' fieldLabel for an audit event's entityType (none: as a case or an account names them). */
export function auditFieldLabel(entityType: string, t: TFunction): FieldLabel | undefined {
  return COMMITMENT_RECORDS.includes(entityType) ? (key, general) => t(`provisions.form.fields.${key}`, { defaultValue: general }) : undefined;
}
