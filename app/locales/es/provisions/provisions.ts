import type { Translation } from "../../en.ts";

// provisions: every key of provisions that no other file of this folder holds (a chunk of its own in the browser: docs/decisions/126).
export const texts: Pick<
  Translation["provisions"],
  "casesSource" | "gap" | "gapHelp" | "pillar" | "madeOn" | "madeOnUnknown" | "noSource" | "status" | "pillars"
> = {
  casesSource: "Registros de casos de Vigía. {{gwDataset}}; casos registrados y verificados por el equipo de Vigía. Vínculos revisados por el equipo de Vigía.",
  gap: "Vacío",
  gapHelp: "Un vacío: un compromiso que le falta a la asociación. Se incluye para poder contrastar los casos con lo que falta.",
  pillar: "Pilar",
  madeOn: "Fecha del compromiso",
  madeOnUnknown: "fecha desconocida",
  noSource: "sin fuente registrada",
  status: {
    label: "Confirmación",
    values: {
      confirmed: "confirmado",
      press_summary: "según un resumen de prensa",
      reported: "informado",
      unconfirmed: "sin confirmar",
    },
    help: {
      confirmed: "confirmado con el texto oficial o con el organismo que lo asumió",
      press_summary: "conocido solo por un resumen de prensa del texto oficial; no se vio el texto oficial",
      reported: "informado por una fuente secundaria; no se vio el texto oficial",
      unconfirmed: "no se pudo confirmar",
    },
  },
  pillars: {
    framework: "Marco",
    i_prosperity: "I. Prosperidad",
    i_prosperity_iv_environment: "I. Prosperidad / IV. Medio ambiente",
    ii_mobility_inclusivity_and_well_being: "II. Movilidad, inclusión y bienestar",
    iii_security: "III. Seguridad",
    iv_environment_and_sustainability: "IV. Medio ambiente y sustentabilidad",
    gap: "Vacíos (compromisos no encontrados)",
    human_rights: "Derechos humanos",
    environmental_democracy: "Democracia ambiental",
    canadian_policy: "Política canadiense",
    mining_cooperation: "Cooperación minera",
  },
};
