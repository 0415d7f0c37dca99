import type { Translation } from "../en.ts";

export const forms: Translation["forms"] = {
  conflict: {
    title: "Quelqu'un d'autre a enregistré cette fiche pendant que vous la modifiiez",
    intro:
      "Vos modifications ne sont pas enregistrées. La fiche est maintenant à la version {{version}}, enregistrée par {{name}} le {{date}}. Le formulaire ci-dessous garde ce que vous avez saisi.",
    again:
      "Là où seule l'autre personne a modifié un champ, le formulaire contient maintenant sa valeur; là où vous l'avez modifié tous les deux, il garde la vôtre. Enregistrer de nouveau conserve ce que contient le formulaire.",
    inForm: "Maintenant dans le formulaire",
    keptYours: "votre valeur",
    tookTheirs: "sa valeur",
    field: "Champ",
    theirs: "Version enregistrée (l'autre)",
    yours: "Votre version",
    noFieldChanges: "Aucun champ de ce formulaire ne diffère de la version enregistrée : vous pouvez enregistrer la vôtre telle quelle.",
    discard: "Abandonner mes modifications et ouvrir la version enregistrée",
    unknownUser: "un autre utilisateur",
  },
};
