import type { Translation } from "../en.ts";
import { texts as main } from "./provisions/provisions.ts";
import { texts as links } from "./provisions/provisions-links.ts";
import { texts as form } from "./provisions/provisions-form.ts";
import { texts as views } from "./provisions/provisions-views.ts";

// Compromisos: disposiciones, sugerencias y revisión de vínculos, fichas de seguimiento, matriz de rendición de cuentas.
// The browser loads its parts one by one (app/lib/i18n.ts); the server holds them together.
export const provisions: Translation["provisions"] = { ...main, ...links, ...form, ...views };
