import type { Translation } from "../../en.ts";

// incidents: duplicates, purge (a chunk of its own in the browser: docs/decisions/126).
export const texts: Pick<Translation["incidents"], "duplicates" | "purge"> = {
  duplicates: {
    title: "Doublons possibles : le cas n'est pas encore enregistré",
    intro:
      "Ces cas sont dans le même État, à {{days}} jours ou moins, et portent un nom semblable (ou n'ont pas de nom et sont le même type d'attaque). Un doublon compte une personne deux fois : ouvrez-les avant d'enregistrer.",
    confirm: "J'ai vérifié ces cas : il s'agit d'une autre attaque. L'enregistrer quand même.",
    similarity: "Ressemblance",
    open: "Ouvrir (nouvel onglet)",
  },
  purge: {
    title: "Purger ce cas définitivement",
    intro:
      "Purger retire de la base de données le cas, ses sources et ses champs réservés. C'est irréversible. Le journal d'audit garde qui l'a purgé et ses champs non sensibles.",
    notDeleted: "Seul un cas supprimé peut être purgé. Supprimez-le d'abord.",
    confirm: "Je comprends que ce cas sera retiré définitivement.",
    submit: "Purger définitivement",
    cancel: "Garder le cas",
    done: "Le cas a été purgé.",
  },
};
