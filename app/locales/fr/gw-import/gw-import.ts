import type { Translation } from "../../en.ts";

// gwImport: every key of gwImport that no other file of this folder holds (a chunk of its own in the browser: docs/decisions/126).
export const texts: Pick<
  Translation["gwImport"],
  "title" | "intro" | "dashboardsNote" | "upload" | "fetch" | "refused" | "counts" | "job" | "history" | "empty"
> = {
  title: "Importer le jeu de données de Global Witness",
  intro:
    "Mettez les dossiers de cas à jour à partir du jeu de données sur les attaques meurtrières que publie Global Witness, pour tous les pays et toutes les années. Rien n'est enregistré avant que vous ayez vu l'aperçu et confirmé; l'importation est ensuite enregistrée en entier, ou pas du tout.",
  dashboardsNote: "Les tableaux de bord restent sur le Mexique, à moins que la personne qui les consulte choisisse un autre pays.",
  upload: {
    legend: "Téléverser un fichier",
    file: "Le jeu de données en CSV",
    hint: "Le fichier que publie Global Witness (UTF-8, avec les colonnes id, date, name, …, number_of_victims). Au plus {{size}}.",
    submit: "Vérifier le fichier",
  },
  fetch: {
    legend: "Télécharger depuis l'adresse configurée",
    address: "Adresse : {{url}}",
    notConfigured: "Aucune adresse n'est configurée. La personne qui administre le serveur peut définir GW_DATASET_URL (voir .env.example).",
    submit: "Télécharger et vérifier",
  },
  refused: {
    title: "Rien n'a été importé",
    noFile: "Choisissez un fichier CSV à téléverser.",
    tooLarge: "Le fichier dépasse {{size}} : divisez-le, ou téléchargez-le depuis l'adresse configurée.",
    empty: "Le fichier est vide.",
    header: "Ce n'est pas le jeu de données de Global Witness : il manque à sa première ligne les colonnes {{detail}}.",
    malformed: "Le fichier n'a pas pu être lu comme un CSV (ligne {{line}}).",
    truncated: "Le fichier s'arrête au milieu d'une ligne (ligne {{line}}) : il a sans doute été coupé. Téléchargez-le de nouveau.",
    notConfigured: "Aucune adresse du jeu de données n'est configurée.",
    http: "Le serveur a répondu {{status}} au lieu du fichier. Vérifiez l'adresse, ou réessayez plus tard.",
    timeout: "Le serveur n'a pas répondu à temps, même après {{attempts}} tentatives. Réessayez plus tard.",
    network: "Le serveur n'a pas pu être joint après {{attempts}} tentatives ({{detail}}).",
    incomplete: "Le téléchargement est incomplet ({{received}} octets sur {{expected}}). Rien n'a été importé : réessayez.",
  },
  counts: {
    created: "Nouveaux",
    updated: "Modifiés",
    unchanged: "Inchangés",
    invalid: "Invalides",
    conflicts: "Conflits",
  },
  job: {
    title: "Importation de {{name}}",
    statuses: {
      previewed: "En attente de confirmation",
      queued: "En file d'attente",
      running: "Importation en cours…",
      stalled: "Arrêtée : son serveur s'est arrêté pendant l'importation, donc rien n'a été enregistré",
      done: "Importée",
      failed: "Échec : rien n'a été enregistré",
      discarded: "Écartée",
    },
    progress: "{{processed}} lignes sur {{total}}",
    refreshing: "Cette page se met à jour toute seule toutes les {{seconds}} secondes jusqu'à la fin de l'importation.",
    retry: "Réessayer",
    resultCaption: "Ce qu'a fait l'importation",
    conflictsLeft: "{{count}} conflits ont été laissés tels quels : téléversez le fichier de nouveau pour en décider.",
    back: "Retour aux importations",
  },
  history: {
    title: "Importations récentes",
    caption: "Importations récentes, de la plus récente à la plus ancienne",
    when: "Quand",
    file: "Fichier",
    status: "État",
    result: "Résultat",
    none: "Aucune importation pour l'instant.",
  },
  empty: "(vide)",
};
