import type { Translation } from "../en.ts";

export const common: Translation["common"] = {
  source: "Fuente",
  sources: "Fuentes",
  status: "Estado",
  period: "Periodo",
  atLeast: "al menos",
  atLeastValue: "al menos {{value}}",
  notFound: "no encontrado",
  unknown: "desconocido",
  note: "Nota",
  year: "Año",
  value: "Valor",
  total: "Total",
  showTable: "Tabla de datos",
  dataTable: "Tabla de datos: {{title}}",
  derived: "derivado",
  untranslated: "sin traducir",
  untranslatedHelp: "Se muestra en inglés: todavía no se ha capturado la traducción.",
  pager: { label: "Páginas", first: "Primera página", previous: "Página anterior", next: "Página siguiente" },
  figureStatus: {
    confirmed: "confirmada",
    reported: "reportada",
    unconfirmed: "sin confirmar",
  },
  figureStatusHelp: {
    confirmed: "Cotejada con el material propio de quien la publicó.",
    reported: "Difundida por una fuente secundaria que cita a quien la publicó.",
    unconfirmed: "No se pudo vincular con el material propio de quien la publicó.",
  },
};
