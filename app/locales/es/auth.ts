import type { Translation } from "../en.ts";

export const auth: Translation["auth"] = {
  email: "Correo electrónico",
  password: "Contraseña",
  title: "Iniciar sesión en Vigía",
  intro: "El equipo y las personas investigadoras inician sesión para registrar, verificar y vincular casos. Los tableros son públicos.",
  failed:
    "El correo o la contraseña no son correctos, o la cuenta está bloqueada un tiempo tras demasiados intentos. Inténtelo de nuevo o pida ayuda a una persona administradora.",
  required: "Escriba su correo y su contraseña.",
  tooMany: "Demasiados intentos de inicio de sesión desde aquí o para esta cuenta. Espere unos minutos e inténtelo de nuevo.",
  passwordPage: {
    title: "Cambie su contraseña",
    forced: "Una persona administradora restableció su contraseña: elija una nueva para continuar.",
    done: "Su contraseña se cambió. Todas las demás sesiones de su cuenta terminaron.",
    currentPassword: "Contraseña actual",
    newPassword: "Contraseña nueva",
    confirmPassword: "Contraseña nueva otra vez",
    hint: "Al menos {{min}} caracteres. Unas cuantas palabras sin relación entre sí dan una buena. Todas las demás sesiones de su cuenta terminan.",
    submit: "Cambiar contraseña",
  },
  code: {
    title: "Escriba su código",
    intro:
      "Su cuenta tiene un segundo factor. Escriba el código de 6 cifras que muestra ahora su aplicación de autenticación, o uno de sus códigos de recuperación.",
    label: "Código",
    submit: "Iniciar sesión",
    cancel: "Empezar de nuevo",
    again: "Iniciar sesión de nuevo",
  },
  twoFactor: {
    title: "Verificación en dos pasos",
    intro:
      "Con un segundo factor, para iniciar sesión hacen falta su contraseña y un código de una aplicación de autenticación en su teléfono (cualquiera que admita códigos TOTP): una contraseña robada no basta.",
    off: "La verificación en dos pasos está desactivada en su cuenta.",
    start: "Configurar una aplicación de autenticación",
    scanTitle: "Configure su aplicación de autenticación",
    stepApp: "Abra su aplicación de autenticación y añada una cuenta.",
    stepScan: "Escanee con ella este código QR,",
    qrAlt: "Código QR de su cuenta de Vigía para una aplicación de autenticación. La misma clave está escrita en el paso siguiente.",
    stepSecret: "o escriba esta clave a mano (basada en el tiempo, 6 cifras, cada 30 segundos):",
    confirmHint: "Escriba el código de 6 cifras que muestra ahora la aplicación. La verificación en dos pasos se activa solo cuando este código es correcto.",
    confirm: "Activar la verificación en dos pasos",
    cancel: "Cancelar la configuración",
    on: "La verificación en dos pasos está activada desde el {{date}}.",
    codesLeft_one: "Le queda {{count}} código de recuperación.",
    codesLeft_other: "Le quedan {{count}} códigos de recuperación.",
    recoveryTitle: "Sus códigos de recuperación",
    otherSessionsEnded:
      "El inicio de sesión en dos pasos está activado. Se cerraron todas las demás sesiones de su cuenta: para entrar en cualquier otro lugar ahora se pide un código.",
    recoveryIntro:
      "Guarde estos {{count}} códigos en un lugar seguro, lejos de su teléfono: cada uno le permite entrar una vez si pierde la aplicación. Se muestran solo ahora, nunca más.",
    fields: { code: "Código de su aplicación de autenticación", password: "Su contraseña" },
    disable: {
      title: "Desactivar la verificación en dos pasos",
      hint: "Hacen falta su contraseña y un código de la aplicación (o un código de recuperación). Sus códigos de recuperación dejan de servir.",
      submit: "Desactivar",
    },
    regenerate: {
      title: "Nuevos códigos de recuperación",
      hint: "Hacen falta su contraseña y un código de la aplicación. Los códigos que tiene ahora dejan de servir.",
      submit: "Crear nuevos códigos de recuperación",
    },
    done: { off: "La verificación en dos pasos está desactivada: ahora basta su contraseña.", cancelled: "Se canceló la configuración." },
  },
  signedOut: "Cerró su sesión.",
};
