import { auth } from "./en/auth.ts";
import { trends } from "./en/trends.ts";
import { provisions } from "./en/provisions.ts";
import { admin } from "./en/admin.ts";
import { incidents } from "./en/incidents.ts";
import { validation } from "./en/validation.ts";
import { forms } from "./en/forms.ts";
import { gwImport } from "./en/gw-import.ts";

// English strings. es.ts and fr.ts must have exactly the same keys: the
// Translation type makes the typecheck fail when one is missing, and
// tests/lib/i18n.test.ts checks that no value is empty.
export const en = {
  app: {
    name: "Vigía",
    tagline: "Attacks on land and environmental defenders in Mexico, and the commitments that bear on them",
    skipToContent: "Skip to content",
    language: "Language",
    languages: { en: "English", es: "Español", fr: "Français" },
    changeLanguage: "Change language",
    nav: {
      label: "Main",
      overview: "Overview",
      trends: "Trends",
      cases: "Cases",
      provisions: "Provisions",
      charts: "Charts",
      work: "Work",
      review: "Review links",
    },
    footer: {
      data: "Figures and case records: Global Witness, as published, with each source named beside the number. Vigía's text is its own.",
      layers: "Published figures are shown as printed and never recomputed; case-record counts are computed from the records and shown apart.",
    },
    demoBanner: "Demo accounts are enabled on this database. Do not store real cases here.",
  },
  common: {
    source: "Source",
    sources: "Sources",
    status: "Status",
    period: "Period",
    atLeast: "at least",
    atLeastValue: "at least {{value}}",
    notFound: "not found",
    unknown: "unknown",
    note: "Note",
    year: "Year",
    value: "Value",
    total: "Total",
    showTable: "Data table",
    dataTable: "Data table: {{title}}",
    derived: "derived",
    untranslated: "not translated",
    untranslatedHelp: "Shown in English: no translation has been entered yet.",
    pager: { label: "Pages", first: "First page", previous: "Previous page", next: "Next page" },
    figureStatus: {
      confirmed: "confirmed",
      reported: "reported",
      unconfirmed: "unconfirmed",
    },
    figureStatusHelp: {
      confirmed: "Checked against the publisher's own material.",
      reported: "Reported by a secondary source citing the publisher.",
      unconfirmed: "Could not be tied to the publisher's own material.",
    },
  },
  overview: {
    title: "Land and environmental defenders in Mexico",
    intro: "Global Witness figures on defenders killed or disappeared in Mexico, shown as published, beside the case records behind them.",
    headlines: "Headline figures",
    total: {
      label: "land and environmental defenders killed or disappeared in Mexico",
    },
    year2024: {
      label: "defenders killed and disappeared in Mexico in 2024",
      killed_one: "{{count}} killed",
      killed_other: "{{count}} killed",
      disappeared_one: "{{count}} disappeared",
      disappeared_other: "{{count}} disappeared",
    },
    indigenous: {
      label: "of those killed or disappeared were Indigenous",
      share: "{{share}} of the {{total}}",
      population: "Indigenous share of Mexico's population: {{share}}",
      shareNote: "The share is derived from the two published figures ({{value}} of {{total}}).",
      defendersBar: "Indigenous share of defenders killed or disappeared",
      populationBar: "Indigenous share of the population",
    },
    mining: {
      label: "killed or disappeared in conflicts over mining and extractives",
    },
    police: {
      label: "killed by police or private military actors",
    },
    indigenousPolice: {
      label: "Indigenous defenders killed by police or private military actors",
    },
    indigenousMining: {
      label: "Indigenous defenders killed in conflicts over mining and extractives",
    },
    ofIndigenous: "of {{total}} Indigenous defenders",
    of: "of {{total}}",
    figureSource: "Source: {{source}}",
    casesNote:
      "The case records (one row per person) come from Global Witness's downloadable dataset; they can differ from the annual figures, which Global Witness revises.",
  },
  charts: {
    sourceLine: "Source: {{source}}",
    fewerThan: "fewer than {{count}}",
    fewerThanShort: "<{{count}}",
    smallLinkCountsNote:
      "Counts of case records below {{count}} that include records logged by staff are shown as “fewer than {{count}}”, and so is any total that includes one, so that no one can be singled out or worked out by subtraction.",
    smallCountsNote:
      "Counts of people below {{count}} that include records logged by staff are shown as “fewer than {{count}}” and not drawn, so that no one can be singled out.",
    dataAsOf: "Data as of {{date}}",
    milestones: "Milestones",
    milestonesOutside: "Milestones after the period shown: {{list}}",
    noData: "No data",
    annualTrend: {
      title: "Defenders killed or disappeared in Mexico each year, 2012–2024",
      subtitle: "Mexico (bars, left axis) and worldwide (line, right axis); latest published value per year",
      killed: "Mexico: killed (before 2024 includes long-term disappearances)",
      disappeared: "Mexico: disappeared (reported apart from 2024)",
      worldwide: "Worldwide: killed or disappeared",
      axisMexico: "Mexico",
      axisWorld: "Worldwide",
      source: "Global Witness annual reports (2012–2024) and its dataset revision of 2012–2021 (downloaded 22 Sep 2022)",
      tableMexicoFirst: "Mexico, as first reported",
      tableMexicoRevised: "Mexico, revised",
      tableMexicoPlotted: "Mexico, plotted",
      tableDisappeared: "Mexico, disappeared",
      tableWorldPlotted: "Worldwide, plotted",
      tableReport: "Report",
      note: "Where a report's own Mexico figure could not be found (2012–2015), the bar shows Global Witness's revised value; 2022–2024 have no revision yet. Reports before 2025 count long-term disappearances as killings.",
    },
    sectorBreakdown: {
      title: "Case records by sector, Mexico 2012–2021",
      subtitle: "People killed, by the industry driver Global Witness recorded; unconfirmed sectors kept",
      people: "People killed",
      sector: "Sector",
      source: "Global Witness dataset of lethal attacks 2012–2021 (case records, downloaded 22 Sep 2022)",
    },
  },
  taxonomy: {
    sector: {
      mining_extractives: "Mining and extractives",
      agribusiness: "Agribusiness",
      logging: "Logging",
      hydropower: "Hydropower",
      wind_power: "Wind power",
      roads_infrastructure: "Roads and infrastructure",
      fishing: "Fishing",
      poaching: "Poaching",
      conservation: "Conservation",
      other: "Other",
      unconfirmed: "Sector could not be confirmed",
    },
    perpetrator: {
      police: "Police",
      armed_forces: "Armed forces",
      private_military: "Private military actors",
      private_security: "Private security guards",
      government_officials: "Government officials or entities",
      hitmen: "Hitmen",
      organised_crime: "Organised crime or mafias",
      landowners: "Landowners",
      corporations: "Corporations",
      poachers: "Poachers",
      other: "Other",
      unspecified: "Unspecified",
    },
    characteristic: {
      indigenous: "Indigenous peoples",
      afrodescendant: "Afro-descendant",
      small_scale_farmer: "Small-scale farmer",
      demonstrators: "Demonstrators",
      journalist: "Journalist",
      lawyer: "Lawyer",
      park_ranger: "Park ranger",
      fishery_observer: "Fishery observer",
      state_official: "State official",
      police: "Police",
      relatives_targeted: "Relatives of people targeted",
      children: "Children",
      other: "Other",
    },
    gender: { female: "Female", male: "Male", other: "Other", unknown: "Unknown" },
    outcome: {
      killed: "Killed",
      disappeared: "Disappeared",
      attempted_killing: "Attempted killing",
      physical_assault: "Physical assault",
      threat: "Threat",
      criminalisation: "Criminalisation or judicial harassment",
      other: "Other attack",
    },
    origin: { gw_dataset: "Global Witness dataset", staff: "Logged by staff" },
    verification: {
      reported: "Reported",
      verified: "Verified",
      disputed: "Disputed",
      rejected: "Rejected",
    },
    state: { unknown: "State not identified" },
  },
  // Feature sections live in app/locales/<lng>/<feature>.ts, one line each here.
  auth,
  trends,
  provisions,
  incidents,
  admin,
  validation,
  forms,
  gwImport,
  errors: {
    notFoundTitle: "Page not found",
    notFound: "There is no page at this address. Check the link, or start again from the overview.",
    forbiddenTitle: "Not allowed",
    forbidden: "Your account cannot open this page.",
    genericTitle: "Something went wrong",
    generic: "The page could not be shown. Try again in a moment; if it keeps happening, tell the Vigía team.",
    backHome: "Go to the overview",
  },
} as const;

type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };
/** The shape every language must fill in completely. */
export type Translation = Widen<typeof en>;
