import { auth } from "./en/auth.ts";
import { trends } from "./en/trends.ts";
import { provisions } from "./en/provisions.ts";
import { admin } from "./en/admin.ts";
import { incidents } from "./en/incidents.ts";
import { validation } from "./en/validation.ts";
import { forms } from "./en/forms.ts";
import { gwImport } from "./en/gw-import.ts";
import { app } from "./en/app.ts";
import { common } from "./en/common.ts";
import { overview } from "./en/overview.ts";
import { charts } from "./en/charts.ts";
import { taxonomy } from "./en/taxonomy.ts";
import { errors } from "./en/errors.ts";

// English strings. es.ts and fr.ts must have exactly the same keys: the
// Translation type makes the typecheck fail when one is missing, and
// tests/lib/i18n.test.ts checks that no value is empty.
export const en = {
  app,
  common,
  overview,
  charts,
  taxonomy,
  // Feature sections live in app/locales/<lng>/<feature>.ts, one line each here.
  auth,
  trends,
  provisions,
  incidents,
  admin,
  validation,
  forms,
  gwImport,
  errors,
} as const;

type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };
/** The shape every language must fill in completely. */
export type Translation = Widen<typeof en>;
