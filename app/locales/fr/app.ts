import type { Translation } from "../en.ts";

export const app: Translation["app"] = {
  name: "Vigía",
  tagline: "Les attaques contre les défenseurs de la terre et de l'environnement au Mexique, et les engagements qui s'y rapportent",
  skipToContent: "Aller au contenu",
  language: "Langue",
  languages: { en: "English", es: "Español", fr: "Français" },
  changeLanguage: "Changer de langue",
  nav: {
    label: "Principale",
    overview: "Vue d'ensemble",
    trends: "Tendances",
    cases: "Cas",
    provisions: "Engagements",
    charts: "Graphiques",
    work: "Travail",
    review: "Réviser les liens",
    matrix: "Matrice",
    newIncident: "Consigner une attaque",
    users: "Utilisateurs",
    import: "Importer",
    audit: "Journal d'audit",
    signIn: "Se connecter",
    signOut: "Se déconnecter",
    signedInAs: "Connecté en tant que {{name}} ({{role}})",
    changePassword: "Changer de mot de passe",
    twoFactor: "Connexion en deux étapes",
  },
  roles: { viewer: "lecture", staff: "équipe", admin: "administration" },
  footer: {
    data: "Chiffres et dossiers de cas : Global Witness, tels que publiés, avec la source à côté de chaque nombre. Les textes de Vigía sont les siens.",
    layers:
      "Les chiffres publiés sont affichés tels qu'imprimés et ne sont jamais recalculés; les décomptes des dossiers de cas sont calculés à partir des dossiers et affichés à part.",
  },
  demoBanner: "Des comptes de démonstration sont activés sur cette base de données. N'y enregistrez pas de cas réels.",
};
