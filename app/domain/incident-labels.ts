// Labels of the incident form's fields and readable values of a form version, for
// the error summary and the conflict view (theirs vs yours).
import type { TFunction } from "i18next";
import type { IncidentField, IncidentFormValues } from "~/models/incident.schema.ts";
import { formatDate } from "~/lib/format.ts";
import type { Language } from "~/lib/i18n.ts";
import { stateName } from "./incident-format.ts";

/** The label of a field path as the form names it ("sources.1.url" -> "Source 2: web address"). */
export function incidentFieldLabel(path: string, t: TFunction): string {
  const parts = path.split(".");
  if (parts[0] === "date") return parts[1] ? `${t("incidents.fields.date")}: ${t(`incidents.fields.${parts[1]}`)}` : t("incidents.fields.date");
  if (parts[0] === "sources") {
    if (parts.length < 3) return t("incidents.fields.sources");
    const n = Number(parts[1]) + 1;
    return t(parts[2] === "url" ? "incidents.fields.sourceUrl" : "incidents.fields.sourceTitle", { n });
  }
  if (parts[0] === "company") return t(parts[1] === "country" ? "incidents.fields.companyCountry" : "incidents.fields.companyName");
  if (parts[0] === "confidential") return t(`incidents.fields.${parts[1]}`);
  return t(`incidents.fields.${parts[0]}`);
}

/** A field's value in one version of the form, as text a person reads. */
export function incidentFieldText(
  field: IncidentField,
  v: IncidentFormValues,
  t: TFunction,
  lng: Language,
  countryLabel: (code: string) => string = (code) => code,
): string {
  const none = t("incidents.values.none");
  const or = (s: string) => (s.trim() ? s.trim() : none);
  switch (field) {
    case "date": {
      const { year, month, day } = v.date;
      const iso = [year.trim(), month.trim() && month.trim().padStart(2, "0"), day.trim() && day.trim().padStart(2, "0")].filter(Boolean).join("-");
      if (!iso) return none;
      return /^\d{4}(-\d{2}(-\d{2})?)?$/.test(iso) &&
        !Number.isNaN(new Date(`${iso.length === 4 ? `${iso}-01-01` : iso.length === 7 ? `${iso}-01` : iso}T00:00:00Z`).getTime())
        ? formatDate(iso, lng)
        : iso;
    }
    case "victimNamePublic":
      return t(v.victimNamePublic ? "incidents.values.yes" : "incidents.values.no");
    case "gender":
      return v.gender ? t(`taxonomy.gender.${v.gender}`, { defaultValue: v.gender }) : none;
    case "sector":
      return v.sector ? t(`taxonomy.sector.${v.sector}`, { defaultValue: v.sector }) : none;
    case "perpetratorType":
      return v.perpetratorType ? t(`taxonomy.perpetrator.${v.perpetratorType}`, { defaultValue: v.perpetratorType }) : none;
    case "outcome":
      return v.outcome ? t(`taxonomy.outcome.${v.outcome}`, { defaultValue: v.outcome }) : none;
    case "characteristics":
      return v.characteristics.length ? v.characteristics.map((c) => t(`taxonomy.characteristic.${c}`, { defaultValue: c })).join(", ") : none;
    case "stateCode":
      return stateName(v.stateCode || null, t);
    case "company.name":
      return or(v.company.name);
    case "company.country":
      return v.company.country ? countryLabel(v.company.country) : none;
    case "sources": {
      const rows = v.sources.filter((s) => s.url.trim() || s.title.trim());
      return rows.length ? rows.map((s) => [s.title.trim(), s.url.trim()].filter(Boolean).join(" — ")).join("\n") : none;
    }
    case "confidential.witnesses":
      return or(v.confidential.witnesses);
    case "confidential.contacts":
      return or(v.confidential.contacts);
    case "confidential.exactLocation":
      return or(v.confidential.exactLocation);
    case "confidential.confidentialNotes":
      return or(v.confidential.confidentialNotes);
    case "victimName":
      return or(v.victimName);
    case "age":
      return or(v.age);
    case "victimCount":
      return or(v.victimCount);
    case "municipality":
      return or(v.municipality);
    case "description":
      return or(v.description);
  }
}
