// An audit event's before -> after, field by field, in the reader's language.
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { Language } from "~/lib/i18n.ts";
import { stateName } from "~/domain/incident-format.ts";

type Values = Record<string, unknown> | null;

/** Names of the company countries that appear in some audit events (computed on the server). */
export function auditCountryNames(events: { before: Values; after: Values }[], name: (code: string) => string): Record<string, string> {
  const names: Record<string, string> = {};
  for (const e of events) {
    for (const v of [e.before?.companyCountry, e.after?.companyCountry]) if (typeof v === "string" && v) names[v] = name(v);
  }
  return names;
}

const CODE_LABELS: Record<string, string> = {
  gender: "taxonomy.gender",
  sector: "taxonomy.sector",
  perpetratorType: "taxonomy.perpetrator",
  outcome: "taxonomy.outcome",
  verificationStatus: "taxonomy.verification",
  characteristics: "taxonomy.characteristic",
  origin: "taxonomy.origin",
  role: "auth.roles",
};

export function auditKeyLabel(key: string, t: TFunction): string {
  if (key === "occurredOn") return t("incidents.fields.date");
  if (key === "staffOnlyFieldsChanged" || key === "staffOnlyFieldsFilled" || key === "savedDespitePossibleDuplicates" || key === "sessionsRevoked") {
    return t(`admin.audit.keys.${key}`);
  }
  if (["email", "name", "role", "active"].includes(key)) return t(`admin.audit.keys.${key}`);
  return t(`incidents.fields.${key}`, { defaultValue: key });
}

export function auditValueText(key: string, value: unknown, t: TFunction, lng: Language, countries: Record<string, string> = {}): string {
  if (value === null || value === undefined || value === "") return t("incidents.values.none");
  if (typeof value === "boolean") return t(value ? "incidents.values.yes" : "incidents.values.no");
  if (Array.isArray(value)) {
    if (!value.length) return t("incidents.values.none");
    if (key === "staffOnlyFieldsChanged" || key === "staffOnlyFieldsFilled") return value.map((v) => auditKeyLabel(String(v), t)).join(", ");
    return value.map((v) => auditValueText(key, v, t, lng, countries)).join("; ");
  }
  const text = String(value);
  if (key === "stateCode") return stateName(text, t);
  if (key === "companyCountry") return countries[text] ? `${countries[text]} (${text})` : text;
  if (key === "datePrecision") return t(`incidents.values.precision.${text}`, { defaultValue: text });
  const prefix = CODE_LABELS[key];
  if (prefix) return t(`${prefix}.${text}`, { defaultValue: text });
  return text;
}

export function AuditChanges({ before, after, lng, countries }: { before: Values; after: Values; lng: Language; countries?: Record<string, string> }) {
  const { t } = useTranslation();
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  if (!keys.length) return null;
  return (
    <dl className="audit-changes">
      {keys.map((key) => {
        const hasBefore = before !== null && Object.hasOwn(before, key);
        const hasAfter = after !== null && Object.hasOwn(after, key);
        return (
          <div key={key} className="audit-change">
            <dt>{auditKeyLabel(key, t)}</dt>
            <dd>
              {hasBefore ? <del>{auditValueText(key, before![key], t, lng, countries)}</del> : null}
              {hasBefore && hasAfter ? <span aria-hidden="true"> → </span> : null}
              {hasAfter ? <ins>{auditValueText(key, after![key], t, lng, countries)}</ins> : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
