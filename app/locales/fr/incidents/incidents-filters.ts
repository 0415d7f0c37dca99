import type { Translation } from "../../en.ts";

// incidents: filters (a chunk of its own in the browser: docs/decisions/126).
export const texts: Pick<Translation["incidents"], "filters"> = {
  filters: {
    search: "Rechercher des noms, des lieux et des descriptions",
    searchHint: "Les accents et les majuscules ne comptent pas : « Jose » trouve « José ». Tous les mots doivent figurer.",
    title: "Filtrer les cas",
    yearFrom: "De l'année",
    yearTo: "À l'année",
    state: "État",
    sector: "Secteur",
    perpetrator: "Auteur",
    characteristic: "Caractéristiques de la personne",
    gender: "Genre",
    outcome: "Attaque",
    origin: "Origine",
    verification: "Vérification",
    sort: "Ordre",
    apply: "Appliquer les filtres",
    clear: "Effacer les filtres",
    chosen: "choisis : {{count}}",
    country: "Pays",
    allCountries: "Tous les pays",
    countryHint: "Le Mexique, sauf si vous choisissez un autre pays : les dossiers d'autres pays viennent d'importations du jeu de données mondial.",
    sorts: {
      date_desc: "date, du plus récent au plus ancien",
      date_asc: "date, du plus ancien au plus récent",
      updated_desc: "dernières modifications d'abord",
    },
    problems: {
      title: "Certains filtres de l'adresse ont été ignorés :",
      notYear: "« {{value}} » n'est pas une année ({{param}}).",
      yearOrder: "Les années sont dans le désordre ({{value}}).",
      unknownCode: "« {{value}} » n'est pas une valeur connue ({{param}}).",
      badCursor: "Le lien de page n'était pas valide; la première page est affichée.",
    },
  },
};
