import { useTranslation } from "~/lib/i18n.ts";
import { FIGURE_CHOICES } from "~/charts/query.ts";
import type { FilterField } from "~/charts/problems.ts";
import type { FilterProblem } from "~/domain/incident-filter.ts";
import { CountryChoice, offersCountryChoice, type CountryOption } from "./country-choice.tsx";
import { taxonomyOptions, type TaxonomyOption } from "./taxonomy-options.ts";

/** The filter values exactly as the address gave them, so that nothing typed is lost when one is wrong. */
export type RawFilterValues = Record<FilterField, string[]>;

export function rawFilterValues(params: URLSearchParams, fields: readonly FilterField[]): RawFilterValues {
  return Object.fromEntries(
    fields.map((f) => [
      f,
      params
        .getAll(f)
        .flatMap((v) => v.split(","))
        .map((v) => v.trim())
        .filter(Boolean),
    ]),
  ) as RawFilterValues;
}

type ListField = Exclude<FilterField, "from" | "to" | "figures" | "country">;

/** A plain GET form: works without JavaScript, and the address it produces is the permalink. */
export function TrendsFilterForm({
  values,
  problems,
  lng,
  countries = [],
}: {
  values: RawFilterValues;
  problems: FilterProblem[];
  lng: string | null;
  /** Countries with case records; the country choice appears once there is more than Mexico */
  countries?: CountryOption[];
}) {
  const { t } = useTranslation();
  const problemFor = (field: FilterField) => problems.filter((p) => p.param === field);

  const options: Record<ListField, TaxonomyOption[]> = taxonomyOptions(t);

  const yearInput = (field: "from" | "to") => {
    const errors = problemFor(field).concat(field === "from" ? problems.filter((p) => p.reason === "yearOrder") : []);
    return (
      <div className="filter-year">
        <label htmlFor={`filter-${field}`}>{t(`trends.filters.${field}`)}</label>
        <input
          id={`filter-${field}`}
          name={field}
          type="text"
          inputMode="numeric"
          size={6}
          defaultValue={values[field][0] ?? ""}
          aria-describedby={`filter-${field}-hint${errors.length ? ` filter-${field}-error` : ""}`}
          aria-invalid={errors.length ? true : undefined}
        />
        <span id={`filter-${field}-hint`} className="small muted">
          {t("trends.filters.yearHint")}
        </span>
        {errors.length ? (
          <span id={`filter-${field}-error`} className="field-error small">
            {errors.map((p) => t(`trends.problems.${p.reason}`, { filter: t(`trends.filters.${field}`), value: p.value })).join(" ")}
          </span>
        ) : null}
      </div>
    );
  };

  const checkboxes = (field: ListField, hint?: string) => {
    const chosen = values[field];
    const known = chosen.filter((v) => options[field].some((o) => o.value === v));
    const errors = problemFor(field);
    return (
      <details className="filter-group" open={chosen.length > 0 || errors.length > 0} id={`filter-${field}`}>
        <summary>
          {t(`trends.filters.${field}`)}{" "}
          <span className="small muted">({known.length ? t("trends.filters.selected", { count: known.length }) : t("trends.filters.any")})</span>
        </summary>
        <fieldset aria-describedby={errors.length ? `filter-${field}-error` : undefined}>
          <legend className="visually-hidden">{t(`trends.filters.${field}`)}</legend>
          {hint ? <p className="small muted">{hint}</p> : null}
          {errors.length ? (
            <p id={`filter-${field}-error`} className="field-error small">
              {errors.map((p) => t(`trends.problems.${p.reason}`, { filter: t(`trends.filters.${field}`), value: p.value })).join(" ")}
            </p>
          ) : null}
          <div className="checkbox-grid">
            {options[field].map((o) => (
              <label key={o.value} className="checkbox">
                <input type="checkbox" name={field} value={o.value} defaultChecked={chosen.includes(o.value)} /> {o.label}
              </label>
            ))}
          </div>
        </fieldset>
      </details>
    );
  };

  const figures = values.figures[0] ?? "revised";
  return (
    <form method="get" action="/trends" className="trends-filters" aria-labelledby="filters-title">
      <h2 id="filters-title" className="small-heading">
        {t("trends.filters.legend")}
      </h2>
      <p className="small muted">{t("trends.filters.appliesTo")}</p>
      {lng ? <input type="hidden" name="lng" value={lng} /> : null}
      <div className="filter-years">
        {yearInput("from")}
        {yearInput("to")}
      </div>
      {offersCountryChoice(countries, values.country[0]) ? (
        <CountryChoice
          countries={countries}
          chosen={values.country[0]}
          name="country"
          label={t("trends.filters.country")}
          allLabel={t("trends.filters.allCountries")}
          hint={t("trends.filters.countryHint")}
          error={
            problemFor("country")
              .map((p) => t(`trends.problems.${p.reason}`, { filter: t("trends.filters.country"), value: p.value }))
              .join(" ") || undefined
          }
        />
      ) : null}
      <div className="filter-groups">
        {checkboxes("state")}
        {checkboxes("sector")}
        {checkboxes("perpetrator")}
        {checkboxes("characteristic")}
        {checkboxes("gender")}
        {checkboxes("outcome")}
        {checkboxes("origin")}
        {checkboxes("verification", t("trends.filters.verificationHint"))}
      </div>
      <fieldset className="filter-figures" id="filter-figures">
        <legend>{t("trends.filters.figures")}</legend>
        {problemFor("figures").length ? (
          <p className="field-error small">
            {problemFor("figures")
              .map((p) => t(`trends.problems.${p.reason}`, { filter: t("trends.filters.figures"), value: p.value }))
              .join(" ")}
          </p>
        ) : null}
        {FIGURE_CHOICES.map((c) => (
          <label key={c} className="checkbox">
            <input type="radio" name="figures" value={c} defaultChecked={figures === c} />{" "}
            {c === "first" ? t("trends.filters.figuresFirst") : t("trends.filters.figuresRevised")}
          </label>
        ))}
      </fieldset>
      <div className="filter-actions">
        <button type="submit" className="button-primary">
          {t("trends.filters.apply")}
        </button>{" "}
        <a href={lng ? `/trends?lng=${lng}` : "/trends"}>{t("trends.filters.clear")}</a>
      </div>
    </form>
  );
}
