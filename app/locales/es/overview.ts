import type { Translation } from "../en.ts";

export const overview: Translation["overview"] = {
  title: "Personas defensoras de la tierra y el medio ambiente en México",
  intro:
    "Cifras de Global Witness sobre personas defensoras asesinadas o desaparecidas en México, tal como se publicaron, junto a los registros de casos que las respaldan.",
  headlines: "Cifras principales",
  total: {
    label: "personas defensoras de la tierra y el medio ambiente asesinadas o desaparecidas en México",
  },
  year2024: {
    label: "personas defensoras asesinadas y desaparecidas en México en 2024",
    killed_one: "{{count}} asesinada",
    killed_other: "{{count}} asesinadas",
    disappeared_one: "{{count}} desaparecida",
    disappeared_other: "{{count}} desaparecidas",
  },
  indigenous: {
    label: "de las personas asesinadas o desaparecidas eran indígenas",
    share: "{{share}} de las {{total}}",
    population: "Proporción indígena de la población de México: {{share}}",
    shareNote: "La proporción se deriva de las dos cifras publicadas ({{value}} de {{total}}).",
    defendersBar: "Proporción indígena de las personas defensoras asesinadas o desaparecidas",
    populationBar: "Proporción indígena de la población",
  },
  mining: {
    label: "asesinadas o desaparecidas en conflictos por minería e industrias extractivas",
  },
  police: {
    label: "asesinadas por policías o actores militares privados",
  },
  indigenousPolice: {
    label: "personas defensoras indígenas asesinadas por policías o actores militares privados",
  },
  indigenousMining: {
    label: "personas defensoras indígenas asesinadas en conflictos por la minería y las industrias extractivas",
  },
  ofIndigenous: "de {{total}} personas defensoras indígenas",
  of: "de {{total}}",
  figureSource: "Fuente: {{source}}",
  casesNote:
    "Los registros de casos (una fila por persona) provienen de la base de datos descargable de Global Witness; pueden diferir de las cifras anuales, que Global Witness revisa.",
};
