import type { Translation } from "../en.ts";

export const common: Translation["common"] = {
  source: "Source",
  sources: "Sources",
  status: "Statut",
  period: "Période",
  atLeast: "au moins",
  atLeastValue: "au moins {{value}}",
  notFound: "introuvable",
  unknown: "inconnu",
  note: "Note",
  year: "Année",
  value: "Valeur",
  total: "Total",
  showTable: "Tableau de données",
  dataTable: "Tableau de données : {{title}}",
  derived: "dérivé",
  untranslated: "non traduit",
  untranslatedHelp: "Affiché en anglais : aucune traduction n'a encore été saisie.",
  pager: { label: "Pages", first: "Première page", previous: "Page précédente", next: "Page suivante" },
  figureStatus: {
    confirmed: "confirmé",
    reported: "rapporté",
    unconfirmed: "non confirmé",
  },
  figureStatusHelp: {
    confirmed: "Vérifié dans les documents de l'éditeur lui-même.",
    reported: "Rapporté par une source secondaire qui cite l'éditeur.",
    unconfirmed: "N'a pas pu être rattaché aux documents de l'éditeur.",
  },
};
