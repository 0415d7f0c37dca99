import type { Translation } from "../en.ts";

export const charts: Translation["charts"] = {
  sourceLine: "Source : {{source}}",
  fewerThan: "moins de {{count}}",
  fewerThanShort: "<{{count}}",
  smallLinkCountsNote:
    "Les nombres d’affaires inférieurs à {{count}} qui comprennent des fiches saisies par l’équipe sont indiqués « moins de {{count}} », de même que tout total qui en comprend un, pour que personne ne puisse être identifié ni retrouvé par soustraction.",
  smallCountsNote:
    "Les nombres de personnes inférieurs à {{count}} qui comprennent des fiches saisies par l’équipe sont indiqués « moins de {{count}} » et ne sont pas dessinés, pour que personne ne puisse être identifié.",
  dataAsOf: "Données au {{date}}",
  milestones: "Jalons",
  milestonesOutside: "Jalons postérieurs à la période affichée : {{list}}",
  noData: "Aucune donnée",
  annualTrend: {
    title: "Défenseurs tués ou disparus au Mexique chaque année, 2012–2024",
    subtitle: "Mexique (barres, axe de gauche) et monde (ligne, axe de droite); dernière valeur publiée pour chaque année",
    killed: "Mexique : tués (avant 2024, comprend les disparitions de longue durée)",
    disappeared: "Mexique : disparus (comptés à part depuis 2024)",
    worldwide: "Monde : tués ou disparus",
    axisMexico: "Mexique",
    axisWorld: "Monde",
    source: "Rapports annuels de Global Witness (2012–2024) et sa révision 2012–2021 dans le jeu de données (téléchargé le 22 septembre 2022)",
    tableMexicoFirst: "Mexique, premier chiffre publié",
    tableMexicoRevised: "Mexique, chiffre révisé",
    tableMexicoPlotted: "Mexique, chiffre tracé",
    tableDisappeared: "Mexique, disparus",
    tableWorldPlotted: "Monde, chiffre tracé",
    tableReport: "Rapport",
    note: "Lorsque le chiffre du Mexique du rapport lui-même est introuvable (2012–2015), la barre montre la valeur révisée de Global Witness; 2022–2024 n'ont pas encore de révision. Les rapports antérieurs à 2025 comptent les disparitions de longue durée comme des meurtres.",
  },
  sectorBreakdown: {
    sector: "Secteur",
  },
};
