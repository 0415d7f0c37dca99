export const overview = {
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
};
