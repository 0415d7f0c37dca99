import type { Translation } from "../../en.ts";

// admin: every key of admin that no other file of this folder holds (a chunk of its own in the browser: docs/decisions/126).
export const texts: Pick<Translation["admin"], "users" | "newUser" | "user"> = {
  users: {
    title: "Usuarios",
    intro:
      "Quién puede iniciar sesión y con qué rol: lectura consulta y exporta; el equipo además registra, edita y verifica casos; administración además gestiona usuarios y purga casos.",
    add: "Agregar un usuario",
    name: "Nombre",
    email: "Correo electrónico",
    role: "Rol",
    status: "Estado",
    lastSignIn: "Último inicio de sesión",
    sessions: "Sesiones abiertas",
    manage: "Gestionar",
    never: "nunca",
    active: "Activo",
    inactive: "Desactivado",
    lockedUntil: "Bloqueado hasta {{time}}",
    caption: "Usuarios de este Vigía",
    you: "(usted)",
  },
  newUser: {
    title: "Agregar un usuario",
    password: "Contraseña inicial",
    passwordHint:
      "Al menos {{min}} caracteres. Entréguela por un canal seguro; la persona inicia sesión con ella. Las contraseñas solo se guardan como hash argon2id.",
    submit: "Crear el usuario",
    created: "Se creó el usuario.",
  },
  user: {
    secondFactor: "Segundo factor (aplicación de autenticación)",
    secondFactorOn: "Activado",
    secondFactorOff: "Desactivado",
    removeSecondFactor: "Retirar el segundo factor",
    removeSecondFactorHint:
      "Para quien perdió su aplicación de autenticación y sus códigos de recuperación: después, basta la contraseña para iniciar sesión, hasta que configure uno nuevo. Hágalo cuando sepa que la persona es quien dice ser.",
    failedSignIns: "Intentos fallidos desde el último correcto",
    mustChangePassword: "Debe elegir una contraseña nueva al iniciar sesión",
    unlock: "Desbloquear la cuenta",
    unlockHint: "Borra los {{count}} intentos fallidos contados y, con ellos, cualquier bloqueo. Hágalo cuando sepa que la persona es quien dice ser.",
    resetPassword: "Restablecer la contraseña",
    resetHint:
      "Indique una contraseña temporal de al menos {{min}} caracteres y entréguela de forma segura; la persona deberá elegir una nueva al iniciar sesión. Todas las sesiones de la cuenta terminan ahora.",
    title: "Usuario: {{name}}",
    changeRole: "Cambiar el rol",
    saveRole: "Guardar el rol",
    deactivate: "Desactivar",
    deactivateHint: "La persona ya no puede iniciar sesión y todas sus sesiones abiertas terminan ahora.",
    reactivate: "Reactivar",
    revoke: "Cerrar sesión en todas partes",
    revokeHint: "Termina todas las sesiones abiertas de este usuario ({{count}} ahora).",
    account: "Cuenta",
    done: {
      role: "Se cambió el rol.",
      deactivated: "Se desactivó el usuario y se cerraron todas sus sesiones.",
      reactivated: "Se reactivó el usuario.",
      revoked: "Terminaron todas las sesiones de este usuario.",
      created: "Se creó el usuario.",
      unlocked: "La cuenta está desbloqueada y su cuenta de intentos fallidos, a cero.",
      reset: "La contraseña se restableció: la persona debe elegir una nueva al iniciar sesión y todas sus sesiones terminaron.",
      secondFactorRemoved: "Se retiró el segundo factor: ahora basta la contraseña para entrar en esta cuenta.",
    },
    selfHint: "No puede cambiar su propio rol ni desactivarse: pídalo a otra persona administradora.",
  },
};
