// A case record's fields as the case page shows them, row by row, from CASE_FIELDS
// (app/models/incident.schema.ts): the same readable values as the conflict view.
import type { ReactNode } from "react";
import { type Language, useTranslation } from "~/lib/i18n.ts";
import { caseField, FORM_LAYOUT, fieldPath, fieldValue, incidentFieldText, incidentToFormValues, type CaseFieldKey } from "~/models/incident.schema.ts";
import type { PublicIncident, StaffIncident } from "~/models/incident.server.ts";

export function RecordRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="record-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * The rows of one group of fields: what every reader of the case may see
 * ("record": staff also see the staff-only fields stored with the case), or the
 * sensitive fields ("sensitive", staff only). Sources have a section of their own.
 */
export function CaseRecordRows({
  incident,
  group,
  staff,
  lng,
  countryName,
  after,
}: {
  incident: PublicIncident & Partial<StaffIncident>;
  group: "record" | "sensitive";
  staff: boolean;
  lng: Language;
  /** Country names come from the server (hydration-safe) */
  countryName: (code: string) => string;
  /** Something to show after a field's value (e.g. the source's own text where Vigía has no code for it) */
  after?: Partial<Record<CaseFieldKey, ReactNode>>;
}) {
  const { t } = useTranslation();
  const values = incidentToFormValues(incident);
  const ctx = { t, lng, countryName };
  const keys = FORM_LAYOUT.flatMap((s) => s.keys).filter((key) => {
    const { visibility, control } = caseField(key);
    if (control.type === "sources") return false;
    if (group === "sensitive") return visibility === "sensitive";
    return visibility === "public" || (visibility === "staff" && staff);
  });
  return (
    <>
      {keys.map((key) => (
        <RecordRow key={key} label={t(`incidents.fields.${key}`)}>
          <FieldValue name={key} text={incidentFieldText(fieldPath(key), values, ctx)} raw={fieldValue(values, key)} incident={incident} />
          {after?.[key] ?? null}
        </RecordRow>
      ))}
    </>
  );
}

function FieldValue({ name, text, raw, incident }: { name: CaseFieldKey; text: string; raw: unknown; incident: PublicIncident }) {
  const { t } = useTranslation();
  const control = caseField(name).control;
  if (name === "victimName") {
    // A withheld name reaches viewers as null: say that it is withheld, not that it is unknown.
    return (
      <span id="record-victim-name">
        {incident.victimName ?? (incident.nameWithheld ? t("incidents.values.nameWithheld") : t("incidents.values.nameUnknown"))}
      </span>
    );
  }
  if (control.type === "date") {
    return (
      <>
        {text} <span className="muted small">({t(`incidents.values.precision.${incident.datePrecision}`)})</span>
      </>
    );
  }
  if (control.type === "textarea" && typeof raw === "string" && raw.trim()) {
    return (
      <p id={`record-${name}`} className="prewrap">
        {text}
      </p>
    );
  }
  return <>{text}</>;
}
