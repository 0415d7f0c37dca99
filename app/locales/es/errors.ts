import type { Translation } from "../en.ts";

export const errors: Translation["errors"] = {
  notFoundTitle: "Página no encontrada",
  notFound: "No hay ninguna página en esta dirección. Revise el enlace o vuelva a empezar desde el panorama.",
  forbiddenTitle: "Acceso no permitido",
  forbidden: "Su cuenta no puede abrir esta página.",
  genericTitle: "Algo salió mal",
  generic: "No se pudo mostrar la página. Inténtelo de nuevo en un momento; si sigue ocurriendo, avise al equipo de Vigía.",
  backHome: "Ir al panorama",
};
