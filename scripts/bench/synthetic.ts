// Synthetic case records for benchmarks: deterministic for a seed (the same seed
// gives the same rows, in the same order), shaped like the real data so that the
// planner picks the plans it would pick in a real deployment, and marked as
// synthetic in every row (docs/decisions/070-synthetic-bench-data.md).
// Pure: no database here; scripts/bench/bench-database.ts writes the rows.
import { proposeLinks, type ProvisionTerms } from "../../app/domain/link-rules.ts";
import { MX_STATE_CODES, MX_STATES, type MxState } from "../../app/domain/taxonomy.ts";

/** Bumped whenever the rows for a given seed change, so that a stored bench database is regenerated. */
export const GENERATOR_VERSION = 2;

/** Every synthetic id starts with this (real ids are cuids, which start with "c"). */
export const SYNTHETIC_ID_PREFIX = "syn";
export const SYNTHETIC_NAME_PREFIX = "Synthetic person";
export const SYNTHETIC_DESCRIPTION_PREFIX = "SYNTHETIC benchmark record";

/** The newest date any synthetic row carries: fixed, so that rows do not depend on the day they are generated. */
const DATA_END = Date.UTC(2026, 5, 30);
const DAY = 86_400_000;

export interface SyntheticUser {
  id: string;
  email: string;
  name: string;
}

/** Staff accounts that log and review the synthetic records: inactive, with no usable password. */
export const SYNTHETIC_USERS: SyntheticUser[] = [1, 2, 3, 4, 5].map((k) => ({
  id: `${SYNTHETIC_ID_PREFIX}-staff-${k}`,
  email: `synthetic-staff-${k}@bench.invalid`,
  name: `Synthetic staff ${k}`,
}));

