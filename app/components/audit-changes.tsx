// An audit event's before -> after, field by field, in the reader's language.
import type { TFunction } from "~/lib/translate.ts";
import { useTranslation } from "~/lib/i18n.ts";
import { stateName } from "~/domain/incident-format.ts";
import type { SystemActor } from "~/models/audit.server.ts";

type Values = Record<string, unknown> | null;

/** The company countries some audit events mention, whose names the loader sends (see countries.server.ts). */
export function auditCountryCodes(events: { before: Values; after: Values }[]): string[] {
  const codes = new Set<string>();
  for (const e of events) {
    for (const v of [e.before?.companyCountry, e.after?.companyCountry]) if (typeof v === "string" && v) codes.add(v);
  }
  return [...codes];
}

/** Who made a change: a person, a part of Vigía ("Vigía (rules v…)"), or a person whose account is gone. */
export function AuditActor({ event }: { event: { actor: { name: string } | null; system: SystemActor | null } }) {
  const { t } = useTranslation();
  if (event.actor) return <>{event.actor.name}</>;
  if (event.system) return <>{t(`admin.audit.systemActor.${event.system.part}`, { version: event.system.version })}</>;
  return <>{t("admin.audit.deletedActor")}</>;
}

const CODE_LABELS: Record<string, string> = {
  gender: "taxonomy.gender",
  sector: "taxonomy.sector",
  perpetratorType: "taxonomy.perpetrator",
  outcome: "taxonomy.outcome",
  verificationStatus: "taxonomy.verification",
  characteristics: "taxonomy.characteristic",
  origin: "taxonomy.origin",
  role: "app.roles",
  secondFactor: "admin.audit.secondFactor",
  linkType: "provisions.linkTypes.types",
  method: "provisions.links.methods",
  status: "provisions.links.statuses",
};

/** A record kind's own name for a field, given the general one (AuditChanges' fieldLabel). */
export type FieldLabel = (key: string, general: string) => string;

/**
 * An audit key's label: the record's own (fieldLabel: the audit log names a commitment
 * record's fields as on its form); otherwise admin.audit.keys, which holds every key the
 * audit events write that is not a case record's field (accounts, links, imports, jobs);
 * a case's fields as on its form.
 */
function auditKeyLabel(key: string, t: TFunction, fieldLabel?: FieldLabel): string {
  if (key === "occurredOn") return t("incidents.fields.date");
  const general = t(`admin.audit.keys.${key}`, { defaultValue: t(`incidents.fields.${key}`, { defaultValue: key }) });
  return fieldLabel ? fieldLabel(key, general) : general;
}

function auditValueText(key: string, value: unknown, t: TFunction, countries: Record<string, string> = {}): string {
  if (value === null || value === undefined || value === "") return t("incidents.values.none");
  if (typeof value === "boolean") return t(value ? "incidents.values.yes" : "incidents.values.no");
  if (Array.isArray(value)) {
    if (!value.length) return t("incidents.values.none");
    if (key === "staffOnlyFieldsChanged" || key === "staffOnlyFieldsFilled" || key === "keptFields")
      return value.map((v) => auditKeyLabel(String(v), t)).join(", ");
    return value.map((v) => auditValueText(key, v, t, countries)).join("; ");
  }
  const text = String(value);
  if (key === "stateCode") return stateName(text, t);
  if (key === "companyCountry") return countries[text] ? `${countries[text]} (${text})` : text;
  if (key === "datePrecision") return t(`incidents.values.precision.${text}`, { defaultValue: text });
  const prefix = CODE_LABELS[key];
  if (prefix) return t(`${prefix}.${text}`, { defaultValue: text });
  return text;
}

export function AuditChanges({
  before,
  after,
  countries,
  fieldLabel,
}: {
  before: Values;
  after: Values;
  countries?: Record<string, string>;
  /**
   * How the kind of record changed names its fields, when not as a case or an account does:
   * given by the page that shows such records, so that a page showing only case records
   * (the case page) does not load the commitment forms' texts (docs/decisions/126).
   */
  fieldLabel?: FieldLabel;
}) {
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
            <dt>{auditKeyLabel(key, t, fieldLabel)}</dt>
            <dd>
              {hasBefore ? <del>{auditValueText(key, before![key], t, countries)}</del> : null}
              {hasBefore && hasAfter ? <span aria-hidden="true"> → </span> : null}
              {hasAfter ? <ins>{auditValueText(key, after![key], t, countries)}</ins> : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
