export const charts = {
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
    sector: "Sector",
  },
};