export interface SyntheticLink {
  id: string;
  provisionCode: string;
  method: string;
  rulesFired: string;
  matchedTerms: string;
  score: number;
  status: "suggested" | "accepted" | "rejected";
  rationale: string | null;
  reviewedById: string | null;
  reviewedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface SyntheticCase {
  id: string;
  externalId: string | null;
  origin: "gw_dataset" | "staff";
  occurredOn: Date;
  datePrecision: string;
  year: number;
  victimName: string;
  victimNamePublic: boolean;
  gender: string;
  age: number | null;
  sector: string;
  perpetratorType: string;
  outcome: string;
  victimCount: number;
  countryCode: "MX";
  stateCode: string | null;
  regionRaw: string | null;
  companyName: string | null;
  companyCountry: string | null;
  description: string;
  verificationStatus: string;
  verifiedById: string | null;
  verifiedAt: Date | null;
  version: number;
  createdById: string | null;
  updatedById: string | null;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  characteristics: string[];
  links: SyntheticLink[];
}

/** sfc32 seeded through splitmix32: fast, and the same sequence on every machine. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  const next32 = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = next32(),
    b = next32(),
    c = next32(),
    d = next32();
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
}

type Weighted<T> = readonly (readonly [T, number])[];

function picker<T>(table: Weighted<T>): (r: number) => T {
  const total = table.reduce((sum, [, w]) => sum + w, 0);
  const cumulative = table.map(([value], i) => [value, table.slice(0, i + 1).reduce((sum, [, w]) => sum + w, 0) / total] as const);
  return (r) => {
    for (const [value, upTo] of cumulative) if (r < upTo) return value;
    return cumulative[cumulative.length - 1][0];
  };
}

// Weights follow the 154 Global Witness records for Mexico 2012–2021 (seeds/reference),
// with small weights for the values they happen not to contain, so that every code occurs.
const SECTOR = picker([
  ["unconfirmed", 66],
  ["mining_extractives", 27],
  ["logging", 26],
  ["hydropower", 16],
  ["other", 11],
  ["agribusiness", 4],
  ["wind_power", 2],
  ["roads_infrastructure", 2],
  ["conservation", 1],
  ["fishing", 1],
  ["poaching", 1],
]);
const PERPETRATOR = picker([
  ["unspecified", 64],
  ["hitmen", 47],
  ["organised_crime", 17],
  ["police", 10],
  ["private_military", 9],
  ["landowners", 4],
  ["government_officials", 3],
  ["corporations", 3],
  ["armed_forces", 2],
  ["private_security", 2],
  ["poachers", 1],
]);
const REAL_STATE_WEIGHTS: Partial<Record<MxState, number>> = {
  OAX: 43,
  GRO: 16,
  SON: 14,
  CHP: 12,
  MIC: 11,
  CHH: 10,
  MOR: 6,
  SLP: 5,
  MEX: 3,
  JAL: 3,
  PUE: 3,
  VER: 3,
  CMX: 2,
  BCN: 2,
  SIN: 1,
  NAY: 1,
  COL: 1,
  CAM: 1,
};
/** Null is "state unknown", as in 17 of the 154 real records. */
const STATE = picker<MxState | null>([[null, 17], ...MX_STATE_CODES.map((s) => [s, REAL_STATE_WEIGHTS[s] ?? 0.5] as const)]);
const GENDER = picker([
  ["male", 80],
  ["female", 16],
  ["unknown", 3],
  ["other", 1],
]);
/** Staff log non-lethal attacks too; Global Witness records are killings and disappearances only. */
const STAFF_OUTCOME = picker([
  ["threat", 38],
  ["physical_assault", 18],
  ["criminalisation", 15],
  ["killed", 12],
  ["attempted_killing", 9],
  ["disappeared", 4],
  ["other", 4],
]);
const STAFF_VERIFICATION = picker([
  ["verified", 55],
  ["reported", 30],
  ["disputed", 9],
  ["rejected", 6],
]);
/** Recent records are more often still waiting for verification. */
const RECENT_VERIFICATION = picker([
  ["reported", 50],
  ["verified", 38],
  ["disputed", 7],
  ["rejected", 5],
]);
const DATE_PRECISION = picker([
  ["day", 85],
  ["month", 10],
  ["year", 5],
]);
const VICTIMS = picker([
  [1, 95],
  [2, 4],
  [3, 0.7],
  [5, 0.3],
]);
const COMPANY_COUNTRY = picker([
  ["CA", 40],
  ["MX", 30],
  ["US", 15],
  ["CN", 8],
  ["ES", 7],
]);
/** Logging grows over the years, as a consortium's network grows. */
const STAFF_YEAR = picker(Array.from({ length: 14 }, (_, k) => [2012 + k, 1 + k * 0.6 + (k >= 8 ? 3 : 0)] as const));
const GW_YEAR = picker([
  [2012, 10],
  [2013, 3],
  [2014, 3],
  [2015, 4],
  [2016, 3],
  [2017, 15],
  [2018, 14],
  [2019, 18],
  [2020, 30],
  [2021, 54],
] as const);
/** Independent probabilities: a record may carry several characteristics, or none. */
const CHARACTERISTIC_ODDS: [string, number][] = [
  ["indigenous", 0.51],
  ["other", 0.24],
  ["small_scale_farmer", 0.11],
  ["relatives_targeted", 0.02],
  ["afrodescendant", 0.01],
  ["demonstrators", 0.01],
  ["journalist", 0.01],
  ["lawyer", 0.01],
  ["children", 0.006],
  ["state_official", 0.006],
  ["park_ranger", 0.006],
];

/** At most this many Global Witness–like records, as many as its dataset holds worldwide. */
const MAX_GW_RECORDS = 2000;

const BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * A unique id as long as a cuid and, like a cuid, growing with the order of creation
 * (so that inserts append to the primary key), followed by random characters.
 */
function syntheticId(rand: () => number, index: number): string {
  let s = "";
  for (let k = 0; k < 13; k++) s += BASE36[Math.floor(rand() * 36)];
  return `${SYNTHETIC_ID_PREFIX}${index.toString(36).padStart(9, "0")}${s}`;
}

function atMost(ms: number): Date {
  return new Date(Math.min(ms, DATA_END));
}

export interface GenerateOptions {
  cases: number;
  seed: number;
  /** The provisions the link rules may name (codes of the seeded provisions). */
  provisionCodes: readonly string[];
}

/**
 * The synthetic case records of a seed, one at a time (a million of them never
 * sit in memory together). Links are what the app's own link rules suggest for
 * each record's facts, with a share accepted or rejected by synthetic staff.
 */
export function* syntheticCases({ cases, seed, provisionCodes }: GenerateOptions): Generator<SyntheticCase> {
  const rand = random(seed);
  const gwShare = Math.min(0.02, MAX_GW_RECORDS / Math.max(cases, 1));
  const provisions: ProvisionTerms[] = [...provisionCodes].sort().map((code) => ({ id: code, code, termsEn: [], termsEs: [] }));
  const proposalsByFacts = new Map<string, ReturnType<typeof proposeLinks>>();
  const staff = () => SYNTHETIC_USERS[Math.floor(rand() * SYNTHETIC_USERS.length)].id;

  for (let i = 0; i < cases; i++) {
    const gw = rand() < gwShare;
    const year = gw ? GW_YEAR(rand()) : STAFF_YEAR(rand());
    const occurredMs = Date.UTC(year, 0, 1) + Math.floor(rand() * 365) * DAY;
    const occurredOn = new Date(Math.min(occurredMs, Date.UTC(year, 11, 31)));
    const stateCode = STATE(rand());
    const sector = SECTOR(rand());
    const perpetratorType = PERPETRATOR(rand());
    const characteristics = CHARACTERISTIC_ODDS.filter(([, p]) => rand() < p).map(([code]) => code);
    const hasCompany = rand() < 0.08;
    const companyCountry = hasCompany ? COMPANY_COUNTRY(rand()) : null;
    const ageDraw = rand();
    const verificationStatus = gw ? "verified" : year >= 2024 ? RECENT_VERIFICATION(rand()) : STAFF_VERIFICATION(rand());
    const createdAt = gw ? new Date(Date.UTC(2022, 5, 1)) : atMost(occurredOn.getTime() + Math.floor(rand() * 60) * DAY + Math.floor(rand() * DAY));
    const edited = !gw && rand() < 0.3;
    const updatedAt = edited ? atMost(createdAt.getTime() + Math.floor(rand() * 90 * DAY)) : createdAt;
    const reviewed = !gw && verificationStatus !== "reported";
    const verifier = reviewed ? staff() : null;
    const creator = gw ? null : staff();
    const id = syntheticId(rand, i);
    const row: SyntheticCase = {
      id,
      externalId: gw ? `synthetic-gw-${seed}-${i}` : null,
      origin: gw ? "gw_dataset" : "staff",
      occurredOn,
      datePrecision: gw ? "day" : DATE_PRECISION(rand()),
      year,
      victimName: `${SYNTHETIC_NAME_PREFIX} ${i + 1}`,
      victimNamePublic: gw || rand() < 0.9,
      gender: GENDER(rand()),
      age: ageDraw < 0.45 ? 18 + Math.floor(rand() * 62) : null,
      sector,
      perpetratorType,
      outcome: gw ? (rand() < 0.93 ? "killed" : "disappeared") : STAFF_OUTCOME(rand()),
      victimCount: VICTIMS(rand()),
      countryCode: "MX",
      stateCode,
      regionRaw: stateCode ? MX_STATES[stateCode] : null,
      companyName: hasCompany ? `Synthetic company ${1 + Math.floor(rand() * 400)}` : null,
      companyCountry,
      description: `${SYNTHETIC_DESCRIPTION_PREFIX} (seed ${seed}, number ${i + 1}): not a real case.`,
      verificationStatus,
      verifiedById: verifier,
      verifiedAt: reviewed ? atMost(createdAt.getTime() + Math.floor(rand() * 30 * DAY)) : null,
      version: edited ? 2 + Math.floor(rand() * 3) : 1,
      createdById: creator,
      updatedById: edited ? staff() : creator,
      createdAt,
      updatedAt,
      deletedAt: !gw && rand() < 0.005 ? atMost(updatedAt.getTime() + DAY) : null,
      characteristics,
      links: [],
    };

    const factsKey = `${sector}|${perpetratorType}|${companyCountry}|${characteristics.join(",")}`;
    let proposals = proposalsByFacts.get(factsKey);
    if (!proposals) {
      proposals = proposeLinks({ sector, perpetratorType, companyCountry, countryCode: "MX", characteristics, text: "" }, provisions);
      proposalsByFacts.set(factsKey, proposals);
    }
    for (let k = 0; k < proposals.length; k++) {
      const p = proposals[k];
      const draw = rand();
      const status = gw || draw < 0.7 ? "suggested" : draw < 0.95 ? "accepted" : "rejected";
      const linkCreated = atMost(createdAt.getTime() + DAY);
      const reviewedAt = status === "suggested" ? null : atMost(linkCreated.getTime() + Math.floor(rand() * 60) * DAY);
      row.links.push({
        id: `${id.slice(0, 12)}l${k.toString(36).padStart(2, "0")}`,
        provisionCode: p.provisionCode,
        method: p.method,
        rulesFired: JSON.stringify(p.rulesFired),
        matchedTerms: JSON.stringify(p.matchedTerms),
        score: p.score,
        status,
        rationale: status === "suggested" ? null : "Synthetic review",
        reviewedById: status === "suggested" ? null : staff(),
        reviewedAt,
        createdAt: linkCreated,
        updatedAt: reviewedAt ?? linkCreated,
      });
    }
    yield row;
  }
}
