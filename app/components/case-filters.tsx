// The case list's filters: a plain GET form, so the URL holds every filter and a
// link reproduces the view (same parameters as app/models/incident-filter.ts).
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FILTER_PARAMS, type IncidentFilter } from "~/domain/incident-filter.ts";
import { SEARCH_MAX_LENGTH, SEARCH_PARAM } from "~/domain/case-search.ts";
import {
  CHARACTERISTICS,
  GENDERS,
  MX_STATE_CODES,
  MX_STATES,
  ORIGINS,
  OUTCOMES,
  PERPETRATOR_TYPES,
  SECTORS,
  VERIFICATION_STATUSES,
} from "~/domain/taxonomy.ts";

type ListKey = Exclude<keyof IncidentFilter, "yearFrom" | "yearTo">;

export function CaseFilters({ filter, q, sort, sorts }: { filter: IncidentFilter; q: string | null; sort: string; sorts: readonly string[] }) {
  const { t } = useTranslation();
  const groups: { key: ListKey; label: string; options: { value: string; label: string }[] }[] = [
    {
      key: "verification",
      label: t("incidents.filters.verification"),
      options: VERIFICATION_STATUSES.map((v) => ({ value: v, label: t(`taxonomy.verification.${v}`) })),
    },
    { key: "outcomes", label: t("incidents.filters.outcome"), options: OUTCOMES.map((v) => ({ value: v, label: t(`taxonomy.outcome.${v}`) })) },
    {
      key: "states",
      label: t("incidents.filters.state"),
      options: [
        ...MX_STATE_CODES.map((v) => ({ value: v as string, label: MX_STATES[v] as string })),
        { value: "unknown", label: t("taxonomy.state.unknown") },
      ],
    },
    { key: "sectors", label: t("incidents.filters.sector"), options: SECTORS.map((v) => ({ value: v, label: t(`taxonomy.sector.${v}`) })) },
    {
      key: "perpetrators",
      label: t("incidents.filters.perpetrator"),
      options: PERPETRATOR_TYPES.map((v) => ({ value: v, label: t(`taxonomy.perpetrator.${v}`) })),
    },
    {
      key: "characteristics",
      label: t("incidents.filters.characteristic"),
      options: CHARACTERISTICS.map((v) => ({ value: v, label: t(`taxonomy.characteristic.${v}`) })),
    },
    { key: "genders", label: t("incidents.filters.gender"), options: GENDERS.map((v) => ({ value: v, label: t(`taxonomy.gender.${v}`) })) },
    { key: "origins", label: t("incidents.filters.origin"), options: ORIGINS.map((v) => ({ value: v, label: t(`taxonomy.origin.${v}`) })) },
  ];
  return (
    <Form method="get" className="case-filters" aria-labelledby="case-filters-title">
      <h2 id="case-filters-title" className="small-heading">
        {t("incidents.filters.title")}
      </h2>
      <div className="filter-row">
        <label className="case-search">
          {t("incidents.filters.search")}
          <input type="search" name={SEARCH_PARAM} maxLength={SEARCH_MAX_LENGTH} defaultValue={q ?? ""} aria-describedby="case-search-hint" />
        </label>
        <span id="case-search-hint" className="small muted">
          {t("incidents.filters.searchHint")}
        </span>
      </div>
      <div className="filter-row">
        <label>
          {t("incidents.filters.yearFrom")}
          <input name={FILTER_PARAMS.yearFrom} inputMode="numeric" size={5} defaultValue={filter.yearFrom ?? ""} />
        </label>
        <label>
          {t("incidents.filters.yearTo")}
          <input name={FILTER_PARAMS.yearTo} inputMode="numeric" size={5} defaultValue={filter.yearTo ?? ""} />
        </label>
        <label>
          {t("incidents.filters.sort")}
          <select name="sort" defaultValue={sort}>
            {sorts.map((s) => (
              <option key={s} value={s}>
                {t(`incidents.filters.sorts.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="filter-groups">
        {groups.map((g) => {
          const chosen = filter[g.key] ?? [];
          return (
            <details key={g.key} open={chosen.length > 0 || undefined}>
              <summary>
                {g.label}
                {chosen.length ? <span className="muted"> ({t("incidents.filters.chosen", { count: chosen.length })})</span> : null}
              </summary>
              <fieldset>
                <legend className="visually-hidden">{g.label}</legend>
                {g.options.map((o) => (
                  <label key={o.value} className="checkbox-label">
                    <input type="checkbox" name={FILTER_PARAMS[g.key]} value={o.value} defaultChecked={chosen.includes(o.value)} /> {o.label}
                  </label>
                ))}
              </fieldset>
            </details>
          );
        })}
      </div>
      <div className="form-actions">
        <button type="submit" className="button-primary">
          {t("incidents.filters.apply")}
        </button>
        <a href="?">{t("incidents.filters.clear")}</a>
      </div>
    </Form>
  );
}
