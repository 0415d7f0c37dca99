// How a case record's values read: dates as precise as they were recorded, state
// names, month names in the reader's language.
import type { TFunction } from "~/lib/translate.ts";
import { formatDate } from "~/lib/format.ts";
import { INTL_LOCALE, type Language } from "~/lib/i18n.ts";
import { isMxState, MX_STATES } from "./taxonomy.ts";

/** "2025-10-03" for a day, "2025-10" for a month, "2025" for a year. */
export function precisionIso(occurredOn: Date | string, precision: string): string {
  const iso = new Date(occurredOn).toISOString();
  return precision === "year" ? iso.slice(0, 4) : precision === "month" ? iso.slice(0, 7) : iso.slice(0, 10);
}

export function incidentDate(occurredOn: Date | string, precision: string, lng: Language): string {
  return formatDate(precisionIso(occurredOn, precision), lng);
}

/**
 * A Mexican state's name, the one way every page, chart and export names one.
 * Names are Vigía's own table (not Intl), so server and browser always agree.
 */
export function stateName(code: string | null | undefined, t: TFunction): string {
  if (!code) return t("taxonomy.state.unknown");
  return isMxState(code) ? MX_STATES[code] : code;
}

/** The state, or where no state could be told, the region as the source wrote it, marked as such. */
export function stateOrRegion(code: string | null | undefined, regionRaw: string | null | undefined, t: TFunction): string {
  if (code) return stateName(code, t);
  return regionRaw ? `${regionRaw} (${t("taxonomy.state.unknown")})` : t("taxonomy.state.unknown");
}

export function monthNames(lng: Language): string[] {
  const format = new Intl.DateTimeFormat(INTL_LOCALE[lng], { month: "long", timeZone: "UTC" });
  return Array.from({ length: 12 }, (_, i) => format.format(new Date(Date.UTC(2000, i, 1))));
}
