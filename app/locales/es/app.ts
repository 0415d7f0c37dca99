import type { Translation } from "../en.ts";

export const app: Translation["app"] = {
  name: "Vigía",
  tagline: "Ataques contra personas defensoras de la tierra y el medio ambiente en México, y los compromisos que les atañen",
  skipToContent: "Ir al contenido",
  language: "Idioma",
  languages: { en: "English", es: "Español", fr: "Français" },
  changeLanguage: "Cambiar idioma",
  nav: {
    label: "Principal",
    overview: "Panorama",
    trends: "Tendencias",
    cases: "Casos",
    provisions: "Compromisos",
    charts: "Gráficas",
    work: "Trabajo",
    review: "Revisar vínculos",
    matrix: "Matriz",
    newIncident: "Registrar agresión",
    users: "Usuarios",
    import: "Importar",
    audit: "Bitácora de auditoría",
    signIn: "Iniciar sesión",
    signOut: "Cerrar sesión",
    signedInAs: "Sesión de {{name}} ({{role}})",
    changePassword: "Cambiar contraseña",
    twoFactor: "Verificación en dos pasos",
  },
  roles: { viewer: "lectura", staff: "equipo", admin: "administración" },
  footer: {
    data: "Cifras y registros de casos: Global Witness, tal como se publicaron, con la fuente junto a cada número. Los textos de Vigía son propios.",
    layers:
      "Las cifras publicadas se muestran tal como se imprimieron y nunca se recalculan; los conteos de registros de casos se calculan a partir de los registros y se muestran aparte.",
  },
  demoBanner: "Esta base de datos tiene cuentas de demostración. No guarde casos reales aquí.",
};
