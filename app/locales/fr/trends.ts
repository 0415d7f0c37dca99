import type { Translation } from "../en.ts";

export const trends: Translation["trends"] = {
  title: "Tendances",
  intro:
    "Explorez les dossiers de cas année par année et comparez-les aux chiffres publiés par Global Witness. Chaque filtre reste dans l'adresse : un lien montre exactement cette vue. Chaque graphique se télécharge en image ou avec les chiffres qui le composent.",
  onThisPage: "Graphiques de cette page",
  filters: {
    legend: "Filtres",
    from: "À partir de l'année",
    to: "Jusqu'à l'année",
    state: "État",
    sector: "Secteur",
    perpetrator: "Auteur",
    characteristic: "Personne",
    gender: "Genre",
    outcome: "Issue",
    origin: "Origine",
    verification: "Vérification",
    figures: "Chiffres publiés",
    yearHint: "Quatre chiffres, par exemple 2015.",
    selected_one: "{{count}} choisi",
    selected_other: "{{count}} choisis",
    any: "tous",
    verificationHint: "Aucune case cochée : dossiers de Global Witness et dossiers de l'équipe vérifiés.",
    figuresRevised: "Révisés là où Global Witness les a révisés",
    figuresFirst: "Tels que publiés la première fois",
    apply: "Appliquer les filtres",
    clear: "Retirer tous les filtres",
    appliesTo:
      "Les filtres choisissent des dossiers de cas. Les chiffres publiés couvrent tout le Mexique et ne changent qu'avec les années et le choix de la valeur publiée.",
  },
  problems: {
    title: "Ces filtres n'ont pas pu être appliqués ; les graphiques ci-dessous montrent donc tous les dossiers de cas, sans filtre :",
    notYear: "{{filter}} : « {{value}} » n'est pas une année entre 1990 et 2100.",
    yearOrder: "{{filter}} : l'année de début vient après l'année de fin ({{value}}).",
    unknownCode: "{{filter}} : « {{value}} » ne fait pas partie des valeurs de ce filtre.",
    fix: "Corrigez le filtre ci-dessus, puis appliquez-le de nouveau.",
    exportRefused: "Ce graphique n'a pas été produit, car ses filtres ne sont pas valides :",
  },
  words: {
    separator: " ; ",
    caseRecords: "Dossiers de cas : {{filters}}",
    nothingToCount:
      "Aucun dossier à compter : le filtre d'issue exclut les personnes tuées et disparues, que ce graphique compte.",
    allYears: "toutes les années",
    fromYear: "à partir de {{year}}",
    toYear: "jusqu'en {{year}}",
    states: "États : {{list}}",
    sectors: "secteur : {{list}}",
    perpetrators: "auteur : {{list}}",
    characteristics: "personne : {{list}}",
    genders: "genre : {{list}}",
    outcomes: "issue : {{list}}",
    allOutcomes: "toutes les issues",
    origins: "origine : {{list}}",
    verification: "vérification : {{list}}",
    defaultVerification: "dossiers de Global Witness et dossiers de l'équipe vérifiés",
    choiceRevised: "révisés là où Global Witness les a révisés",
    choiceFirst: "tels que publiés la première fois",
  },
  titles: {
    mexicoAnnual: "Défenseurs tués ou disparus au Mexique chaque année : chiffres publiés et dossiers de cas",
    killedDisappeared: "Tués et disparus, par année (dossiers de cas)",
    sector: "Dossiers de cas par secteur",
    indigenousShare: "Part des Autochtones parmi les défenseurs tués ou disparus et dans la population du Mexique",
    perpetrator: "Dossiers de cas par auteur",
    stateBars: "Dossiers de cas par État",
    stateMap: "Carte des dossiers de cas par État",
    mining: "Mines et industries extractives : dossiers de cas par année",
    reconciliation: "Rapprochement : chiffre annuel publié et dossiers de cas, Mexique",
    annualTrend: "Défenseurs tués ou disparus chaque année : Mexique et monde (chiffres publiés)",
  },
  subtitles: {
    publishedBeside: "Chiffres publiés pour tout le Mexique, {{choice}}. {{cases}}",
    indigenousShare: "Publié : Mexique, {{years}}. {{cases}}",
    annualTrend: "Mexique (barres, axe de gauche) et monde (ligne, axe de droite), {{years}} ; chiffres publiés, {{choice}}",
  },
  series: {
    people: "Personnes (dossiers de cas)",
    caseRecords: "Dossiers de cas (personnes)",
    caseRecordsLethal: "Dossiers de cas : tués ou disparus (personnes)",
    publishedRevised: "Publié : tués (chiffre révisé s'il existe)",
    publishedFirst: "Publié : tués (premier chiffre publié)",
    publishedDisappeared: "Publié : disparus (publiés à part)",
    difference: "Écart : dossiers de cas moins chiffre publié",
    miningPeople: "Personnes dans des conflits miniers et extractifs (dossiers de cas)",
  },
  columns: {
    publishedFirst: "Publié, premier chiffre",
    publishedRevised: "Publié, révisé",
    perpetrator: "Auteur",
    state: "État",
    measure: "Mesure",
    percent: "Part (%)",
    basis: "Fondement",
  },
  indigenous: {
    defendersDerived: "Défenseurs tués ou disparus (dérivé de chiffres publiés)",
    population: "Population du Mexique (publié)",
    caseRecords: "Dossiers de cas correspondant aux filtres",
    basisDerived: "{{value}} sur {{total}} : dérivé par Vigía de deux chiffres publiés « au moins »",
    basisPublished: "Tel que publié dans l'article du 18 septembre 2025 (année du recensement non précisée)",
    basisCases: "{{value}} sur {{total}} personnes dans les dossiers de cas",
    basisNoRecords: "Aucun dossier de cas ne correspond aux filtres",
  },
  notes: {
    mexicoAnnual:
      "Les barres publiées sont les chiffres de Global Witness pour tout le Mexique et ne changent pas avec les filtres. Des dossiers de cas existent pour 2012–2021 (jeu de données de Global Witness) et pour les cas que l'équipe a consignés et vérifiés ; une barre absente signifie qu'il n'y a pas de dossier, pas qu'il n'y a pas eu d'attaque.",
    lethalOnly: "Ici, les dossiers de cas ne comptent que les personnes tuées ou disparues, ce que compte Global Witness.",
    killedDisappeared:
      "Le jeu de données de Global Witness consigne chaque cas comme un meurtre : ses rapports antérieurs à 2025 comptaient les disparitions de longue durée parmi les personnes tuées. Les disparitions apparaissent ici à mesure que l'équipe les consigne ; Global Witness a publié 18 personnes tuées et 1 disparue pour 2024.",
    sector: "« Secteur non confirmé » est toujours affiché : les inconnues ne sont jamais écartées.",
    perpetrator:
      "« Non précisé » est toujours affiché. Les agents de l'État (police, forces armées, acteurs militaires privés, fonctionnaires) sont mis en évidence en rouge orangé.",
    stateUnknown:
      "« État non identifié » : dossiers dont la région n'a pu être rattachée à l'un des 32 États du Mexique ; le dossier garde la région telle que la source l'a écrite.",
    indigenousDerived:
      "La part parmi les défenseurs divise deux chiffres publiés (au moins 110 Autochtones sur au moins 222, 2012–2024) ; les deux sont « au moins », la part est donc indicative. La part dans la population est donnée telle que publiée.",
    indigenousCases:
      "La part dans les dossiers de cas compte les personnes tuées ou disparues consignées comme autochtones parmi toutes celles qui correspondent aux filtres ; le filtre de personne ne s'applique pas à ce graphique.",
    miningSector: "Ce graphique montre toujours le secteur des mines et industries extractives ; tous les autres filtres s'appliquent.",
    miningPublished:
      "Global Witness a publié {{value}} défenseurs tués ou disparus dans des conflits miniers et extractifs au Mexique en {{years}}, sans ventilation par année.",
  },
  reconciliation: {
    difference:
      "L'écart correspond aux dossiers de cas moins le chiffre publié (tués, plus disparus là où ils sont publiés à part) ; un nombre négatif signifie moins de dossiers que le chiffre publié.",
    revisions:
      "Révisions : Global Witness révise les années passées à mesure qu'il vérifie d'autres cas ; le premier chiffre d'un rapport et le chiffre révisé du jeu de données peuvent donc différer.",
    killedDisappeared:
      "Tués et disparus : les rapports antérieurs à 2025 comptent les disparitions de longue durée parmi les personnes tuées ; depuis 2024, elles sont publiées à part.",
    inclusion:
      "Critères d'inclusion : Global Witness compte les attaques mortelles qu'il a pu vérifier selon ses propres critères ; les dossiers de l'équipe suivent la vérification de Vigía et peuvent inclure des cas que Global Witness n'a pas comptés.",
    coverage:
      "Couverture : les données par cas de Global Witness s'arrêtent en 2021 ; pour les années suivantes, les dossiers ne contiennent que ce que l'équipe a consigné.",
    scope: "Seuls les filtres d'années, d'origine et de vérification s'appliquent ici, afin de comparer tous les dossiers du Mexique, comme le chiffre publié.",
  },
  sources: {
    gwDataset: "Jeu de données de Global Witness sur les attaques mortelles 2012–2021 (dossiers de cas, téléchargé le 22 sept. 2022)",
    staff: "cas consignés et vérifiés par l'équipe de Vigía",
    headline:
      "Chiffres de Global Witness (Roots of Resistance, 2025, et sa base de données) relayés par Brigades de paix internationales Canada, 18 sept. 2025",
  },
  asOf: "Données au {{date}} (la date la plus récente parmi les sources et les dossiers de cas de ce graphique)",
  asOfUnknown: "Date des données inconnue : aucune source ni aucun dossier de ce graphique n'est daté",
  milestonesOutsideSpan: "Jalons hors des années affichées : {{list}}",
  map: {
    shapes: "Contours des États :",
    attribution: "Contours des États : @svg-maps/mexico, de Victor Cazanave, sous licence CC BY 4.0 ({{url}})",
    unknownNote: "Hors de la carte : les dossiers dont l'État n'a pu être identifié.",
  },
  export: {
    label: "Exportations de « {{title}} »",
    downloadPng: "Télécharger en PNG",
    pngLink: "Image PNG (lien)",
    csv: "CSV des chiffres",
    permalink: "Lien permanent",
    copy: "Copier",
    embed: "Intégrer ce graphique",
    embedHelp: "Collez ceci dans votre page :",
    preparing: "Préparation de l'image…",
    downloaded: "{{file}} téléchargé.",
    failed: "Ce navigateur n'a pas pu produire l'image ; utilisez plutôt le lien vers l'image PNG.",
    permalinkCopied: "Lien permanent copié.",
    embedCopied: "Code d'intégration copié.",
    copyFailed: "Copie impossible ; sélectionnez le texte et copiez-le vous-même.",
    credit: "Réalisé avec Vigía : {{url}}",
    openInVigia: "Ouvrir ce graphique dans Vigía, avec ses exportations",
  },
  chartList: {
    title: "Graphiques",
    intro:
      "Tous les graphiques de Vigía, avec leur page, une image PNG qui montre toujours les données à jour et un CSV des chiffres exacts du graphique. Ajoutez à n'importe quel lien les mêmes filtres que sur la page Tendances.",
    chart: "Graphique",
    id: "Identifiant",
    links: "Liens",
    page: "Page",
    png: "PNG",
    csv: "CSV",
    embed: "Intégrer",
  },
  embed: {
    from: "Tiré de Vigía",
  },
  errors: {
    unknownChart: "Aucun graphique ne porte cet identifiant. La liste des graphiques se trouve à /charts.",
  },
};
