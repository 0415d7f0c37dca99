import type { Translation } from "../en.ts";

export const auth: Translation["auth"] = {
  signIn: "Se connecter",
  signOut: "Se déconnecter",
  signedInAs: "Connecté en tant que {{name}} ({{role}})",
  email: "Courriel",
  password: "Mot de passe",
  title: "Se connecter à Vigía",
  intro: "L'équipe et les chercheurs se connectent pour saisir, vérifier et lier des cas. Les tableaux de bord sont publics.",
  failed:
    "Le courriel ou le mot de passe est incorrect, ou le compte est bloqué pour un temps après trop de tentatives. Réessayez ou demandez à un administrateur.",
  required: "Saisissez votre courriel et votre mot de passe.",
  tooMany: "Trop de tentatives de connexion depuis cet endroit ou pour ce compte. Attendez quelques minutes puis réessayez.",
  passwordPage: {
    link: "Changer de mot de passe",
    title: "Changer votre mot de passe",
    forced: "Un administrateur a réinitialisé votre mot de passe : choisissez-en un nouveau pour continuer.",
    done: "Votre mot de passe a été changé. Toutes les autres sessions de votre compte sont terminées.",
    currentPassword: "Mot de passe actuel",
    newPassword: "Nouveau mot de passe",
    confirmPassword: "Nouveau mot de passe, encore",
    hint: "Au moins {{min}} caractères. Quelques mots sans rapport entre eux en font un bon. Toutes les autres sessions de votre compte prennent fin.",
    submit: "Changer de mot de passe",
  },
  signedOut: "Vous êtes déconnecté.",
  roles: { viewer: "lecture", staff: "équipe", admin: "administration" },
};
