import type { Translation } from "../../en.ts";

// provisions: links, linkTypes (a chunk of its own in the browser: docs/decisions/126).
export const texts: Pick<Translation["provisions"], "links" | "linkTypes"> = {
  linkTypes: {
    label: "Cómo atañe el caso",
    proposed: "Tipo propuesto",
    filter: "Tipo de vínculo",
    all: "Todos los tipos",
    byDate: "según la fecha: contexto si el caso es anterior al compromiso, dentro de su alcance desde entonces",
    ruleProposes: "Tipo de vínculo propuesto",
    types: {
      context: "contexto anterior al compromiso",
      in_scope: "dentro de su alcance, posterior al compromiso",
      alleged_breach: "citado como presunto incumplimiento",
      authority_response: "una respuesta de las autoridades",
    },
  },
  links: {
    /** The link to the rules page, named as its title is. */
    rulesPage: "Cómo se sugieren los vínculos",
    conflicts: {
      linkExists: "Este caso ya está vinculado a esa disposición (o el vínculo fue rechazado): revise ese vínculo.",
      decidedMeanwhile: "Otra persona decidió sobre este vínculo mientras tanto; no se cambió nada. Recargue la página para ver su decisión.",
    },
    pageTitle: "Disposiciones que atañen a este caso: {{name}}",
    panelTitle: "Disposiciones vinculadas",
    panelIntro: "Las sugerencias provienen de reglas legibles y de términos encontrados en el texto del caso; una persona acepta o rechaza cada una.",
    groups: {
      suggested: "Sugerencias por revisar",
      accepted: "Aceptadas",
      rejected: "Rechazadas",
    },
    none: "Ninguna.",
    method: "Origen",
    methods: { rule: "una regla", text: "la señal de texto", person: "una persona" },
    statuses: { suggested: "sugerido", accepted: "aceptado", rejected: "rechazado" },
    rulesFired: "Reglas que se activaron",
    noRule: "No se activó ninguna regla.",
    matchedTerms: "Términos encontrados",
    noTerms: "No se encontró en el texto del caso ningún término de esta disposición.",
    foundAs: "encontrado como {{text}}",
    score: "Puntaje",
    decision: "Decisión",
    rationale: "Justificación",
    rationaleLabel: "Justificación (obligatoria)",
    reverseRationaleLabel: "Justificación para cambiar la decisión (obligatoria)",
    reviewFormLabel: "Revisar el vínculo con {{code}}",
    changeDecision: "Cambiar esta decisión",
    accept: "Aceptar",
    reject: "Rechazar",
    acceptInstead: "Aceptar en su lugar",
    rejectInstead: "Rechazar en su lugar",
    manualTitle: "Vincular una disposición a mano",
    manualIntro:
      "Para una disposición que ninguna regla ni término sugirió. El vínculo queda aceptado de inmediato, con su justificación, y se registra en la bitácora de auditoría.",
    provision: "Disposición",
    chooseProvision: "Elija una disposición",
    manualSubmit: "Vincular",
    signInForSuggestions_one: "{{count}} sugerencia espera revisión; inicie sesión para verla.",
    signInForSuggestions_other: "{{count}} sugerencias esperan revisión; inicie sesión para verlas.",
    done: {
      accepted: "Vínculo aceptado.",
      rejected: "Vínculo rechazado.",
      linked: "Disposición vinculada.",
    },
  },
};
