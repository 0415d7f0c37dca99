// The active filters in words, for chart subtitles, exported images and CSV
// headers: a chart taken out of Vigía must still say what it counts.
import { INTL_LOCALE } from "~/lib/i18n.ts";
import { stateName } from "~/domain/incident-format.ts";
import { filterCountries, type IncidentFilter } from "~/domain/incident-filter.ts";
import type { ChartContext } from "./types.ts";

export function listInWords(items: string[], { lng }: Pick<ChartContext, "lng">): string {
  return new Intl.ListFormat(INTL_LOCALE[lng], { style: "long", type: "conjunction" }).format(items);
}

export function yearsInWords(from: number | undefined, to: number | undefined, { t }: Pick<ChartContext, "t">): string {
  if (from !== undefined && to !== undefined) return from === to ? String(from) : `${from}–${to}`;
  if (from !== undefined) return t("trends.words.fromYear", { year: from });
  if (to !== undefined) return t("trends.words.toYear", { year: to });
  return t("trends.words.allYears");
}

/**
 * "2015–2021; states: Oaxaca and Guerrero; sector: Mining and extractives; all
 * outcomes; Global Witness records and verified staff records". The year part
 * can be given separately (the span a time axis actually shows).
 */
export function describeFilter(filter: IncidentFilter, ctx: ChartContext, years?: { from: number; to: number }): string {
  const { t } = ctx;
  const list = (values: string[] | undefined, label: (v: string) => string) => listInWords((values ?? []).map(label), ctx);
  const parts: string[] = [];
  parts.push(years ? yearsInWords(years.from, years.to, ctx) : yearsInWords(filter.yearFrom, filter.yearTo, ctx));
  // Mexico, the default, goes without saying; any other choice is said.
  if (filter.countries?.length) {
    const countries = filterCountries(filter);
    // Names come with the chart data, made on the server (browsers and Node name some countries differently).
    parts.push(countries ? t("trends.words.countries", { list: list(countries, (c) => ctx.countryNames?.[c] ?? c) }) : t("trends.words.allCountries"));
  }
  if (filter.states?.length) parts.push(t("trends.words.states", { list: list(filter.states, (c) => stateName(c === "unknown" ? null : c, t)) }));
  if (filter.sectors?.length) parts.push(t("trends.words.sectors", { list: list(filter.sectors, (c) => t(`taxonomy.sector.${c}`)) }));
  if (filter.perpetrators?.length) parts.push(t("trends.words.perpetrators", { list: list(filter.perpetrators, (c) => t(`taxonomy.perpetrator.${c}`)) }));
  if (filter.characteristics?.length)
    parts.push(t("trends.words.characteristics", { list: list(filter.characteristics, (c) => t(`taxonomy.characteristic.${c}`)) }));
  if (filter.genders?.length) parts.push(t("trends.words.genders", { list: list(filter.genders, (c) => t(`taxonomy.gender.${c}`)) }));
  parts.push(
    filter.outcomes?.length ? t("trends.words.outcomes", { list: list(filter.outcomes, (c) => t(`taxonomy.outcome.${c}`)) }) : t("trends.words.allOutcomes"),
  );
  if (filter.origins?.length) parts.push(t("trends.words.origins", { list: list(filter.origins, (c) => t(`taxonomy.origin.${c}`)) }));
  parts.push(
    filter.verification?.length
      ? t("trends.words.verification", { list: list(filter.verification, (c) => t(`taxonomy.verification.${c}`)) })
      : t("trends.words.defaultVerification"),
  );
  return parts.join(t("trends.words.separator"));
}
