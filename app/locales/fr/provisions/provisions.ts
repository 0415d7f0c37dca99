import type { Translation } from "../../en.ts";

// provisions: every key of provisions that no other file of this folder holds (a chunk of its own in the browser: docs/decisions/126).
export const texts: Pick<
  Translation["provisions"],
  "casesSource" | "gap" | "gapHelp" | "pillar" | "madeOn" | "madeOnUnknown" | "noSource" | "status" | "pillars"
> = {
  casesSource: "Affaires consignées par Vigía. {{gwDataset}}; affaires saisies et vérifiées par l'équipe de Vigía. Liens examinés par l'équipe de Vigía.",
  gap: "Lacune",
  gapHelp: "Une lacune : un engagement qui manque au partenariat. Elle figure ici pour que les affaires puissent être mises en regard de ce qui manque.",
  pillar: "Pilier",
  madeOn: "Date de l'engagement",
  madeOnUnknown: "date inconnue",
  noSource: "aucune source consignée",
  status: {
    label: "Confirmation",
    values: {
      confirmed: "confirmé",
      press_summary: "d'après un résumé de presse",
      reported: "rapporté",
      unconfirmed: "non confirmé",
    },
    help: {
      confirmed: "confirmé à partir du texte officiel ou de l'organisme qui l'a pris",
      press_summary: "connu seulement par un résumé de presse du texte officiel ; le texte officiel n'a pas été vu",
      reported: "rapporté par une source secondaire; le texte officiel n'a pas été vu",
      unconfirmed: "n'a pas pu être confirmé",
    },
  },
  pillars: {
    framework: "Cadre",
    i_prosperity: "I. Prospérité",
    i_prosperity_iv_environment: "I. Prospérité / IV. Environnement",
    ii_mobility_inclusivity_and_well_being: "II. Mobilité, inclusion et bien-être",
    iii_security: "III. Sécurité",
    iv_environment_and_sustainability: "IV. Environnement et durabilité",
    gap: "Lacunes (engagements introuvables)",
    human_rights: "Droits de la personne",
    environmental_democracy: "Démocratie environnementale",
    canadian_policy: "Politique canadienne",
    mining_cooperation: "Coopération minière",
  },
};
