import { INTL_LOCALE, type Language } from "./i18n.ts";

export function formatNumber(value: number, lng: Language, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(INTL_LOCALE[lng], options).format(value);
}

export function formatPercent(share: number, lng: Language, digits = 0): string {
  return new Intl.NumberFormat(INTL_LOCALE[lng], { style: "percent", maximumFractionDigits: digits }).format(share);
}

/** A date as the source gives it (YYYY, YYYY-MM or YYYY-MM-DD), in the reader's language. */
export function formatDate(iso: string, lng: Language): string {
  const parts = iso.split("-").map(Number);
  const date = new Date(Date.UTC(parts[0], (parts[1] ?? 1) - 1, parts[2] ?? 1));
  const options: Intl.DateTimeFormatOptions =
    parts.length >= 3
      ? { dateStyle: "long", timeZone: "UTC" }
      : parts.length === 2
        ? { year: "numeric", month: "long", timeZone: "UTC" }
        : { year: "numeric", timeZone: "UTC" };
  return new Intl.DateTimeFormat(INTL_LOCALE[lng], options).format(date);
}

export function formatPeriod(start: number, end: number): string {
  return start === end ? String(start) : `${start}–${end}`;
}

/** A moment (a save, a sign-in) with date and time, in UTC so that server and browser agree. */
export function formatDateTime(value: Date | string, lng: Language): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[lng], { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(value)) + " UTC";
}
