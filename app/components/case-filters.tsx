// The case list's filters: a plain GET form, so the URL holds every filter and a
// link reproduces the view (same parameters as app/models/incident-filter.ts).
import { useTranslation } from "~/lib/i18n.ts";
import { FILTER_PARAMS, type IncidentFilter } from "~/domain/incident-filter.ts";
import { CountryChoice, offersCountryChoice, type CountryOption } from "./country-choice.tsx";
import { FilterForm } from "./filter-form.tsx";
import { taxonomyOptions, type TaxonomyOption } from "./taxonomy-options.ts";
import { SEARCH_MAX_LENGTH, SEARCH_PARAM } from "~/domain/case-search.ts";

type ListKey = Exclude<keyof IncidentFilter, "yearFrom" | "yearTo">;

export function CaseFilters({
  filter,
  q,
  sort,
  sorts,
  countries,
}: {
  filter: IncidentFilter;
  q: string | null;
  sort: string;
  sorts: readonly string[];
  /** Countries with case records; the country choice appears once there is more than Mexico */
  countries: CountryOption[];
}) {
  const { t } = useTranslation();
  const options = taxonomyOptions(t);
  const groups: { key: ListKey; label: string; options: TaxonomyOption[] }[] = (
    [
      ["verification", "verification"],
      ["outcomes", "outcome"],
      ["states", "state"],
      ["sectors", "sector"],
      ["perpetrators", "perpetrator"],
      ["characteristics", "characteristic"],
      ["genders", "gender"],
      ["origins", "origin"],
    ] as const
  ).map(([key, dimension]) => ({ key, label: t(`incidents.filters.${dimension}`), options: options[dimension] }));
  return (
    <FilterForm
      id="case-filters-title"
      title={t("incidents.filters.title")}
      applyLabel={t("incidents.filters.apply")}
      clearHref="?"
      clearLabel={t("incidents.filters.clear")}
    >
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
      {offersCountryChoice(countries, filter.countries?.[0]) ? (
        <CountryChoice
          countries={countries}
          chosen={filter.countries?.[0]}
          name={FILTER_PARAMS.countries}
          label={t("incidents.filters.country")}
          allLabel={t("incidents.filters.allCountries")}
          hint={t("incidents.filters.countryHint")}
        />
      ) : null}
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
    </FilterForm>
  );
}
