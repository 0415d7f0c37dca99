import type { Translation } from "../../en.ts";

// incidents: filters (a chunk of its own in the browser: docs/decisions/126).
export const texts: Pick<Translation["incidents"], "filters"> = {
  filters: {
    search: "Buscar nombres, lugares y descripciones",
    searchHint: "No importan los acentos ni las mayúsculas: «Jose» encuentra «José». Deben aparecer todas las palabras.",
    title: "Filtrar los casos",
    yearFrom: "Desde el año",
    yearTo: "Hasta el año",
    state: "Estado",
    sector: "Sector",
    perpetrator: "Perpetrador",
    characteristic: "Características de la persona",
    gender: "Género",
    outcome: "Agresión",
    origin: "Origen",
    verification: "Verificación",
    sort: "Orden",
    apply: "Aplicar filtros",
    clear: "Quitar filtros",
    chosen: "elegidos: {{count}}",
    country: "País",
    allCountries: "Todos los países",
    countryHint: "México, salvo que elija otro país: los registros de otros países provienen de importaciones del conjunto de datos mundial.",
    sorts: {
      date_desc: "fecha, de la más reciente a la más antigua",
      date_asc: "fecha, de la más antigua a la más reciente",
      updated_desc: "editados más recientemente primero",
    },
    problems: {
      title: "Se omitieron algunos filtros de la dirección:",
      notYear: "«{{value}}» no es un año ({{param}}).",
      yearOrder: "Los años están en orden inverso ({{value}}).",
      unknownCode: "«{{value}}» no es un valor conocido ({{param}}).",
      badCursor: "El enlace de página no era válido, así que se muestra la primera página.",
    },
  },
};
