import type { Translation } from "../en.ts";

export const overview: Translation["overview"] = {
  title: "Défenseurs de la terre et de l'environnement au Mexique",
  intro: "Les chiffres de Global Witness sur les défenseurs tués ou disparus au Mexique, tels que publiés, à côté des dossiers de cas qui les sous-tendent.",
  headlines: "Chiffres clés",
  total: {
    label: "défenseurs de la terre et de l'environnement tués ou disparus au Mexique",
  },
  year2024: {
    label: "défenseurs tués et disparus au Mexique en 2024",
    killed_one: "{{count}} tué",
    killed_other: "{{count}} tués",
    disappeared_one: "{{count}} disparu",
    disappeared_other: "{{count}} disparus",
  },
  indigenous: {
    label: "des personnes tuées ou disparues étaient autochtones",
    share: "{{share}} des {{total}}",
    population: "Part des Autochtones dans la population du Mexique : {{share}}",
    shareNote: "La part est dérivée des deux chiffres publiés ({{value}} sur {{total}}).",
    defendersBar: "Part des Autochtones parmi les défenseurs tués ou disparus",
    populationBar: "Part des Autochtones dans la population",
  },
  mining: {
    label: "tués ou disparus dans des conflits liés aux mines et aux industries extractives",
  },
  police: {
    label: "tués par la police ou des acteurs militaires privés",
  },
  indigenousPolice: {
    label: "défenseurs autochtones tués par la police ou des acteurs militaires privés",
  },
  indigenousMining: {
    label: "défenseurs autochtones tués dans des conflits liés aux mines et aux industries extractives",
  },
  ofIndigenous: "sur {{total}} défenseurs autochtones",
  of: "sur {{total}}",
  figureSource: "Source : {{source}}",
  casesNote:
    "Les dossiers de cas (une ligne par personne) proviennent du jeu de données téléchargeable de Global Witness; ils peuvent différer des chiffres annuels, que Global Witness révise.",
};
