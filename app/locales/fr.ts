import type { Translation } from "./en.ts";
import { auth } from "./fr/auth.ts";
import { trends } from "./fr/trends.ts";
import { provisions } from "./fr/provisions.ts";
import { admin } from "./fr/admin.ts";
import { incidents } from "./fr/incidents.ts";
import { validation } from "./fr/validation.ts";
import { forms } from "./fr/forms.ts";
import { gwImport } from "./fr/gw-import.ts";
import { app } from "./fr/app.ts";
import { common } from "./fr/common.ts";
import { overview } from "./fr/overview.ts";
import { charts } from "./fr/charts.ts";
import { taxonomy } from "./fr/taxonomy.ts";
import { errors } from "./fr/errors.ts";

// Français (Canada).
export const fr: Translation = {
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
