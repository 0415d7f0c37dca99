import type { Translation } from "../en.ts";

export const auth: Translation["auth"] = {
  signIn: "Iniciar sesión",
  signOut: "Cerrar sesión",
  signedInAs: "Sesión de {{name}} ({{role}})",
  email: "Correo electrónico",
  password: "Contraseña",
  title: "Iniciar sesión en Vigía",
  intro: "El equipo y las personas investigadoras inician sesión para registrar, verificar y vincular casos. Los tableros son públicos.",
  failed:
    "El correo o la contraseña no son correctos, o la cuenta está bloqueada un tiempo tras demasiados intentos. Inténtelo de nuevo o pida ayuda a una persona administradora.",
  required: "Escriba su correo y su contraseña.",
  tooMany: "Demasiados intentos de inicio de sesión desde aquí o para esta cuenta. Espere unos minutos e inténtelo de nuevo.",
  passwordPage: {
    link: "Cambiar contraseña",
    title: "Cambie su contraseña",
    forced: "Una persona administradora restableció su contraseña: elija una nueva para continuar.",
    done: "Su contraseña se cambió. Todas las demás sesiones de su cuenta terminaron.",
    currentPassword: "Contraseña actual",
    newPassword: "Contraseña nueva",
    confirmPassword: "Contraseña nueva otra vez",
    hint: "Al menos {{min}} caracteres. Unas cuantas palabras sin relación entre sí dan una buena. Todas las demás sesiones de su cuenta terminan.",
    submit: "Cambiar contraseña",
  },
  signedOut: "Cerró su sesión.",
  roles: { viewer: "lectura", staff: "equipo", admin: "administración" },
};
