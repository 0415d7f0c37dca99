// GET /incidents.json?<the case list's filters>&q=: exactly the records the list shows, as JSON (audited).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { caseListExport } from "~/exports/cases.server.ts";

export const loader = (args: LoaderFunctionArgs) => caseListExport(args, "json");
