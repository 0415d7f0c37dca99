import type { Translation } from "../en.ts";

export const forms: Translation["forms"] = {
  conflict: {
    title: "Alguien más guardó este registro mientras usted lo editaba",
    intro:
      "Sus cambios no se guardaron. El registro está ahora en la versión {{version}}, guardada por {{name}} el {{date}}. El formulario de abajo conserva lo que usted escribió.",
    again:
      "Donde solo la otra persona cambió un campo, el formulario tiene ahora su valor; donde ambos lo cambiaron, conserva el suyo. Si vuelve a guardar, se guarda lo que tiene el formulario.",
    inForm: "Ahora en el formulario",
    keptYours: "su valor",
    tookTheirs: "el valor de la otra persona",
    field: "Campo",
    theirs: "Versión guardada (la otra)",
    yours: "Su versión",
    noFieldChanges: "Ningún campo de este formulario difiere de la versión guardada: puede guardar la suya tal cual.",
    discard: "Descartar mis cambios y abrir la versión guardada",
    unknownUser: "otra persona",
  },
};
