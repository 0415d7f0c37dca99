import type { Translation } from "../../en.ts";

// admin: every key of admin that no other file of this folder holds (a chunk of its own in the browser: docs/decisions/126).
export const texts: Pick<Translation["admin"], "users" | "newUser" | "user"> = {
  users: {
    title: "Utilisateurs",
    intro:
      "Qui peut se connecter, et avec quel rôle : la lecture consulte et exporte; l'équipe consigne, modifie et vérifie aussi des cas; l'administration gère aussi les comptes et purge des cas.",
    add: "Ajouter un utilisateur",
    name: "Nom",
    email: "Courriel",
    role: "Rôle",
    status: "État",
    lastSignIn: "Dernière connexion",
    sessions: "Sessions ouvertes",
    manage: "Gérer",
    never: "jamais",
    active: "Actif",
    inactive: "Désactivé",
    lockedUntil: "Verrouillé jusqu'à {{time}}",
    caption: "Utilisateurs de ce Vigía",
    you: "(vous)",
  },
  newUser: {
    title: "Ajouter un utilisateur",
    password: "Mot de passe initial",
    passwordHint:
      "Au moins {{min}} caractères. Transmettez-le par un moyen sûr; la personne se connecte avec. Les mots de passe ne sont conservés que sous forme de hachage argon2id.",
    submit: "Créer l'utilisateur",
    created: "L'utilisateur a été créé.",
  },
  user: {
    secondFactor: "Second facteur (application d'authentification)",
    secondFactorOn: "Activé",
    secondFactorOff: "Désactivé",
    removeSecondFactor: "Retirer le second facteur",
    removeSecondFactorHint:
      "Pour qui a perdu son application d'authentification et ses codes de secours : ensuite, le mot de passe seul suffit pour se connecter, jusqu'à ce qu'un nouveau soit configuré. Faites-le une fois sûr que la personne est bien celle qu'elle dit être.",
    failedSignIns: "Échecs de connexion depuis la dernière réussie",
    mustChangePassword: "Doit choisir un nouveau mot de passe à la prochaine connexion",
    unlock: "Déverrouiller le compte",
    unlockHint:
      "Efface les {{count}} échecs de connexion comptés et, avec eux, tout verrouillage. Faites-le une fois sûr que la personne est bien celle qu'elle dit être.",
    resetPassword: "Réinitialiser le mot de passe",
    resetHint:
      "Indiquez un mot de passe temporaire d'au moins {{min}} caractères et transmettez-le de façon sûre ; la personne devra en choisir un nouveau à sa prochaine connexion. Toutes les sessions du compte prennent fin maintenant.",
    title: "Utilisateur : {{name}}",
    changeRole: "Changer le rôle",
    saveRole: "Enregistrer le rôle",
    deactivate: "Désactiver",
    deactivateHint: "La personne ne peut plus se connecter, et toutes ses sessions ouvertes se terminent maintenant.",
    reactivate: "Réactiver",
    revoke: "Déconnecter partout",
    revokeHint: "Met fin à toutes les sessions ouvertes de cet utilisateur ({{count}} en ce moment).",
    account: "Compte",
    done: {
      role: "Le rôle a été changé.",
      deactivated: "L'utilisateur a été désactivé et déconnecté partout.",
      reactivated: "L'utilisateur a été réactivé.",
      revoked: "Toutes les sessions de cet utilisateur ont pris fin.",
      created: "L'utilisateur a été créé.",
      unlocked: "Le compte est déverrouillé et son compteur d'échecs remis à zéro.",
      reset: "Le mot de passe a été réinitialisé : la personne devra en choisir un nouveau à sa prochaine connexion, et toutes ses sessions sont terminées.",
      secondFactorRemoved: "Le second facteur a été retiré : le mot de passe seul suffit désormais pour ce compte.",
    },
    selfHint: "Vous ne pouvez pas changer votre propre rôle ni vous désactiver : demandez-le à une autre personne administratrice.",
  },
};
