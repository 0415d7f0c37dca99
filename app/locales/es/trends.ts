import type { Translation } from "../en.ts";

export const trends: Translation["trends"] = {
  title: "Tendencias",
  intro:
    "Explore los registros de casos año por año y compárelos con las cifras publicadas por Global Witness. Cada filtro queda en la dirección, así que un enlace muestra exactamente esta vista; cada gráfica se puede descargar como imagen o con los números que la forman.",
  onThisPage: "Gráficas en esta página",
  filters: {
    legend: "Filtros",
    from: "Desde el año",
    to: "Hasta el año",
    state: "Estado",
    sector: "Sector",
    perpetrator: "Perpetrador",
    characteristic: "Persona",
    gender: "Género",
    outcome: "Desenlace",
    origin: "Origen",
    verification: "Verificación",
    figures: "Cifras publicadas",
    yearHint: "Cuatro dígitos, por ejemplo 2015.",
    selected_one: "{{count}} seleccionado",
    selected_other: "{{count}} seleccionados",
    any: "cualquiera",
    verificationHint: "Sin marcar: registros de Global Witness y registros del equipo ya verificados.",
    figuresRevised: "Revisadas donde Global Witness las revisó",
    figuresFirst: "Como se informaron por primera vez",
    apply: "Aplicar filtros",
    clear: "Quitar todos los filtros",
    appliesTo:
      "Los filtros eligen registros de casos. Las cifras publicadas abarcan todo México y solo cambian con los años y con la elección del valor publicado.",
  },
  problems: {
    title: "No se pudieron aplicar estos filtros; por eso las gráficas muestran todos los registros de casos, sin filtros:",
    notYear: "{{filter}}: «{{value}}» no es un año entre 1990 y 2100.",
    yearOrder: "{{filter}}: el año inicial es posterior al año final ({{value}}).",
    unknownCode: "{{filter}}: «{{value}}» no es uno de los valores que admite este filtro.",
    fix: "Corrija el filtro arriba y vuelva a aplicarlo.",
    exportRefused: "No se generó esta gráfica porque sus filtros no son válidos:",
  },
  words: {
    separator: "; ",
    caseRecords: "Registros de casos: {{filters}}",
    nothingToCount:
      "No hay registros que contar: el filtro de desenlace excluye a las personas asesinadas y desaparecidas, que son las que cuenta esta gráfica.",
    allYears: "todos los años",
    fromYear: "desde {{year}}",
    toYear: "hasta {{year}}",
    states: "estados: {{list}}",
    sectors: "sector: {{list}}",
    perpetrators: "perpetrador: {{list}}",
    characteristics: "persona: {{list}}",
    genders: "género: {{list}}",
    outcomes: "desenlace: {{list}}",
    allOutcomes: "todos los desenlaces",
    origins: "origen: {{list}}",
    verification: "verificación: {{list}}",
    defaultVerification: "registros de Global Witness y registros del equipo verificados",
    choiceRevised: "revisadas donde Global Witness las revisó",
    choiceFirst: "como se informaron por primera vez",
  },
  titles: {
    mexicoAnnual: "Personas defensoras asesinadas o desaparecidas en México cada año: cifras publicadas y registros de casos",
    killedDisappeared: "Asesinadas y desaparecidas, por año (registros de casos)",
    sector: "Registros de casos por sector",
    indigenousShare: "Proporción indígena entre las personas defensoras asesinadas o desaparecidas y en la población de México",
    perpetrator: "Registros de casos por perpetrador",
    stateBars: "Registros de casos por estado",
    stateMap: "Mapa de registros de casos por estado",
    mining: "Minería e industrias extractivas: registros de casos por año",
    reconciliation: "Conciliación: cifra anual publicada y registros de casos, México",
    annualTrend: "Personas defensoras asesinadas o desaparecidas cada año: México y el mundo (cifras publicadas)",
  },
  subtitles: {
    publishedBeside: "Cifras publicadas para todo México, {{choice}}. {{cases}}",
    indigenousShare: "Publicado: México, {{years}}. {{cases}}",
    annualTrend: "México (barras, eje izquierdo) y el mundo (línea, eje derecho), {{years}}; cifras publicadas, {{choice}}",
  },
  series: {
    people: "Personas (registros de casos)",
    caseRecords: "Registros de casos (personas)",
    caseRecordsLethal: "Registros de casos: asesinadas o desaparecidas (personas)",
    publishedRevised: "Publicado: asesinadas (cifra revisada si la hay)",
    publishedFirst: "Publicado: asesinadas (primera cifra informada)",
    publishedDisappeared: "Publicado: desaparecidas (informadas aparte)",
    difference: "Diferencia: registros de casos menos cifra publicada",
    miningPeople: "Personas en conflictos de minería e industrias extractivas (registros de casos)",
  },
  columns: {
    publishedFirst: "Publicado, primera cifra",
    publishedRevised: "Publicado, revisado",
    perpetrator: "Perpetrador",
    state: "Estado",
    measure: "Medida",
    percent: "Proporción (%)",
    basis: "Base",
  },
  indigenous: {
    defendersDerived: "Personas defensoras asesinadas o desaparecidas (derivado de cifras publicadas)",
    population: "Población de México (publicado)",
    caseRecords: "Registros de casos que cumplen los filtros",
    basisDerived: "{{value}} de {{total}}: derivado por Vigía de dos cifras publicadas como «al menos»",
    basisPublished: "Según el artículo del 18 de septiembre de 2025 (no indica el año del censo)",
    basisCases: "{{value}} de {{total}} personas en los registros de casos",
    basisNoRecords: "Ningún registro de casos cumple los filtros",
  },
  notes: {
    mexicoAnnual:
      "Las barras publicadas son las cifras de Global Witness para todo México y no cambian con los filtros. Hay registros de casos para 2012–2021 (conjunto de datos de Global Witness) y para los casos que el equipo registró y verificó; una barra ausente significa que no hay registro, no que no hubo ataques.",
    lethalOnly: "Aquí los registros de casos cuentan solo a personas asesinadas o desaparecidas, que es lo que cuenta Global Witness.",
    killedDisappeared:
      "El conjunto de datos de Global Witness registra cada caso como asesinato: sus informes anteriores a 2025 contaban las desapariciones de largo plazo entre las personas asesinadas. Las desapariciones aparecen aquí a medida que el equipo las registra; Global Witness publicó 18 asesinadas y 1 desaparecida para 2024.",
    sector: "«No se pudo confirmar el sector» siempre se muestra: los casos desconocidos nunca se descartan.",
    perpetrator:
      "«Sin especificar» siempre se muestra. Los agentes del Estado (policía, fuerzas armadas, actores militares privados, funcionarios) se destacan en rojo anaranjado.",
    stateUnknown:
      "«Estado no identificado»: registros cuya región no se pudo asociar a uno de los 32 estados de México; el registro conserva la región tal como la escribió la fuente.",
    indigenousDerived:
      "La proporción de personas defensoras divide dos cifras publicadas (al menos 110 indígenas de al menos 222, 2012–2024); ambas son «al menos», así que la proporción es indicativa. La proporción de la población se da tal como se publicó.",
    indigenousCases:
      "La proporción en los registros de casos cuenta a las personas asesinadas o desaparecidas registradas como indígenas entre todas las que cumplen los filtros; el filtro de persona no se aplica a esta gráfica.",
    miningSector: "Esta gráfica muestra siempre el sector de minería e industrias extractivas; todos los demás filtros se aplican.",
    miningPublished:
      "Global Witness publicó {{value}} personas defensoras asesinadas o desaparecidas en conflictos de minería e industrias extractivas en México en {{years}}, sin desglose por año.",
  },
  reconciliation: {
    difference:
      "La diferencia es registros de casos menos la cifra publicada (asesinadas, más desaparecidas donde se publicaron aparte); un número negativo indica menos registros que la cifra publicada.",
    revisions:
      "Revisiones: Global Witness revisa los años anteriores a medida que verifica más casos, por lo que la primera cifra de un informe y la cifra revisada del conjunto de datos pueden diferir.",
    killedDisappeared:
      "Asesinadas y desaparecidas: los informes anteriores a 2025 cuentan las desapariciones de largo plazo entre las personas asesinadas; desde 2024 se publican aparte.",
    inclusion:
      "Criterios de inclusión: Global Witness cuenta los ataques letales que pudo verificar con sus propios criterios; los registros del equipo siguen la verificación de Vigía y pueden incluir casos que Global Witness no contó.",
    coverage:
      "Cobertura: los datos por caso de Global Witness llegan hasta 2021, así que para los años siguientes los registros solo contienen lo que el equipo ha registrado.",
    scope: "Aquí solo se aplican los filtros de años, origen y verificación, para comparar todos los registros de México, como la cifra publicada.",
  },
  sources: {
    gwDataset: "Conjunto de datos de Global Witness sobre ataques letales 2012–2021 (registros de casos, descargado el 22 sep 2022)",
    staff: "casos registrados y verificados por el equipo de Vigía",
    headline:
      "Cifras de Global Witness (Roots of Resistance, 2025, y su base de datos) difundidas por Peace Brigades International Canadá, 18 sep 2025",
  },
  asOf: "Datos al {{date}} (la fecha más reciente entre las fuentes y los registros de casos de esta gráfica)",
  asOfUnknown: "Fecha de los datos desconocida: ninguna fuente ni registro de esta gráfica tiene fecha",
  milestonesOutsideSpan: "Hitos fuera de los años mostrados: {{list}}",
  map: {
    shapes: "Contornos de los estados:",
    attribution: "Contornos de los estados: @svg-maps/mexico, de Victor Cazanave, con licencia CC BY 4.0 ({{url}})",
    unknownNote: "Fuera del mapa: los registros cuyo estado no se pudo identificar.",
  },
  export: {
    label: "Exportaciones de «{{title}}»",
    downloadPng: "Descargar PNG",
    pngLink: "Imagen PNG (enlace)",
    csv: "CSV con los números",
    permalink: "Enlace permanente",
    copy: "Copiar",
    embed: "Insertar esta gráfica",
    embedHelp: "Pegue esto en su página:",
    preparing: "Preparando la imagen…",
    downloaded: "Se descargó {{file}}.",
    failed: "Este navegador no pudo generar la imagen; use el enlace a la imagen PNG.",
    permalinkCopied: "Enlace permanente copiado.",
    embedCopied: "Código para insertar copiado.",
    copyFailed: "No se pudo copiar; seleccione el texto y cópielo usted.",
    credit: "Hecho con Vigía: {{url}}",
    openInVigia: "Abrir esta gráfica en Vigía, con sus exportaciones",
  },
  chartList: {
    title: "Gráficas",
    intro:
      "Todas las gráficas de Vigía, con su página, una imagen PNG que siempre muestra los datos actuales y un CSV con exactamente los números graficados. Agregue a cualquier enlace los mismos filtros que en la página de Tendencias.",
    chart: "Gráfica",
    id: "Identificador",
    links: "Enlaces",
    page: "Página",
    png: "PNG",
    csv: "CSV",
    embed: "Insertar",
  },
  embed: {
    from: "Desde Vigía",
  },
  errors: {
    unknownChart: "No hay ninguna gráfica con este identificador. La lista de gráficas está en /charts.",
  },
};
