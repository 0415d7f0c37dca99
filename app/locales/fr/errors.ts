import type { Translation } from "../en.ts";

export const errors: Translation["errors"] = {
  notFoundTitle: "Page introuvable",
  notFound: "Il n'y a aucune page à cette adresse. Vérifiez le lien ou repartez de la vue d'ensemble.",
  forbiddenTitle: "Accès refusé",
  forbidden: "Votre compte ne peut pas ouvrir cette page.",
  genericTitle: "Une erreur s'est produite",
  generic: "La page n'a pas pu être affichée. Réessayez dans un instant; si le problème persiste, prévenez l'équipe de Vigía.",
  backHome: "Aller à la vue d'ensemble",
};
