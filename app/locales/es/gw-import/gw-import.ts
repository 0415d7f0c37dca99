import type { Translation } from "../../en.ts";

// gwImport: every key of gwImport that no other file of this folder holds (a chunk of its own in the browser: docs/decisions/126).
export const texts: Pick<
  Translation["gwImport"],
  "title" | "intro" | "dashboardsNote" | "upload" | "fetch" | "refused" | "counts" | "job" | "history" | "empty"
> = {
  title: "Importar el conjunto de datos de Global Witness",
  intro:
    "Actualiza los registros de casos con el conjunto de datos de ataques letales que publica Global Witness, para todos los países y años. No se guarda nada hasta que revises la vista previa y la confirmes; después, la importación completa se guarda de una sola vez, o no se guarda nada.",
  dashboardsNote: "Los tableros siguen mostrando México, salvo que quien los consulta elija otro país.",
  upload: {
    legend: "Subir un archivo",
    file: "El conjunto de datos en CSV",
    hint: "El archivo que publica Global Witness (UTF-8, con las columnas id, date, name, …, number_of_victims). Máximo {{size}}.",
    submit: "Revisar el archivo",
  },
  fetch: {
    legend: "Descargar de la dirección configurada",
    address: "Dirección: {{url}}",
    notConfigured: "No hay una dirección configurada. Quien administra el servidor puede definir GW_DATASET_URL (ver .env.example).",
    submit: "Descargar y revisar",
  },
  refused: {
    title: "No se importó nada",
    noFile: "Elige un archivo CSV para subir.",
    tooLarge: "El archivo pesa más de {{size}}: divídelo o descárgalo desde la dirección configurada.",
    empty: "El archivo está vacío.",
    header: "Este no es el conjunto de datos de Global Witness: a su primera línea le faltan las columnas {{detail}}.",
    malformed: "El archivo no se pudo leer como CSV (línea {{line}}).",
    truncated: "El archivo termina a mitad de una fila (línea {{line}}): seguramente se cortó. Descárgalo de nuevo.",
    notConfigured: "No hay una dirección del conjunto de datos configurada.",
    http: "El servidor respondió {{status}} en lugar del archivo. Revisa la dirección o inténtalo más tarde.",
    timeout: "El servidor no respondió a tiempo, ni siquiera tras {{attempts}} intentos. Inténtalo más tarde.",
    network: "No se pudo contactar al servidor tras {{attempts}} intentos ({{detail}}).",
    incomplete: "La descarga quedó incompleta ({{received}} de {{expected}} bytes). No se importó nada: inténtalo de nuevo.",
  },
  counts: {
    created: "Nuevos",
    updated: "Con cambios",
    unchanged: "Sin cambios",
    invalid: "No válidos",
    conflicts: "Conflictos",
  },
  job: {
    title: "Importación de {{name}}",
    statuses: {
      previewed: "En espera de confirmación",
      queued: "En cola",
      running: "Importando…",
      stalled: "Detenida: su servidor se detuvo durante la importación, así que no se guardó nada",
      done: "Importada",
      failed: "Falló: no se guardó nada",
      discarded: "Descartada",
    },
    progress: "{{processed}} de {{total}} filas",
    refreshing: "Esta página se actualiza sola cada {{seconds}} segundos hasta que termine la importación.",
    retry: "Intentar de nuevo",
    resultCaption: "Lo que hizo la importación",
    conflictsLeft: "{{count}} conflictos se dejaron como estaban: sube el archivo de nuevo para decidirlos.",
    back: "Volver a las importaciones",
  },
  history: {
    title: "Importaciones recientes",
    caption: "Importaciones recientes, de la más nueva a la más antigua",
    when: "Cuándo",
    file: "Archivo",
    status: "Estado",
    result: "Resultado",
    none: "Todavía no hay importaciones.",
  },
  empty: "(vacío)",
};
