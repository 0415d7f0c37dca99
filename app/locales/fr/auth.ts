import type { Translation } from "../en.ts";

export const auth: Translation["auth"] = {
  email: "Courriel",
  password: "Mot de passe",
  title: "Se connecter à Vigía",
  intro: "L'équipe et les chercheurs se connectent pour saisir, vérifier et lier des cas. Les tableaux de bord sont publics.",
  failed:
    "Le courriel ou le mot de passe est incorrect, ou le compte est bloqué pour un temps après trop de tentatives. Réessayez ou demandez à un administrateur.",
  required: "Saisissez votre courriel et votre mot de passe.",
  tooMany: "Trop de tentatives de connexion depuis cet endroit ou pour ce compte. Attendez quelques minutes puis réessayez.",
  passwordPage: {
    title: "Changer votre mot de passe",
    forced: "Un administrateur a réinitialisé votre mot de passe : choisissez-en un nouveau pour continuer.",
    done: "Votre mot de passe a été changé. Toutes les autres sessions de votre compte sont terminées.",
    currentPassword: "Mot de passe actuel",
    newPassword: "Nouveau mot de passe",
    confirmPassword: "Nouveau mot de passe, encore",
    hint: "Au moins {{min}} caractères. Quelques mots sans rapport entre eux en font un bon. Toutes les autres sessions de votre compte prennent fin.",
    submit: "Changer de mot de passe",
  },
  code: {
    title: "Saisissez votre code",
    intro:
      "Votre compte a un second facteur. Saisissez le code à 6 chiffres que votre application d'authentification affiche maintenant, ou l'un de vos codes de secours.",
    label: "Code",
    submit: "Se connecter",
    cancel: "Recommencer",
    again: "Se connecter à nouveau",
  },
  twoFactor: {
    title: "Connexion en deux étapes",
    intro:
      "Avec un second facteur, la connexion demande votre mot de passe et un code d'une application d'authentification sur votre téléphone (toute application compatible TOTP) : un mot de passe volé ne suffit pas.",
    off: "La connexion en deux étapes est désactivée pour votre compte.",
    start: "Configurer une application d'authentification",
    scanTitle: "Configurez votre application d'authentification",
    stepApp: "Ouvrez votre application d'authentification et ajoutez un compte.",
    stepScan: "Scannez ce code QR avec elle,",
    qrAlt: "Code QR de votre compte Vigía pour une application d'authentification. La même clé est écrite à l'étape suivante.",
    stepSecret: "ou saisissez cette clé à la main (basée sur le temps, 6 chiffres, toutes les 30 secondes) :",
    confirmHint: "Saisissez le code à 6 chiffres que l'application affiche maintenant. La connexion en deux étapes n'est activée que si ce code est bon.",
    confirm: "Activer la connexion en deux étapes",
    cancel: "Annuler la configuration",
    on: "La connexion en deux étapes est activée depuis le {{date}}.",
    codesLeft_one: "Il vous reste {{count}} code de secours.",
    codesLeft_other: "Il vous reste {{count}} codes de secours.",
    recoveryTitle: "Vos codes de secours",
    otherSessionsEnded:
      "La connexion en deux étapes est activée. Toutes les autres sessions de votre compte ont été fermées : se connecter ailleurs demande désormais un code.",
    recoveryIntro:
      "Gardez ces {{count}} codes en lieu sûr, loin de votre téléphone : chacun vous connecte une fois si vous perdez l'application. Ils ne sont affichés que maintenant, plus jamais.",
    fields: { code: "Code de votre application d'authentification", password: "Votre mot de passe" },
    disable: {
      title: "Désactiver la connexion en deux étapes",
      hint: "Demande votre mot de passe et un code de l'application (ou un code de secours). Vos codes de secours cessent de fonctionner.",
      submit: "Désactiver",
    },
    regenerate: {
      title: "Nouveaux codes de secours",
      hint: "Demande votre mot de passe et un code de l'application. Les codes que vous avez maintenant cessent de fonctionner.",
      submit: "Créer de nouveaux codes de secours",
    },
    done: { off: "La connexion en deux étapes est désactivée : votre mot de passe seul suffit désormais.", cancelled: "La configuration a été annulée." },
  },
  signedOut: "Vous êtes déconnecté.",
};
