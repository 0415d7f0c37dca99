import type { Translation } from "./en.ts";
import { auth } from "./es/auth.ts";
import { trends } from "./es/trends.ts";
import { provisions } from "./es/provisions.ts";
import { admin } from "./es/admin.ts";
import { incidents } from "./es/incidents.ts";
import { validation } from "./es/validation.ts";
import { forms } from "./es/forms.ts";
import { gwImport } from "./es/gw-import.ts";
import { app } from "./es/app.ts";
import { common } from "./es/common.ts";
import { overview } from "./es/overview.ts";
import { charts } from "./es/charts.ts";
import { taxonomy } from "./es/taxonomy.ts";
import { errors } from "./es/errors.ts";

// Español (México).
export const es: Translation = {
  app,
  common,
  overview,
  charts,
  taxonomy,
  auth,
  trends,
  provisions,
  incidents,
  admin,
  validation,
  forms,
  gwImport,
  errors,
};
