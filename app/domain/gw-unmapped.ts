// The source's category texts that Vigía has no code for, as stored with a case
// record (Incident.unmappedText). Apart from gw-dataset.ts so that pages can read
// them without bundling the CSV reader for the browser.

/** The category texts Vigía has no code for, as the file wrote them; their codes are then "other". */
export interface GwUnmapped {
  gender?: string;
  industry_driver?: string;
  perpetrator_type?: string;
  person_characteristics?: string[];
}

/** The stored texts with no code; empty when there are none or they cannot be read. */
export function readUnmapped(json: string | null | undefined): GwUnmapped {
  if (!json) return {};
  try {
    const value = JSON.parse(json);
    return value && typeof value === "object" ? (value as GwUnmapped) : {};
  } catch {
    return {};
  }
}
