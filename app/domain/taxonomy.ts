// Stable codes for every category Vigía stores, following the Global Witness
// dataset's categories (seeds/reference/gw-dataset-format.json). Labels are
// translations (app/locales), never stored.

export const SECTORS = [
  "mining_extractives",
  "agribusiness",
  "logging",
  "hydropower",
  "wind_power",
  "roads_infrastructure",
  "fishing",
  "poaching",
  "conservation",
  "other",
  "unconfirmed",
] as const;
export type Sector = (typeof SECTORS)[number];

export const PERPETRATOR_TYPES = [
  "police",
  "armed_forces",
  "private_military",
  "private_security",
  "government_officials",
  "hitmen",
  "organised_crime",
  "landowners",
  "corporations",
  "poachers",
  /** A perpetrator type the source names that Vigía has no code for (its text is kept with the record) */
  "other",
  "unspecified",
] as const;
export type PerpetratorType = (typeof PERPETRATOR_TYPES)[number];

export const CHARACTERISTICS = [
  "indigenous",
  "afrodescendant",
  "small_scale_farmer",
  "demonstrators",
  "journalist",
  "lawyer",
  "park_ranger",
  "fishery_observer",
  "state_official",
  "police",
  "relatives_targeted",
  "children",
  "other",
] as const;
export type Characteristic = (typeof CHARACTERISTICS)[number];

export const GENDERS = ["female", "male", "other", "unknown"] as const;
export type Gender = (typeof GENDERS)[number];

/** Killed and disappeared are what Global Witness counts; the rest are staff-logged attacks. */
export const OUTCOMES = ["killed", "disappeared", "attempted_killing", "physical_assault", "threat", "criminalisation", "other"] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const LETHAL_OUTCOMES: Outcome[] = ["killed", "disappeared"];

export const ORIGINS = ["gw_dataset", "staff"] as const;
export type Origin = (typeof ORIGINS)[number];

/** A staff record's verification, the one list of it; "reported" is where every staff record starts. */
export const VERIFICATION_STATUSES = ["reported", "verified", "disputed", "rejected"] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

export const DATE_PRECISIONS = ["day", "month", "year"] as const;

/** How far a published figure, or a commitment, could be tied to its publisher's own material. */
export const FIGURE_STATUSES = ["confirmed", "reported", "unconfirmed"] as const;
export type FigureStatus = (typeof FIGURE_STATUSES)[number];
export const isFigureStatus = (value: string): value is FigureStatus => (FIGURE_STATUSES as readonly string[]).includes(value);

/**
 * How a provision's wording was confirmed. "confirmed" means checked against the
 * official text or the body that made it; a provision known only from a press
 * summary of that text says so in its own status, never "confirmed".
 */
export const PROVISION_STATUSES = ["confirmed", "press_summary", "reported", "unconfirmed"] as const;
export type ProvisionStatus = (typeof PROVISION_STATUSES)[number];
export const isProvisionStatus = (value: string): value is ProvisionStatus => (PROVISION_STATUSES as readonly string[]).includes(value);

/** Mexico's 32 federal entities, ISO 3166-2:MX codes without the "MX-" prefix. */
export const MX_STATES = {
  AGU: "Aguascalientes",
  BCN: "Baja California",
  BCS: "Baja California Sur",
  CAM: "Campeche",
  CHP: "Chiapas",
  CHH: "Chihuahua",
  CMX: "Ciudad de México",
  COA: "Coahuila",
  COL: "Colima",
  DUR: "Durango",
  GUA: "Guanajuato",
  GRO: "Guerrero",
  HID: "Hidalgo",
  JAL: "Jalisco",
  MEX: "Estado de México",
  MIC: "Michoacán",
  MOR: "Morelos",
  NAY: "Nayarit",
  NLE: "Nuevo León",
  OAX: "Oaxaca",
  PUE: "Puebla",
  QUE: "Querétaro",
  ROO: "Quintana Roo",
  SLP: "San Luis Potosí",
  SIN: "Sinaloa",
  SON: "Sonora",
  TAB: "Tabasco",
  TAM: "Tamaulipas",
  TLA: "Tlaxcala",
  VER: "Veracruz",
  YUC: "Yucatán",
  ZAC: "Zacatecas",
} as const;
export type MxState = keyof typeof MX_STATES;
export const MX_STATE_CODES = Object.keys(MX_STATES) as MxState[];

export function isMxState(code: string): code is MxState {
  return Object.hasOwn(MX_STATES, code);
}

// ---------- Global Witness dataset values -> codes ----------

export const GW_SECTOR: Record<string, Sector> = {
  Agribusiness: "agribusiness",
  Conservation: "conservation",
  Fishing: "fishing",
  Hydropower: "hydropower",
  Logging: "logging",
  "Mining & Extractives": "mining_extractives",
  Other: "other",
  Poaching: "poaching",
  "Roads & Infrastructure": "roads_infrastructure",
  "Sector could not be confirmed*": "unconfirmed",
  "Wind power": "wind_power",
};

export const GW_PERPETRATOR: Record<string, PerpetratorType> = {
  "Armed forces": "armed_forces",
  Corporations: "corporations",
  "Government officials/entities": "government_officials",
  Hitmen: "hitmen",
  Landowners: "landowners",
  "Organised crime / mafias": "organised_crime",
  Poachers: "poachers",
  Police: "police",
  "Private military actors": "private_military",
  "Private security guards": "private_security",
  Unspecified: "unspecified",
};

export const GW_CHARACTERISTIC: Record<string, Characteristic> = {
  Afrodescendant: "afrodescendant",
  Children: "children",
  Demonstrators: "demonstrators",
  "Fishery observer": "fishery_observer",
  "Indigenous peoples": "indigenous",
  Journalist: "journalist",
  Lawyer: "lawyer",
  Other: "other",
  "Park ranger": "park_ranger",
  Police: "police",
  "Relatives of persons targeted for repression": "relatives_targeted",
  "Small-scale farmer": "small_scale_farmer",
  "State official": "state_official",
};

export const GW_GENDER: Record<string, Gender> = { Male: "male", Female: "female" };

function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\bstate\b/g, "")
    .replace(/\bde\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const STATE_BY_NAME = new Map<string, MxState>(
  MX_STATE_CODES.flatMap((code) => {
    const names: string[] = [MX_STATES[code]];
    if (code === "MEX") names.push("México", "State of Mexico", "Edomex");
    if (code === "CMX") names.push("Mexico City", "CDMX", "Distrito Federal");
    if (code === "COA") names.push("Coahuila de Zaragoza");
    if (code === "MIC") names.push("Michoacán de Ocampo");
    if (code === "VER") names.push("Veracruz de Ignacio de la Llave");
    return names.map((n) => [fold(n), code] as [string, MxState]);
  }),
);

/**
 * Maps a region as a source wrote it ("Michoacán state", " Chihuahua",
 * "San Luis de Potosí") to a state code; null when it names no Mexican state,
 * so that the raw text is kept and the state shown as unknown, never guessed.
 */
export function stateFromRegion(raw: string | null | undefined): MxState | null {
  if (!raw || !raw.trim()) return null;
  return STATE_BY_NAME.get(fold(raw)) ?? null;
}
