import type { Translation } from "../en.ts";

export const charts: Translation["charts"] = {
  sourceLine: "Fuente: {{source}}",
  fewerThan: "menos de {{count}}",
  fewerThanShort: "<{{count}}",
  smallLinkCountsNote:
    "Los conteos de casos menores de {{count}} que incluyen registros del personal se muestran como «menos de {{count}}», al igual que todo total que incluya uno, para que nadie pueda ser identificado ni deducido por resta.",
  smallCountsNote:
    "Los conteos de personas menores de {{count}} que incluyen registros del personal se muestran como «menos de {{count}}» y no se dibujan, para que nadie pueda ser identificado.",
  dataAsOf: "Datos al {{date}}",
  milestones: "Hitos",
  milestonesOutside: "Hitos posteriores al periodo mostrado: {{list}}",
  noData: "Sin datos",
  annualTrend: {
    title: "Personas defensoras asesinadas o desaparecidas en México por año, 2012–2024",
    subtitle: "México (barras, eje izquierdo) y el mundo (línea, eje derecho); último valor publicado de cada año",
    killed: "México: asesinadas (antes de 2024 incluye desapariciones prolongadas)",
    disappeared: "México: desaparecidas (se informan aparte desde 2024)",
    worldwide: "Mundo: asesinadas o desaparecidas",
    axisMexico: "México",
    axisWorld: "Mundo",
    source: "Informes anuales de Global Witness (2012–2024) y su revisión de 2012–2021 en la base de datos (descargada el 22 de septiembre de 2022)",
    tableMexicoFirst: "México, primera cifra publicada",
    tableMexicoRevised: "México, cifra revisada",
    tableMexicoPlotted: "México, cifra graficada",
    tableDisappeared: "México, desaparecidas",
    tableWorldPlotted: "Mundo, cifra graficada",
    tableReport: "Informe",
    note: "Cuando no se encontró la cifra de México del propio informe (2012–2015), la barra muestra el valor revisado de Global Witness; 2022–2024 aún no tienen revisión. Los informes anteriores a 2025 cuentan las desapariciones prolongadas como asesinatos.",
  },
  sectorBreakdown: {
    sector: "Sector",
  },
};
