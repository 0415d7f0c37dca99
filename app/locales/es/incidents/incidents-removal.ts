import type { Translation } from "../../en.ts";

// incidents: duplicates, purge (a chunk of its own in the browser: docs/decisions/126).
export const texts: Pick<Translation["incidents"], "duplicates" | "purge"> = {
  duplicates: {
    title: "Posibles duplicados: el caso aún no se guardó",
    intro:
      "Estos casos son del mismo estado, con {{days}} días de diferencia o menos, y tienen un nombre parecido (o no tienen nombre y son el mismo tipo de agresión). Un duplicado cuenta dos veces a una persona: ábralos antes de guardar.",
    confirm: "Revisé estos casos: se trata de otra agresión. Guardarlo de todos modos.",
    similarity: "Parecido",
    open: "Abrir (pestaña nueva)",
  },
  purge: {
    title: "Purgar este caso definitivamente",
    intro:
      "Purgar borra de la base de datos el caso, sus fuentes y sus campos reservados. No se puede deshacer. La bitácora de auditoría conserva quién lo purgó y sus campos no sensibles.",
    notDeleted: "Solo se puede purgar un caso eliminado. Elimínelo primero.",
    confirm: "Entiendo que este caso se borrará definitivamente.",
    submit: "Purgar definitivamente",
    cancel: "Conservar el caso",
    done: "El caso se purgó.",
  },
};
