// The country a filter form counts (trends and the case list): Mexico unless the reader
// chooses another, offered once records of another country are present (an import of the
// worldwide dataset). Part of a plain GET form, so it works without JavaScript.
import { ALL_COUNTRIES, DEFAULT_COUNTRY } from "~/domain/incident-filter.ts";

export interface CountryOption {
  code: string;
  /** In the reader's language, computed on the server (countryName) */
  name: string;
}

/** Whether a form offers the choice: another country has records, or the address names one. */
export function offersCountryChoice(countries: CountryOption[], chosen: string | undefined): boolean {
  return countries.some((c) => c.code !== DEFAULT_COUNTRY) || chosen !== undefined;
}

export function CountryChoice({
  countries,
  chosen = DEFAULT_COUNTRY,
  name,
  label,
  allLabel,
  hint,
  error,
}: {
  countries: CountryOption[];
  chosen?: string;
  /** The address parameter */
  name: string;
  label: string;
  allLabel: string;
  hint: string;
  /** The problem with the address's value, already in the reader's language */
  error?: string;
}) {
  const id = `filter-${name}`;
  // A country in the address that has no records any more is still offered, so the form says what the page shows.
  const listed = countries.some((c) => c.code === chosen) || chosen === ALL_COUNTRIES ? countries : [...countries, { code: chosen, name: chosen }];
  return (
    <div className="filter-country">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={chosen} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`} aria-invalid={error ? true : undefined}>
        {listed.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
        <option value={ALL_COUNTRIES}>{allLabel}</option>
      </select>
      <span id={`${id}-hint`} className="small muted">
        {hint}
      </span>
      {error ? (
        <span id={`${id}-error`} className="field-error small">
          {error}
        </span>
      ) : null}
    </div>
  );
}
