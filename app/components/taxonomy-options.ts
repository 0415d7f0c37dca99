// The choices of each case dimension, labelled in the reader's language: one list
// for every filter form (the case list's, the trends page's), so that a new code in
// app/domain/taxonomy.ts appears in both at once.
import type { TFunction } from "~/lib/translate.ts";
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

export interface TaxonomyOption {
  value: string;
  label: string;
}

export type TaxonomyDimension = "state" | "sector" | "perpetrator" | "characteristic" | "gender" | "outcome" | "origin" | "verification";

export function taxonomyOptions(t: TFunction): Record<TaxonomyDimension, TaxonomyOption[]> {
  const coded = (codes: readonly string[], key: string) => codes.map((value) => ({ value, label: t(`taxonomy.${key}.${value}`) }));
  return {
    state: [
      ...MX_STATE_CODES.map((value) => ({ value: value as string, label: MX_STATES[value] as string })),
      { value: "unknown", label: t("taxonomy.state.unknown") },
    ],
    sector: coded(SECTORS, "sector"),
    perpetrator: coded(PERPETRATOR_TYPES, "perpetrator"),
    characteristic: coded(CHARACTERISTICS, "characteristic"),
    gender: coded(GENDERS, "gender"),
    outcome: coded(OUTCOMES, "outcome"),
    origin: coded(ORIGINS, "origin"),
    verification: coded(VERIFICATION_STATUSES, "verification"),
  };
}
