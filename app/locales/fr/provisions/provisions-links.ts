import type { Translation } from "../../en.ts";

// provisions: links, linkTypes (a chunk of its own in the browser: docs/decisions/126).
export const texts: Pick<Translation["provisions"], "links" | "linkTypes"> = {
  linkTypes: {
    label: "Comment le cas s’y rapporte",
    proposed: "Type proposé",
    filter: "Type de lien",
    all: "Tous les types",
    byDate: "selon la date : contexte si le cas précède l’engagement, dans son champ à partir de là",
    ruleProposes: "Type de lien proposé",
    types: {
      context: "contexte antérieur à l’engagement",
      in_scope: "dans son champ, après l’engagement",
      alleged_breach: "cité comme manquement allégué",
      authority_response: "une réponse des autorités",
    },
  },
  links: {
    /** The link to the rules page, named as its title is. */
    rulesPage: "Comment les liens sont suggérés",
    conflicts: {
      linkExists: "Cette affaire est déjà liée à cette disposition (ou le lien a été rejeté) : examinez plutôt ce lien.",
      decidedMeanwhile: "Quelqu'un a statué sur ce lien entre-temps; rien n'a été changé. Rechargez la page pour voir sa décision.",
    },
    pageTitle: "Dispositions qui concernent cette affaire : {{name}}",
    panelTitle: "Dispositions liées",
    panelIntro: "Les suggestions viennent de règles lisibles et de termes trouvés dans le texte de l'affaire; une personne accepte ou rejette chacune d'elles.",
    groups: {
      suggested: "Suggestions à examiner",
      accepted: "Acceptées",
      rejected: "Rejetées",
    },
    none: "Aucune.",
    method: "Établi par",
    methods: { rule: "une règle", text: "le signal textuel", person: "une personne" },
    statuses: { suggested: "suggéré", accepted: "accepté", rejected: "rejeté" },
    rulesFired: "Règles déclenchées",
    noRule: "Aucune règle ne s'est déclenchée.",
    matchedTerms: "Termes trouvés",
    noTerms: "Aucun terme de cette disposition ne figure dans le texte de l'affaire.",
    foundAs: "trouvé sous la forme {{text}}",
    score: "Pointage",
    decision: "Décision",
    rationale: "Justification",
    rationaleLabel: "Justification (obligatoire)",
    reverseRationaleLabel: "Justification du changement de décision (obligatoire)",
    reviewFormLabel: "Examiner le lien avec {{code}}",
    changeDecision: "Modifier cette décision",
    accept: "Accepter",
    reject: "Rejeter",
    acceptInstead: "Accepter plutôt",
    rejectInstead: "Rejeter plutôt",
    manualTitle: "Lier une disposition à la main",
    manualIntro:
      "Pour une disposition qu'aucune règle ni aucun terme n'a suggérée. Le lien est accepté immédiatement, avec votre justification, et consigné dans le journal d'audit.",
    provision: "Disposition",
    chooseProvision: "Choisissez une disposition",
    manualSubmit: "Lier",
    signInForSuggestions_one: "{{count}} suggestion attend un examen; connectez-vous pour la voir.",
    signInForSuggestions_other: "{{count}} suggestions attendent un examen; connectez-vous pour les voir.",
    done: {
      accepted: "Lien accepté.",
      rejected: "Lien rejeté.",
      linked: "Disposition liée.",
    },
  },
};
